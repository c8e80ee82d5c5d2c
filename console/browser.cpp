#include "console/browser.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "console_ui/text.h"

namespace ankang::console {

namespace fs = std::filesystem;
using Place = console_ui::BrowserView::Place;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> media_roots() {
  if (const char* env = std::getenv("ANKANG_MEDIA_ROOTS")) {
    std::vector<std::string> roots;
    std::string all = env;
    for (std::size_t start = 0; start <= all.size();) {
      const auto end = std::min(all.find(':', start), all.size());
      if (end > start) roots.push_back(all.substr(start, end - start));
      start = end + 1;
    }
    return roots;
  }
  const char* user = std::getenv("USER");
  std::vector<std::string> roots = {"/mnt"};
  if (user) roots.insert(roots.begin(), {std::string("/media/") + user, std::string("/run/media/") + user});
  return roots;
}

std::string home_dir() {
  const char* home = std::getenv("HOME");
  return home ? home : "/";
}

}  // namespace

std::vector<Place> removable_mounts() {
  std::vector<Place> out;
  for (const auto& root : media_roots()) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->is_directory(ec)) out.push_back({it->path().filename().string(), it->path().string(), true});
  }
  std::sort(out.begin(), out.end(), [](const Place& a, const Place& b) { return a.label < b.label; });
  return out;
}

void Browser::open(BrowseRequest request) {
  view_ = {};
  view_.title = console_ui::tr(request.title);
  view_.pick_folder = request.pick_folder;
  view_.places = {{console_ui::tr("主文件夹", "Home folder"), home_dir(), false}};
  for (auto& m : removable_mounts()) view_.places.push_back(std::move(m));
  request_ = std::move(request);
  // A stick is where the files usually are: start on the first one.
  go_to(view_.places.back().path);
}

void Browser::go_to(const std::string& dir) {
  view_.dir = dir;
  view_.entries.clear();
  view_.selected = -1;
  view_.error.clear();
  std::vector<console_ui::BrowserView::Entry> dirs, files;
  std::error_code ec;
  auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    view_.error = std::string(console_ui::tr("无法打开这个文件夹：", "cannot open this folder: ")) + ec.message();
    return;
  }
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      dirs.push_back({name, true});
    } else if (!request_->pick_folder) {
      const auto ext = lower(it->path().extension().string());
      if (std::find(request_->extensions.begin(), request_->extensions.end(), ext) != request_->extensions.end())
        files.push_back({name, false});
    }
  }
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(dirs.begin(), dirs.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  view_.entries = std::move(dirs);
  view_.entries.insert(view_.entries.end(), files.begin(), files.end());
}

void Browser::draw() {
  if (!request_) return;
  const auto intent = console_ui::browser_screen(view_);
  using K = console_ui::BrowserIntent::Kind;
  const auto entry_path = [&](int i) { return (fs::path(view_.dir) / view_.entries[static_cast<std::size_t>(i)].name).string(); };
  switch (intent.kind) {
    case K::none: break;
    case K::place: go_to(view_.places[static_cast<std::size_t>(intent.index)].path); break;
    case K::open: go_to(entry_path(intent.index)); break;
    case K::select: view_.selected = intent.index; break;
    case K::up: go_to(fs::path(view_.dir).has_parent_path() ? fs::path(view_.dir).parent_path().string() : view_.dir); break;
    case K::pick: {
      const std::string picked = intent.index >= 0 ? entry_path(intent.index) : view_.dir;
      auto request = std::move(*request_);
      request_.reset();
      if (request.on_pick) request.on_pick(picked);
      break;
    }
    case K::cancel:
      request_.reset();
      break;
  }
}

}  // namespace ankang::console
