// File access for every stage, behind an interface so tests can use an in-memory fake that records writes and show
// that a failed build wrote nothing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace barometer::base {

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  /// Reads a whole file. Returns false when it does not exist or cannot be read.
  virtual bool ReadFile(const std::string& path, std::string* contents) const = 0;
  virtual bool Exists(const std::string& path) const = 0;
  /// Names (not paths) of the regular files in a folder, sorted; empty when the folder does not exist.
  virtual std::vector<std::string> ListFiles(const std::string& dir) const = 0;

  /// Creates a folder and its parents. Throws std::runtime_error on failure.
  virtual void MakeDirs(const std::string& dir) = 0;
  /// Writes a whole file (not atomically: write into a staging folder, then Rename). Throws on failure.
  virtual void WriteFile(const std::string& path, const std::string& contents) = 0;
  /// Moves a file over another, atomically where the platform allows. Throws on failure.
  virtual void Rename(const std::string& from, const std::string& to) = 0;
  /// Removes a file or a folder tree; no error when it does not exist.
  virtual void RemoveAll(const std::string& path) = 0;

  /// What a path names, symlinks followed, found without opening it: inputs are checked (a regular file, not too
  /// big, inside their folder) before they are read.
  struct Info {
    bool exists = false;
    bool regular = false;
    std::uintmax_t size = 0;
    std::string real_path;  ///< absolute, every symlink resolved
  };
  virtual Info Inspect(const std::string& path) const = 0;
};

/// The real disk.
class RealFileSystem : public FileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents) const override;
  bool Exists(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  void MakeDirs(const std::string& dir) override;
  void WriteFile(const std::string& path, const std::string& contents) override;
  void Rename(const std::string& from, const std::string& to) override;
  void RemoveAll(const std::string& path) override;
  Info Inspect(const std::string& path) const override;
};

/// An in-memory file system for tests. Folders exist implicitly; every mutating call is logged in `writes`.
class MemoryFileSystem : public FileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents) const override;
  bool Exists(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  void MakeDirs(const std::string& dir) override;
  void WriteFile(const std::string& path, const std::string& contents) override;
  void Rename(const std::string& from, const std::string& to) override;
  void RemoveAll(const std::string& path) override;
  /// Every file is regular; a path is its own real path ("/" prefixed), so only `..` can leave a folder.
  Info Inspect(const std::string& path) const override;

  std::map<std::string, std::string> files;
  std::vector<std::string> writes;  ///< "write PATH", "rename A -> B", "mkdir D", "remove P", in order
};

/// Joins two path parts with one '/'.
std::string JoinPath(const std::string& a, const std::string& b);
/// The folder part of a path ("a/b/c.txt" -> "a/b"), or "." when there is none.
std::string DirName(const std::string& path);

/// A folder for short-lived files that never reach the output (libxlsxwriter's parts of a workbook): $TMPDIR when
/// set, else the memory-backed /dev/shm where it is a writable folder, else /tmp. Creating a file on a busy ext4
/// /tmp costs up to a millisecond (the kernel searches for an inode not recently freed); a workbook takes about a
/// hundred of them.
std::string ScratchDir();

}  // namespace barometer::base
