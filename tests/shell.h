// Running commands from tests (the barometer binary, poppler's tools, qpdf) and reading their output.
#pragma once

#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace barometer::testing {

struct Run {
  int status = -1;   ///< the exit status, or -1 when the command did not exit normally
  std::string out;   ///< stdout and stderr together
};

inline Run Shell(const std::string& command) {
  Run run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

/// Runs the barometer binary with `args` (a shell command line).
inline Run Barometer(const std::string& args) { return Shell(std::string(BAROMETER_BINARY) + " " + args); }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A fresh folder `barometer-NAME-PID` in the system's temporary folder, removed when the test process ends, so
/// that a test's builds leave nothing behind.
inline std::string ProcessScratchFolder(const std::string& name) {
  struct Folders {
    std::vector<std::string> paths;
    ~Folders() {
      std::error_code ignored;
      for (const std::string& path : paths) std::filesystem::remove_all(path, ignored);
    }
  };
  static Folders folders;
  std::string path =
      std::filesystem::temp_directory_path().string() + "/barometer-" + name + "-" + std::to_string(getpid());
  std::filesystem::remove_all(path);
  folders.paths.push_back(path);
  return path;
}

}  // namespace barometer::testing
