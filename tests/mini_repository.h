// A copy of the mini fixture edition in a repository of its own under the temporary folder, for tests that run
// the barometer binary on an edition they may break.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "shell.h"

namespace barometer::testing {

/// Runs the barometer binary with `args` (a shell command line).
inline Run Barometer(const std::string& args) { return Shell(std::string(BAROMETER_BINARY) + " " + args); }

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

/// Replaces the first `from` in a file; fails the test when it is not there.
inline void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path) << text;
}

}  // namespace barometer::testing
