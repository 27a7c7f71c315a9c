// `barometer watch`: build, then rebuild whenever a file the build reads is saved.
//
// Watches (inotify) the content folder and its subfolders (languages, tables), the template folder and the font
// folder. Editors that save through a temporary file and a rename (vim, VS Code) are seen by the rename. A burst
// of events is one rebuild. When only files of one language's folder changed, only that language is rebuilt
// (the source language is still loaded for the checks); anything else rebuilds all. The build's own rules keep
// the last good output when a rebuild has errors. SIGINT or SIGTERM ends the watch cleanly (exit status 0).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "driver/build.h"

namespace barometer::cli {

struct WatchSettings {
  /// Prints a build's diagnostics (text or JSON).
  std::function<void(const base::Diagnostics&)> report;
  /// No status lines, only diagnostics.
  bool quiet = false;
  /// Status lines as JSON objects (StatusJson), for a tool that reads the JSON diagnostics on the same stream.
  bool json = false;
  /// How long the files must be quiet after an event before the rebuild starts, in milliseconds: an editor's save
  /// is several events.
  int settle_ms = 30;
};

/// What one status line of `watch` reports.
struct StatusEvent {
  std::string kind;     ///< "built", "failed" (last good output kept), "watching" or "stopped"
  std::string message;  ///< the line a person reads
  std::vector<std::string> changed;    ///< the files whose change started the build, as shown
  std::vector<std::string> languages;  ///< the languages built; empty: all
  long ms = -1;                        ///< the build's time; -1 when not a build
  size_t errors = 0;
};

/// `event` as one line of JSON: {"status": kind, "time": "HH:MM:SS", "message": ..., and for a build "changed",
/// "languages", "ms" and "errors"}.
std::string StatusJson(const StatusEvent& event, const std::string& time_of_day);

/// Runs until SIGINT or SIGTERM; returns the exit status (0). Throws std::runtime_error when the folders cannot
/// be watched.
int Watch(base::FileSystem& fs, const driver::BuildOptions& options, const WatchSettings& settings);

/// Which languages a set of changed files calls for: {} (all) unless every file is inside one of `languages`'
/// folders of `content_dir`, then those languages, in the order of `languages`.
std::vector<std::string> LanguagesToRebuild(const std::vector<std::string>& changed, const std::string& content_dir,
                                            const std::vector<std::string>& languages);

/// Whether a file name is one a build reads (YAML, CSV, translation locks, fonts and their manifest), and not an
/// editor's swap, backup or temporary file.
bool IsWatchedFile(const std::string& name);

}  // namespace barometer::cli
