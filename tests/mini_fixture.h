// The mini fixture edition (tests/fixtures/mini) with the report template: in an in-memory file system, so a test
// can break it freely and see exactly which diagnostics follow; or copied into a repository of its own under the
// temporary folder, for tests that run the barometer binary on an edition they may break.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::testing {

/// Copies every file under `dir` into the in-memory file system under `prefix`.
inline void CopyTree(base::MemoryFileSystem& fs, const std::string& dir, const std::string& prefix) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    fs.files[prefix + std::filesystem::relative(entry.path(), dir).string()] = text.str();
  }
}

/// The hyphenation dictionaries the profiles under `templates` (in `fs`) name, copied from the disk under the same
/// paths: the loader reads them through the file system like every input.
inline void CopyDictionaries(base::MemoryFileSystem& fs, const std::string& templates) {
  const std::string folder = templates + "/languages/";
  std::vector<std::string> dictionaries;
  for (const auto& [path, text] : fs.files) {
    if (path.rfind(folder, 0) != 0 || path.size() < 5 || path.compare(path.size() - 5, 5, ".yaml") != 0) continue;
    const size_t key = text.find("  dictionary: ");
    if (key == std::string::npos) continue;
    const size_t start = key + 14;
    dictionaries.push_back(text.substr(start, text.find_first_of(" \n", start) - start));
  }
  for (const std::string& path : dictionaries) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (in) fs.files[path] = bytes.str();
  }
}

/// The mini edition under "mini/", the repository's templates (report template, language profiles) under
/// "templates/", and the hyphenation dictionaries the profiles name.
inline void LoadMini(base::MemoryFileSystem& fs) {
  CopyTree(fs, BAROMETER_SOURCE_DIR "/tests/fixtures/mini", "mini/");
  CopyTree(fs, BAROMETER_SOURCE_DIR "/templates", "templates/");
  CopyDictionaries(fs, "templates");
}

/// Replaces the first `from` in `text`; false when it is not there.
inline bool ReplaceFirst(std::string& text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at == std::string::npos) return false;
  text.replace(at, from.size(), to);
  return true;
}

/// Replaces the first `from` in a file of the in-memory edition; false when it is not there.
inline bool Edit(base::MemoryFileSystem& fs, const std::string& path, const std::string& from, const std::string& to) {
  return ReplaceFirst(fs.files[path], from, to);
}

/// Makes TMP/barometer-NAME-PID holding content/mini, with templates/ and fonts/ linked to the repository's.
inline std::string CopyMini(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("barometer-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "content");
  fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", root / "content" / "mini", fs::copy_options::recursive);
  fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/templates", root / "templates");
  fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/fonts", root / "fonts");
  return root.string();
}

/// Replaces the first `from` in a file on disk; fails the test when it is not there.
inline void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string text;
  {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    text = bytes.str();
  }
  REQUIRE_MESSAGE(ReplaceFirst(text, from, to), path);
  std::ofstream(path, std::ios::binary) << text;
}

/// "file:line:col: message" for each diagnostic of a severity, sorted.
inline std::vector<std::string> Lines(const base::Diagnostics& diags, base::Severity severity) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.severity != severity) continue;
    out.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " + d.message);
  }
  return out;
}

}  // namespace barometer::testing
