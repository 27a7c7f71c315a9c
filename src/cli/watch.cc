#include "cli/watch.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "base/diagnostic_printer.h"
#include "base/progress.h"
#include "driver/build_cache.h"
#include "cli/content_folder.h"

namespace barometer::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// The folders one inotify watch each: the content folder and the folders below it (two levels), the template and
// font folders. inotify is not recursive, so this is redone after every rebuild (a new language folder).
std::set<std::string> FoldersToWatch(const driver::BuildOptions& options) {
  std::set<std::string> folders;
  std::error_code ec;
  for (const std::string& root : {options.content_dir, options.templates_dir, options.fonts_dir}) {
    if (!fs::is_directory(root, ec)) continue;
    folders.insert(fs::path(root).lexically_normal().string());
    if (root != options.content_dir) continue;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_directory(ec)) continue;
      std::string name = it->path().filename().string();
      bool hidden = name.empty() || name[0] == '.';  // .git and the like are no part of the edition
      if (hidden || it.depth() >= 1) it.disable_recursion_pending();
      if (!hidden) folders.insert(it->path().lexically_normal().string());
    }
  }
  return folders;
}

class FolderWatcher {
 public:
  FolderWatcher() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error("cannot watch files (inotify_init1 failed)");
  }
  ~FolderWatcher() { close(fd_); }
  FolderWatcher(const FolderWatcher&) = delete;
  FolderWatcher& operator=(const FolderWatcher&) = delete;

  int fd() const { return fd_; }

  void WatchAll(const std::set<std::string>& folders) {
    for (const std::string& folder : folders) {
      if (watched_.count(folder)) continue;
      int wd = inotify_add_watch(fd_, folder.c_str(),
                                 IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF);
      if (wd < 0) throw std::runtime_error("cannot watch " + folder);
      watched_.insert(folder);
      folders_[wd] = folder;
    }
  }

  /// Reads the pending events; adds the paths of changed files a build reads to `changed`. Returns whether a
  /// folder came or went (the set of watched folders must be redone).
  bool Read(std::set<std::string>* changed) {
    alignas(inotify_event) char buffer[16384];
    bool folders_changed = false;
    while (true) {
      ssize_t n = read(fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      for (char* at = buffer; at < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        at += sizeof(inotify_event) + event->len;
        auto folder = folders_.find(event->wd);
        if (folder == folders_.end()) continue;
        if (event->mask & (IN_DELETE_SELF | IN_IGNORED)) {
          watched_.erase(folder->second);
          folders_.erase(folder);
          folders_changed = true;
          continue;
        }
        std::string name = event->len ? event->name : "";
        if (event->mask & IN_ISDIR) {
          folders_changed = true;
        } else if (IsWatchedFile(name)) {
          changed->insert(folder->second + "/" + name);
        }
      }
    }
    return folders_changed;
  }

 private:
  int fd_;
  std::map<int, std::string> folders_;
  std::set<std::string> watched_;
};

// SIGINT and SIGTERM arrive as readable data on a descriptor, so the watch loop ends between rebuilds, cleanly.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&mask_);
    sigaddset(&mask_, SIGINT);
    sigaddset(&mask_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &mask_, &previous_);
    fd_ = signalfd(-1, &mask_, SFD_CLOEXEC | SFD_NONBLOCK);
    if (fd_ < 0) throw std::runtime_error("cannot watch for Ctrl-C (signalfd failed)");
  }
  ~StopSignals() {
    // A signal left pending would be delivered, and kill the process, once unblocked below.
    signalfd_siginfo info;
    while (read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
    close(fd_);
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_; }

 private:
  sigset_t mask_, previous_;
  int fd_ = -1;
};

std::string TimeOfDay() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", &local);
  return text;
}

std::string Status(const base::Diagnostics& diags, bool built, double seconds) {
  char time[32];
  std::snprintf(time, sizeof time, "%.0f ms", seconds * 1000);
  size_t errors = diags.ErrorCount();
  if (built) return std::string("in ") + time;
  return base::Counted(errors, "error", "errors") + ", last good output kept (" + time + ")";
}

std::string JsonList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + base::JsonString(items[i]);
  return out + "]";
}

}  // namespace

std::string StatusJson(const StatusEvent& event, const std::string& time_of_day) {
  std::string out = "{\"status\": " + base::JsonString(event.kind) + ", \"time\": " + base::JsonString(time_of_day) +
                    ", \"message\": " + base::JsonString(event.message);
  if (event.ms >= 0) {
    out += ", \"changed\": " + JsonList(event.changed) + ", \"languages\": " + JsonList(event.languages) +
           ", \"ms\": " + std::to_string(event.ms) + ", \"errors\": " + std::to_string(event.errors);
  }
  return out + "}";
}

bool IsWatchedFile(const std::string& name) {
  if (name.empty() || name[0] == '.' || name[0] == '#') return false;
  for (const char* extension : {".yaml", ".yml", ".csv", ".lock", ".ttf", ".otf", ".txt"}) {
    if (EndsWith(name, extension)) return true;
  }
  return false;
}

std::vector<std::string> LanguagesToRebuild(const std::vector<std::string>& changed, const std::string& content_dir,
                                            const std::vector<std::string>& languages) {
  const fs::path content = fs::path(content_dir).lexically_normal();
  std::set<std::string> touched;
  for (const std::string& path : changed) {
    fs::path relative = fs::path(path).lexically_normal().lexically_relative(content);
    auto part = relative.begin();
    if (relative.empty() || *part == ".." || std::distance(relative.begin(), relative.end()) != 2) return {};
    std::string folder = part->string();
    if (std::find(languages.begin(), languages.end(), folder) == languages.end()) return {};
    touched.insert(folder);
  }
  std::vector<std::string> out;
  for (const std::string& code : languages) {
    if (touched.count(code)) out.push_back(code);
  }
  return out;
}

namespace {

void PrintStatus(const WatchSettings& settings, const StatusEvent& event) {
  if (settings.quiet) return;
  if (settings.json) {
    std::fprintf(stderr, "%s\n", StatusJson(event, TimeOfDay()).c_str());
  } else {
    std::fprintf(stderr, "barometer: [%s] %s\n", TimeOfDay().c_str(), event.message.c_str());
  }
  std::fflush(stderr);
}

// What a burst of changed files rebuilds, and how the status line names them.
struct Rebuild {
  std::vector<std::string> only;   ///< the languages to rebuild; empty: those the command line asked for
  std::vector<std::string> shown;  ///< the changed files, relative to the content folder where inside it
  std::string cause;               ///< "FILE and 2 more changed: "
};

Rebuild PlanRebuild(const base::FileSystem& files, const driver::BuildOptions& options,
                    const std::set<std::string>& changed) {
  Rebuild rebuild;
  std::vector<std::string> paths(changed.begin(), changed.end());
  // A change to the source language can make any translation stale: that rebuilds all, as do shared files.
  std::vector<std::string> translations = EditionLanguages(files, options.content_dir);
  translations.erase(std::remove(translations.begin(), translations.end(),
                                 EditionSourceLanguage(files, options.content_dir)),
                     translations.end());
  if (options.languages.empty()) rebuild.only = LanguagesToRebuild(paths, options.content_dir, translations);
  for (const std::string& path : paths) {
    std::string relative = fs::path(path).lexically_relative(fs::path(options.content_dir)).string();
    rebuild.shown.push_back(relative.empty() || relative.rfind("..", 0) == 0 ? path : relative);
  }
  rebuild.cause = rebuild.shown[0] + (paths.size() > 1 ? " and " + std::to_string(paths.size() - 1) + " more" : "") +
                  " changed: ";
  return rebuild;
}

}  // namespace

int Watch(base::FileSystem& files, const driver::BuildOptions& options, const WatchSettings& settings) {
  StopSignals stop;
  FolderWatcher watcher;
  watcher.WatchAll(FoldersToWatch(options));
  auto status = [&](const StatusEvent& event) { PrintStatus(settings, event); };
  // Fonts, hyphenation patterns, parsed files and what unchanged inputs made, kept from one rebuild to the next.
  driver::BuildCache cache;
  // One build, and its status line: `only` empty means the languages the command line asked for.
  auto build = [&](const std::vector<std::string>& only, const std::vector<std::string>& changed,
                   const std::string& cause) {
    driver::BuildOptions run = options;
    if (!only.empty()) run.languages = only;
    run.cache = &cache;
    base::Diagnostics diags;
    base::SilentProgress silent;
    auto start = Clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    StatusEvent event{"failed", "", changed, run.languages};
    bool built = false;
    try {
      built = driver::Build(files, run, silent, diags) == driver::Outcome::kBuilt;
    } catch (const std::exception& e) {
      settings.report(diags);
      event.message = cause + "error: " + e.what() + "; last good output kept";
      event.ms = std::lround(elapsed() * 1000);
      event.errors = diags.ErrorCount() + 1;
      status(event);
      return;
    }
    settings.report(diags);
    std::string what = run.languages.empty() ? "all languages" : Join(run.languages);
    const double seconds = elapsed();  // once, so the message and `ms` agree
    event.kind = built ? "built" : "failed";
    event.ms = std::lround(seconds * 1000);
    event.errors = diags.ErrorCount();
    event.message = cause + (built ? "built " + what + " " : what + ": ") + Status(diags, built, seconds);
    status(event);
  };

  build({}, {}, "");
  StatusEvent watching;
  watching.kind = "watching";
  watching.message = "watching " + options.content_dir + ", " + options.templates_dir + " and " + options.fonts_dir +
                     " (Ctrl-C stops)";
  status(watching);
  pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {stop.fd(), POLLIN, 0}};
  while (true) {
    if (poll(fds, 2, -1) < 0) continue;  // EINTR
    if (fds[1].revents & POLLIN) break;
    std::set<std::string> changed;
    bool folders_changed = watcher.Read(&changed);
    // Let the burst of an editor's save settle: wait until no event has come for settle_ms.
    while (poll(fds, 2, settings.settle_ms) > 0 && !(fds[1].revents & POLLIN)) {
      folders_changed |= watcher.Read(&changed);
    }
    if (fds[1].revents & POLLIN) break;
    if (folders_changed) watcher.WatchAll(FoldersToWatch(options));
    if (changed.empty()) continue;
    const Rebuild rebuild = PlanRebuild(files, options, changed);
    build(rebuild.only, rebuild.shown, rebuild.cause);
  }
  StatusEvent stopped;
  stopped.kind = "stopped";
  stopped.message = "watch stopped";
  status(stopped);
  return 0;
}

}  // namespace barometer::cli
