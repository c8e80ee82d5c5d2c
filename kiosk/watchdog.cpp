#include "kiosk/watchdog.h"

#include <SDL.h>
#include <fcntl.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <thread>

namespace ankang::kiosk {

namespace {

std::atomic<bool> g_stop{false};
int g_wake_fd = -1;  // write end of the pipe the signal handler wakes the loop through

extern "C" void on_stop_signal(int) {
  g_stop.store(true);
  const char byte = 's';
  [[maybe_unused]] const ssize_t n = write(g_wake_fd, &byte, 1);  // async-signal-safe
}

// The watchdog interval systemd asks for, 0 when none. Under cage (the unit's
// main process, packaging/ankang-kiosk.service) systemd names the compositor
// in WATCHDOG_PID, so the kiosk, its child, accepts its parent too; the unit's
// NotifyAccess=all lets the child's pings through.
std::uint64_t watchdog_usec() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0) return usec;
  const char* pid = std::getenv("WATCHDOG_PID");
  const char* value = std::getenv("WATCHDOG_USEC");
  if (!pid || !value || std::strtol(pid, nullptr, 10) != static_cast<long>(getppid())) return 0;
  return std::strtoull(value, nullptr, 10);
}

// The stop signals reach the SDL event queue through a pipe and a thread,
// since SDL_PushEvent must not run inside a signal handler and the loop may
// be asleep in SDL_WaitEventTimeout.
class Service {
 public:
  Service() {
    const std::uint64_t usec = watchdog_usec();
    if (usec > 0) interval_ms_ = static_cast<int>(std::max<std::uint64_t>(usec / 1000, 4));
    if (pipe2(pipe_, O_CLOEXEC) == 0) {
      g_wake_fd = pipe_[1];
      waker_ = std::thread([fd = pipe_[0]] {
        char byte = 0;
        while (read(fd, &byte, 1) == 1 && byte == 's') {
          SDL_Event e{};
          e.type = SDL_USEREVENT;
          SDL_PushEvent(&e);
        }
      });
      struct sigaction sa{};
      sa.sa_handler = on_stop_signal;
      sa.sa_flags = SA_RESTART;  // the waker's read() and SQLite's writes go on; the pipe wakes the loop
      sigemptyset(&sa.sa_mask);
      for (int sig : {SIGTERM, SIGINT, SIGHUP}) sigaction(sig, &sa, nullptr);
    }
    sd_notify(0, "READY=1\nSTATUS=答题终端运行中 / kiosk running");
  }

  ~Service() {
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) std::signal(sig, SIG_DFL);
    if (waker_.joinable()) {
      const char byte = 'q';
      [[maybe_unused]] const ssize_t n = write(pipe_[1], &byte, 1);
      waker_.join();
    }
    g_wake_fd = -1;
    for (int fd : pipe_)
      if (fd >= 0) close(fd);
  }

  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  bool alive() {
    if (g_stop.load()) {
      if (!stopping_sent_) sd_notify(0, "STOPPING=1");
      stopping_sent_ = true;
      return false;
    }
    if (interval_ms_ > 0) {
      const auto now = std::chrono::steady_clock::now();
      if (now - last_ping_ >= std::chrono::milliseconds(interval_ms_ / 4)) {
        sd_notify(0, "WATCHDOG=1");
        last_ping_ = now;
      }
    }
    return true;
  }

  int wait_ms(int app_sleep_ms) const {
    int wait = app_sleep_ms < 0 ? 60'000 : std::max(1, app_sleep_ms);
    if (interval_ms_ > 0) wait = std::min(wait, interval_ms_ / 2);
    return wait;
  }

 private:
  int interval_ms_ = 0;  // 0: no watchdog
  std::chrono::steady_clock::time_point last_ping_{};
  bool stopping_sent_ = false;
  int pipe_[2] = {-1, -1};
  std::thread waker_;
};

Service& service() {
  static Service s;
  return s;
}

}  // namespace

bool service_alive() { return service().alive(); }

int service_wait_ms(int app_sleep_ms) { return service().wait_ms(app_sleep_ms); }

}  // namespace ankang::kiosk
