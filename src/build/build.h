// The build driver: load, check, then per language (on its own thread) figures, layout and writers; outputs are
// written into a staging folder and moved into place only when everything succeeded, so a failed build never
// leaves half-written files and never destroys the previous good output.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/progress.h"

namespace barometer::build {

struct Output;

struct BuildOptions {
  std::string content_dir;    ///< the edition folder, e.g. "content/2021"
  std::string templates_dir;  ///< where edition.yaml's template is looked up
  std::string fonts_dir;      ///< the pinned fonts and their manifest
  std::string out_dir;        ///< e.g. "output/2021"; unused when `write` is false
  std::vector<std::string> languages;  ///< empty: every language of edition.yaml
  bool write = true;          ///< false: check only (`barometer check`), nothing is written
  bool parallel = true;       ///< build the languages on separate threads
  /// When set (and `write`), the outputs, SHA256SUMS aside, land here instead of in `out_dir` (auditing builds in
  /// memory, writing nothing).
  std::vector<Output>* in_memory = nullptr;
};

enum class Outcome {
  kBuilt = 0,          ///< every output written
  kContentErrors = 1,  ///< diagnostics with errors; nothing written
};

/// Runs the whole pipeline. Content problems become diagnostics (Outcome kContentErrors); I/O and library
/// failures throw std::runtime_error.
Outcome Build(base::FileSystem& fs, const BuildOptions& options, base::Progress& progress, base::Diagnostics& diags);

/// Records that the translations in `options.languages` (all but the source language when empty) are up to
/// date with the source language: writes each one's translation.lock (see check/staleness.h), atomically.
/// Returns kContentErrors, writing nothing, when the edition does not load cleanly.
Outcome MarkTranslated(base::FileSystem& fs, const BuildOptions& options, base::Diagnostics& diags,
                       std::vector<std::string>* written);

/// A file one build writes: its path relative to the output folder and its bytes. Besides the PDFs, figure
/// exports and workbooks, every build makes build-info.json (see build_info.h).
struct Output {
  std::string path;
  std::string bytes;
};

/// Moves `outputs` into `out_dir` through a staging folder beside it, SHA256SUMS last. A file that already holds
/// the same bytes is not written again; a file the previous build listed in its SHA256SUMS and this build no
/// longer makes is removed when `remove_stale`, after everything else is in place.
void WriteOutputs(base::FileSystem& fs, const std::string& out_dir, const std::vector<Output>& outputs,
                  bool remove_stale);

}  // namespace barometer::build
