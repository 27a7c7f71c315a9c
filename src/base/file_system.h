// File access for every stage, behind an interface so tests can use an in-memory fake that records writes and show
// that a failed build wrote nothing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace barometer::base {

/// What is at a path, looked at without following a symbolic link there.
enum class EntryType { kMissing, kFile, kFolder, kLink, kFifo, kOther };

struct FolderEntry {
  std::string name;
  EntryType type = EntryType::kMissing;
};

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
  /// Removes a file or a folder tree, never following a symbolic link; no error when it does not exist.
  virtual void RemoveAll(const std::string& path) = 0;

  // For writing an output folder (driver/WriteOutputs). None of these follows a symbolic link at the last component
  // of a path; the writer makes sure the earlier components are folders it has looked at.

  virtual EntryType TypeOf(const std::string& path) const = 0;
  /// Every entry of a folder, sorted by name; empty when it is not a folder.
  virtual std::vector<FolderEntry> ListEntries(const std::string& dir) const = 0;
  /// Reads a regular file; false for anything else: a FIFO or device is never opened, a link never followed.
  virtual bool ReadRegularFile(const std::string& path, std::string* contents) const = 0;
  /// Creates one folder. Throws when anything is there already.
  virtual void MakeFolder(const std::string& path) = 0;
  /// Creates a new regular file. Throws when anything is there already, so it never writes through a link.
  virtual void CreateFile(const std::string& path, const std::string& contents) = 0;
  /// Puts the entry at `from` also at the new path `to`, leaving `from` as it is: a file as a hard link (or, where
  /// that fails, a copy with its mode and dates), a link as the same link, a FIFO as a new FIFO, a folder as an
  /// empty folder with its mode. Throws for anything else, or when `to` exists.
  virtual void CarryOver(const std::string& from, const std::string& to) = 0;
  /// Swaps two folders in one atomic step (renameat2 RENAME_EXCHANGE). Throws on failure.
  virtual void Exchange(const std::string& a, const std::string& b) = 0;
  /// Renames `from` to `to` only when nothing is at `to`. Throws on failure.
  virtual void RenameNew(const std::string& from, const std::string& to) = 0;
  /// An exclusive lock on a folder, held until the returned handle is dropped or the process ends (also when
  /// killed). Null when another process holds it.
  virtual std::shared_ptr<void> LockFolder(const std::string& dir) = 0;
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
  EntryType TypeOf(const std::string& path) const override;
  std::vector<FolderEntry> ListEntries(const std::string& dir) const override;
  bool ReadRegularFile(const std::string& path, std::string* contents) const override;
  void MakeFolder(const std::string& path) override;
  void CreateFile(const std::string& path, const std::string& contents) override;
  void CarryOver(const std::string& from, const std::string& to) override;
  void Exchange(const std::string& a, const std::string& b) override;
  void RenameNew(const std::string& from, const std::string& to) override;
  std::shared_ptr<void> LockFolder(const std::string& dir) override;
  Info Inspect(const std::string& path) const override;
};

/// An in-memory file system for tests. Folders exist implicitly (and explicitly in `folders`, when empty); every
/// mutating call is logged in `writes`.
class MemoryFileSystem : public FileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents) const override;
  bool Exists(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  void MakeDirs(const std::string& dir) override;
  void WriteFile(const std::string& path, const std::string& contents) override;
  void Rename(const std::string& from, const std::string& to) override;
  void RemoveAll(const std::string& path) override;
  EntryType TypeOf(const std::string& path) const override;
  std::vector<FolderEntry> ListEntries(const std::string& dir) const override;
  bool ReadRegularFile(const std::string& path, std::string* contents) const override;
  void MakeFolder(const std::string& path) override;
  void CreateFile(const std::string& path, const std::string& contents) override;
  void CarryOver(const std::string& from, const std::string& to) override;
  void Exchange(const std::string& a, const std::string& b) override;
  void RenameNew(const std::string& from, const std::string& to) override;
  std::shared_ptr<void> LockFolder(const std::string& dir) override;
  /// Every file is regular; a path is its own real path ("/" prefixed), so only `..` can leave a folder.
  Info Inspect(const std::string& path) const override;

  std::map<std::string, std::string> files;
  std::map<std::string, std::string> links;  ///< symbolic link -> its target, never followed
  std::set<std::string> fifos;
  std::set<std::string> folders;             ///< folders made explicitly (a folder with files needs no entry)
  std::set<std::string> locked;              ///< folders another process holds locked
  std::vector<std::string> writes;  ///< "write PATH", "create PATH", "rename A -> B",
                                    ///< "carry A -> B", "exchange A <-> B", "mkdir D", "remove P", in order
};

/// Joins two path parts with one '/'.
std::string JoinPath(const std::string& a, const std::string& b);
/// The folder part of a path ("a/b/c.txt" -> "a/b"), or "." when there is none.
std::string DirName(const std::string& path);
/// The folder of the running executable (where an installed tree's other parts are found from), or "" when the
/// system does not say.
std::string ExecutableDir();

/// A folder for short-lived files that never reach the output (libxlsxwriter's parts of a workbook): $TMPDIR when
/// set, else the memory-backed /dev/shm where it is a writable folder, else /tmp. Creating a file on a busy ext4
/// /tmp costs up to a millisecond (the kernel searches for an inode not recently freed); a workbook takes about a
/// hundred of them.
std::string ScratchDir();

/// A folder of this process's own in ScratchDir(), for libxlsxwriter's scratch files: made on first use, locked
/// (flock) while the process lives and removed when it exits. The library unlinks each file right after creating
/// it, but a process killed between the two would leave the file behind; so first, such folders that no living
/// process holds (left by killed builds) are removed.
std::string OwnScratchDir();

}  // namespace barometer::base
