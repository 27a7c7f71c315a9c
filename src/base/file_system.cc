#include "base/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>
#include <type_traits>

namespace barometer::base {

namespace fs = std::filesystem;

// Straight into a string of the file's size: a stream copied the fonts' 3.5 MB about three times over.
bool RealFileSystem::ReadFile(const std::string& path, std::string* contents) const {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info;
  const size_t expected = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) : 0;
  std::string bytes(expected + 1, '\0');  // one more, to see the end of the file without a second buffer
  size_t used = 0;
  for (;;) {
    if (used == bytes.size()) bytes.resize(bytes.size() * 2);
    const ssize_t got = read(fd, bytes.data() + used, bytes.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      close(fd);
      return false;
    }
    if (got == 0) break;
    used += static_cast<size_t>(got);
  }
  close(fd);
  bytes.resize(used);
  *contents = std::move(bytes);
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

namespace {

[[noreturn]] void ThrowErrno(const std::string& what, const std::string& path) {
  throw std::runtime_error("cannot " + what + " " + path + ": " + std::strerror(errno));
}

EntryType TypeOfMode(mode_t mode) {
  if (S_ISREG(mode)) return EntryType::kFile;
  if (S_ISDIR(mode)) return EntryType::kFolder;
  if (S_ISLNK(mode)) return EntryType::kLink;
  if (S_ISFIFO(mode)) return EntryType::kFifo;
  return EntryType::kOther;
}

// Removes `name` in the folder `dir_fd` and, when it is a folder, everything in it, reaching each entry by a
// file descriptor of its own folder: a link is removed, never followed, whatever happens to the tree meanwhile.
void RemoveTreeAt(int dir_fd, const char* name) {
  struct stat st;
  if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return;
  if (!S_ISDIR(st.st_mode)) {
    unlinkat(dir_fd, name, 0);
    return;
  }
  int fd = openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return;
  DIR* dir = fdopendir(fd);
  if (!dir) {
    close(fd);
    return;
  }
  std::vector<std::string> names;
  while (const dirent* entry = readdir(dir)) {
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) names.push_back(entry->d_name);
  }
  for (const std::string& entry : names) RemoveTreeAt(fd, entry.c_str());
  closedir(dir);
  unlinkat(dir_fd, name, AT_REMOVEDIR);
}

void WriteAll(int fd, const std::string& contents, const std::string& path) {
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ThrowErrno("write", path);
    done += static_cast<size_t>(n);
  }
}

struct FolderLock {
  explicit FolderLock(int descriptor) : fd(descriptor) {}
  ~FolderLock() { close(fd); }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  int fd;
};

}  // namespace

void RealFileSystem::RemoveAll(const std::string& path) { RemoveTreeAt(AT_FDCWD, path.c_str()); }

EntryType RealFileSystem::TypeOf(const std::string& path) const {
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) return TypeOfMode(st.st_mode);
  if (errno == ENOENT || errno == ENOTDIR) return EntryType::kMissing;
  ThrowErrno("look at", path);
}

std::vector<FolderEntry> RealFileSystem::ListEntries(const std::string& dir) const {
  std::vector<FolderEntry> entries;
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return entries;
  DIR* stream = fdopendir(fd);
  if (!stream) {
    close(fd);
    return entries;
  }
  while (const dirent* entry = readdir(stream)) {
    if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0) continue;
    struct stat st;
    if (fstatat(fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    entries.push_back({entry->d_name, TypeOfMode(st.st_mode)});
  }
  closedir(stream);
  std::sort(entries.begin(), entries.end(), [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
  return entries;
}

bool RealFileSystem::ReadRegularFile(const std::string& path, std::string* contents) const {
  // O_NONBLOCK: should a FIFO appear between a look and the open, opening it does not wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return false;
  }
  std::string bytes;
  bytes.reserve(static_cast<size_t>(st.st_size));
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      close(fd);
      return false;
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  *contents = std::move(bytes);
  return true;
}

void RealFileSystem::MakeFolder(const std::string& path) {
  if (mkdir(path.c_str(), 0777) != 0) ThrowErrno("create folder", path);
}

void RealFileSystem::CreateFile(const std::string& path, const std::string& contents) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) ThrowErrno("create", path);
  try {
    WriteAll(fd, contents, path);
  } catch (...) {
    close(fd);
    throw;
  }
  if (close(fd) != 0) ThrowErrno("write", path);
}

void RealFileSystem::CarryOver(const std::string& from, const std::string& to) {
  struct stat st;
  if (lstat(from.c_str(), &st) != 0) ThrowErrno("look at", from);
  const mode_t permissions = st.st_mode & 07777;
  if (S_ISREG(st.st_mode)) {
    if (linkat(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), 0) == 0) return;
    if (errno == EEXIST) ThrowErrno("carry over", from + " to " + to);
    // No hard link here (a file system without them, a file of another user under protected_hardlinks): a copy.
    std::string bytes;
    if (!ReadRegularFile(from, &bytes)) ThrowErrno("read", from);
    CreateFile(to, bytes);
    const timespec times[2] = {st.st_atim, st.st_mtim};
    if (chmod(to.c_str(), permissions) != 0 || utimensat(AT_FDCWD, to.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0) {
      ThrowErrno("keep mode and dates of", to);
    }
  } else if (S_ISLNK(st.st_mode)) {
    char target[PATH_MAX];
    ssize_t n = readlink(from.c_str(), target, sizeof target);
    if (n < 0 || static_cast<size_t>(n) >= sizeof target) ThrowErrno("read link", from);
    if (symlink(std::string(target, static_cast<size_t>(n)).c_str(), to.c_str()) != 0) {
      ThrowErrno("copy link", from + " to " + to);
    }
  } else if (S_ISFIFO(st.st_mode)) {
    if (mkfifo(to.c_str(), permissions) != 0 || chmod(to.c_str(), permissions) != 0) ThrowErrno("make FIFO", to);
  } else if (S_ISDIR(st.st_mode)) {
    if (mkdir(to.c_str(), permissions) != 0 || chmod(to.c_str(), permissions) != 0) ThrowErrno("create folder", to);
  } else {
    throw std::runtime_error("cannot carry over " + from + ": a socket or device file");
  }
}

void RealFileSystem::Exchange(const std::string& a, const std::string& b) {
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0) {
    ThrowErrno("swap in one step (renameat2 RENAME_EXCHANGE, which the file system must support)", a + " and " + b);
  }
}

void RealFileSystem::RenameNew(const std::string& from, const std::string& to) {
  if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return;
  // A file system without RENAME_NOREPLACE: look, then rename (a folder is only ever renamed onto an empty one).
  if (errno != EINVAL || TypeOf(to) != EntryType::kMissing || rename(from.c_str(), to.c_str()) != 0) {
    ThrowErrno("move", from + " to " + to);
  }
}

std::shared_ptr<void> RealFileSystem::LockFolder(const std::string& dir) {
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) ThrowErrno("open folder", dir);
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int error = errno;
    close(fd);
    if (error == EWOULDBLOCK) return nullptr;
    errno = error;
    ThrowErrno("lock", dir);
  }
  return std::make_shared<FolderLock>(fd);
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

namespace {

bool IsUnder(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path[dir.size()] == '/' && path.compare(0, dir.size(), dir) == 0;
}

// Keys of a map or set that are `path` itself or inside it.
template <typename Container>
std::vector<std::string> KeysAt(const Container& container, const std::string& path) {
  std::vector<std::string> keys;
  for (auto it = container.lower_bound(path); it != container.end(); ++it) {
    const std::string& key = [&]() -> const std::string& {
      if constexpr (std::is_same_v<Container, std::set<std::string>>) {
        return *it;
      } else {
        return it->first;
      }
    }();
    if (key != path && !IsUnder(key, path)) {
      if (key.compare(0, path.size(), path) != 0) break;
      continue;  // "a-b" sorts between "a" and "a/"
    }
    keys.push_back(key);
  }
  return keys;
}

// Moves the entries at `from` and inside it to `to` (or, with `to` empty, drops them).
template <typename Container>
void MoveKeys(Container& container, const std::string& from, const std::string& to) {
  for (const std::string& key : KeysAt(container, from)) {
    auto node = container.extract(key);
    if (to.empty()) continue;
    if constexpr (std::is_same_v<Container, std::set<std::string>>) {
      node.value() = to + key.substr(from.size());
    } else {
      node.key() = to + key.substr(from.size());
    }
    container.insert(std::move(node));
  }
}

void MoveEntries(MemoryFileSystem& fs, const std::string& from, const std::string& to) {
  MoveKeys(fs.files, from, to);
  MoveKeys(fs.links, from, to);
  MoveKeys(fs.fifos, from, to);
  MoveKeys(fs.folders, from, to);
}

}  // namespace

void MemoryFileSystem::RemoveAll(const std::string& path) {
  writes.push_back("remove " + path);
  MoveEntries(*this, path, "");
}

EntryType MemoryFileSystem::TypeOf(const std::string& path) const {
  if (files.count(path)) return EntryType::kFile;
  if (links.count(path)) return EntryType::kLink;
  if (fifos.count(path)) return EntryType::kFifo;
  if (folders.count(path) || !KeysAt(files, path).empty() || !KeysAt(links, path).empty() ||
      !KeysAt(fifos, path).empty() || !KeysAt(folders, path).empty()) {
    return EntryType::kFolder;
  }
  return EntryType::kMissing;
}

std::vector<FolderEntry> MemoryFileSystem::ListEntries(const std::string& dir) const {
  std::map<std::string, EntryType> children;
  auto add = [&](const std::vector<std::string>& keys, EntryType type) {
    for (const std::string& key : keys) {
      if (key == dir) continue;
      std::string rest = key.substr(dir.size() + 1);
      size_t slash = rest.find('/');
      if (slash == std::string::npos) {
        children[rest] = type;
      } else {
        children[rest.substr(0, slash)] = EntryType::kFolder;
      }
    }
  };
  add(KeysAt(files, dir), EntryType::kFile);
  add(KeysAt(links, dir), EntryType::kLink);
  add(KeysAt(fifos, dir), EntryType::kFifo);
  add(KeysAt(folders, dir), EntryType::kFolder);
  std::vector<FolderEntry> entries;
  for (const auto& [name, type] : children) entries.push_back({name, type});
  return entries;
}

bool MemoryFileSystem::ReadRegularFile(const std::string& path, std::string* contents) const {
  return ReadFile(path, contents);
}

void MemoryFileSystem::MakeFolder(const std::string& path) {
  if (TypeOf(path) != EntryType::kMissing) throw std::runtime_error("cannot create folder " + path + ": exists");
  writes.push_back("mkdir " + path);
  folders.insert(path);
}

void MemoryFileSystem::CreateFile(const std::string& path, const std::string& contents) {
  if (TypeOf(path) != EntryType::kMissing) throw std::runtime_error("cannot create " + path + ": exists");
  writes.push_back("create " + path);
  files[path] = contents;
}

void MemoryFileSystem::CarryOver(const std::string& from, const std::string& to) {
  if (TypeOf(to) != EntryType::kMissing) throw std::runtime_error("cannot carry over to " + to + ": exists");
  writes.push_back("carry " + from + " -> " + to);
  switch (TypeOf(from)) {
    case EntryType::kFile: files[to] = files.at(from); break;
    case EntryType::kLink: links[to] = links.at(from); break;
    case EntryType::kFifo: fifos.insert(to); break;
    case EntryType::kFolder: folders.insert(to); break;
    default: throw std::runtime_error("cannot carry over " + from);
  }
}

void MemoryFileSystem::Exchange(const std::string& a, const std::string& b) {
  if (TypeOf(a) != EntryType::kFolder || TypeOf(b) != EntryType::kFolder) {
    throw std::runtime_error("cannot swap " + a + " and " + b + ": not two folders");
  }
  writes.push_back("exchange " + a + " <-> " + b);
  const std::string parked = a + '\x01';  // beside `a`, a name no real entry has
  MoveEntries(*this, a, parked);
  MoveEntries(*this, b, a);
  MoveEntries(*this, parked, b);
}

void MemoryFileSystem::RenameNew(const std::string& from, const std::string& to) {
  if (TypeOf(from) == EntryType::kMissing || TypeOf(to) != EntryType::kMissing) {
    throw std::runtime_error("cannot move " + from + " to " + to);
  }
  writes.push_back("rename " + from + " -> " + to);
  MoveEntries(*this, from, to);
}

std::shared_ptr<void> MemoryFileSystem::LockFolder(const std::string& dir) {
  if (locked.count(dir)) return nullptr;
  return std::make_shared<int>(0);
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

std::string ExecutableDir() {
  char exe[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return "";
  exe[n] = '\0';
  return std::filesystem::path(exe).parent_path().string();
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

namespace {

constexpr char kScratchPrefix[] = "barometer-scratch-";

class ProcessScratchDir {
 public:
  ProcessScratchDir() {
    const std::string parent = ScratchDir();
    RealFileSystem disk;
    for (const FolderEntry& entry : disk.ListEntries(parent)) {
      if (entry.type != EntryType::kFolder || entry.name.rfind(kScratchPrefix, 0) != 0) continue;
      const std::string path = JoinPath(parent, entry.name);
      struct stat st;
      if (lstat(path.c_str(), &st) != 0 || st.st_uid != geteuid()) continue;  // another user's
      try {
        if (std::shared_ptr<void> lock = disk.LockFolder(path)) disk.RemoveAll(path);
      } catch (const std::runtime_error&) {
        // One that went meanwhile.
      }
    }
    std::string pattern = JoinPath(parent, std::string(kScratchPrefix) + "XXXXXX");
    if (!mkdtemp(pattern.data())) ThrowErrno("create a scratch folder like", pattern);
    path_ = pattern;
    lock_ = disk.LockFolder(path_);
  }
  ~ProcessScratchDir() { RemoveTreeAt(AT_FDCWD, path_.c_str()); }
  ProcessScratchDir(const ProcessScratchDir&) = delete;
  ProcessScratchDir& operator=(const ProcessScratchDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::shared_ptr<void> lock_;
};

}  // namespace

std::string OwnScratchDir() {
  static const ProcessScratchDir dir;  // made once, also when two languages' threads ask at the same time
  return dir.path();
}

}  // namespace barometer::base
