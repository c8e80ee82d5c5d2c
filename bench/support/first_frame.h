// Start-up timing shared by the benchmarks of windowed programs (kiosk,
// console): a program is run to its exit and timed from fork to the
// "first-frame" line it prints once its first frame is presented.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace ankang::bench {

struct Run {
  double ms = 0;       // fork to the "first-frame" line (printed after the first frame is presented)
  long max_rss_kb = 0;
};

// Runs a program to its exit; the time to its first frame and its peak RSS.
// The clock stops at the "first-frame" line, not at exit: closing the store
// and tearing down GL are not start-up. Exits the benchmark when the
// program fails or prints no such line.
inline Run run_to_first_frame(const std::vector<std::string>& argv) {
  using Clock = std::chrono::steady_clock;
  std::fflush(stdout);  // or the child's copy of the buffer prints twice
  int out[2];
  if (pipe(out) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    close(out[0]);
    if (dup2(out[1], STDOUT_FILENO) < 0 || !std::freopen("/dev/null", "w", stderr)) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out[1]);
  Run r;
  std::string seen;
  char buf[256];
  ssize_t n = 0;
  while ((n = read(out[0], buf, sizeof buf)) > 0) {
    seen.append(buf, static_cast<std::size_t>(n));
    if (r.ms == 0 && seen.find("first-frame") != std::string::npos)
      r.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  }
  close(out[0]);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.max_rss_kb = ru.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || r.ms == 0) {
    std::fprintf(stderr, "%s failed (status %d) or printed no first-frame line\n", argv[0].c_str(), status);
    std::exit(1);
  }
  return r;
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

inline double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace ankang::bench
