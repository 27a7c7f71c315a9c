// The build driver: load, check, then per language (on its own thread) figures, layout and writers; outputs are
// written into a staging folder and moved into place only when everything succeeded, so a failed build never
// leaves half-written files and never destroys the previous good output.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_memo.h"
#include "base/file_system.h"
#include "base/progress.h"

namespace barometer::driver {

struct Output;
class BuildCache;

struct BuildOptions {
  std::string content_dir;    ///< the edition folder, e.g. "content/2021"
  std::string templates_dir;  ///< where edition.yaml's template is looked up
  std::string fonts_dir;      ///< the pinned fonts and their manifest
  std::string out_dir;        ///< e.g. "output/2021"; unused when `write` is false
  std::vector<std::string> languages;  ///< empty: every language of edition.yaml
  bool write = true;          ///< false: check only (`barometer check`), nothing is written
  /// Threads at most (the calling one among them) for the independent parts: the languages' figures and layout,
  /// then each PDF, figure export and workbook. 0: one per core; 1: everything on the calling thread. The
  /// outputs and diagnostics are the same, byte for byte, whatever the number.
  int jobs = 0;
  bool strict = false;        ///< warnings are errors (`--strict`)
  bool draft = false;         ///< build despite untranslated text, marking it in the margin (`--draft`)
  /// When set (and `write`), the outputs, SHA256SUMS aside, land here instead of in `out_dir` (auditing builds in
  /// memory, writing nothing).
  std::vector<Output>* in_memory = nullptr;
  /// When set, what does not change between builds is kept here and reused (`watch`; see build_cache.h). The
  /// outputs are the same, byte for byte, with or without it.
  BuildCache* cache = nullptr;
};

enum class Outcome {
  kBuilt = 0,          ///< every output written
  kContentErrors = 1,  ///< diagnostics with errors; nothing written
};

/// The threads a build of `options` uses at most.
size_t Jobs(const BuildOptions& options);

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

/// Makes `out_dir` hold `outputs` and their SHA256SUMS, all at once: the next output folder is made whole in
/// `out_dir.staging/output` (marked as the build's own by `out_dir.staging/.barometer-staging`) and swapped with the
/// current one in one atomic rename, so the folder always holds either the whole old or the whole new output.
/// Carried into the next folder (as hard links, so they keep their dates): unchanged outputs, and every entry of
/// the current folder that is not an output, except files the previous build listed in its SHA256SUMS with their
/// bytes unchanged, which are dropped when `remove_stale` (or kept, and listed again, when not). An output path
/// that is not a plain relative path, or an entry in the way that cannot be carried, is an error (std::runtime_error)
/// before anything is written. When nothing would change, nothing is written.
/// `sums`, when given, keeps the SHA-256 of files it has seen (a build of one language in `watch` carries the
/// other's files, which are hashed again to know them as the build's own).
void WriteOutputs(base::FileSystem& fs, const std::string& out_dir, const std::vector<Output>& outputs,
                  bool remove_stale, base::Sha256Memo* sums = nullptr);

}  // namespace barometer::driver
