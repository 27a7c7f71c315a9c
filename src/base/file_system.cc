#include "base/file_system.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace barometer::base {

namespace fs = std::filesystem;

bool RealFileSystem::ReadFile(const std::string& path, std::string* contents) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  *contents = buffer.str();
  return true;
}

bool RealFileSystem::Exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(path, ec);
}

std::vector<std::string> RealFileSystem::ListFiles(const std::string& dir) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

void RealFileSystem::MakeDirs(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create folder " + dir + ": " + ec.message());
}

void RealFileSystem::WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error("cannot write " + path);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

void RealFileSystem::Rename(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw std::runtime_error("cannot move " + from + " to " + to + ": " + ec.message());
}

void RealFileSystem::RemoveAll(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

FileSystem::Info RealFileSystem::Inspect(const std::string& path) const {
  Info info;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return info;
  info.exists = true;
  info.regular = S_ISREG(st.st_mode);
  info.size = static_cast<std::uintmax_t>(st.st_size);
  if (char* real = realpath(path.c_str(), nullptr)) {
    info.real_path = real;
    std::free(real);
  }
  return info;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* contents) const {
  auto it = files.find(path);
  if (it == files.end()) return false;
  *contents = it->second;
  return true;
}

bool MemoryFileSystem::Exists(const std::string& path) const {
  if (files.count(path)) return true;
  std::string prefix = path + "/";
  auto it = files.lower_bound(prefix);
  return it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> MemoryFileSystem::ListFiles(const std::string& dir) const {
  std::vector<std::string> names;
  std::string prefix = dir + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;
       ++it) {
    std::string rest = it->first.substr(prefix.size());
    if (rest.find('/') == std::string::npos) names.push_back(rest);
  }
  return names;
}

void MemoryFileSystem::MakeDirs(const std::string& dir) { writes.push_back("mkdir " + dir); }

void MemoryFileSystem::WriteFile(const std::string& path, const std::string& contents) {
  writes.push_back("write " + path);
  files[path] = contents;
}

void MemoryFileSystem::Rename(const std::string& from, const std::string& to) {
  writes.push_back("rename " + from + " -> " + to);
  auto it = files.find(from);
  if (it == files.end()) throw std::runtime_error("cannot move " + from + ": no such file");
  files[to] = it->second;
  files.erase(from);
}

void MemoryFileSystem::RemoveAll(const std::string& path) {
  writes.push_back("remove " + path);
  files.erase(path);
  std::string prefix = path + "/";
  for (auto it = files.lower_bound(prefix); it != files.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
    it = files.erase(it);
  }
}

FileSystem::Info MemoryFileSystem::Inspect(const std::string& path) const {
  Info info;
  info.real_path = fs::path("/" + path).lexically_normal().string();
  auto it = files.find(path);
  if (it != files.end()) {
    info.exists = info.regular = true;
    info.size = it->second.size();
  } else {
    info.exists = Exists(path);
  }
  return info;
}

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string ScratchDir() {
  if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir && *tmpdir) return tmpdir;
  std::error_code ec;
  if (fs::is_directory("/dev/shm", ec) && access("/dev/shm", W_OK | X_OK) == 0) return "/dev/shm";
  return "/tmp";
}

}  // namespace barometer::base
