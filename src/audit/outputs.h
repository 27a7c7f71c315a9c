// The two sides an auditor compares: the files of an output folder, or of a build made in memory from a content
// folder (which writes nothing).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "driver/build.h"

namespace barometer::audit {

/// Path relative to the output folder -> bytes. SHA256SUMS itself is not part of it.
struct OutputSet {
  std::string name;  ///< the folder as given
  std::map<std::string, std::string> files;
};

/// The files an output folder's SHA256SUMS lists. Throws std::runtime_error when the folder holds no SHA256SUMS
/// (not a barometer output), or a listed file is missing.
OutputSet ReadOutputFolder(const base::FileSystem& fs, const std::string& dir);

/// The files a build of `options.content_dir` makes, built in memory. Returns false, leaving the diagnostics in
/// `diags`, when the content has errors.
bool BuildInMemory(base::FileSystem& fs, driver::BuildOptions options, base::Diagnostics& diags, OutputSet* out);

/// `dir` as an output folder (it has a SHA256SUMS) or as a content folder (it has an edition.yaml), built in
/// memory with the options `options_for` gives for it. Throws std::runtime_error when it is neither; returns false
/// on content errors.
bool ReadSide(base::FileSystem& fs, const std::string& dir,
              const std::function<driver::BuildOptions(const std::string&)>& options_for, base::Diagnostics& diags,
              OutputSet* out);

/// The "hash  path" lines of a checksum list, as path -> hash; lines that are not such a pair are skipped.
std::map<std::string, std::string> ParseChecksums(const std::string& sums);

}  // namespace barometer::audit
