// Results derived from files, kept across builds in one long-lived process (`watch`), and given again only while
// every file they were made from is still the same.
//
// A result remembers what its making asked of the file system (each file read and its bytes, whether paths
// exist, what they are, folder listings). Before it is given again, each question is asked anew and the answers
// compared, bytes for bytes: an edit can never be hidden by a cached result, whatever the file's date says. Reading
// the files again is cheap beside parsing them (or hashing fonts).
#pragma once

#include <any>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace barometer::base {

/// What a computation asked of the file system, in order, with the answers it got.
class ReadLog {
 public:
  /// Whether every question, asked again of `fs` now and in the same order, gets the same answer. Stops at the
  /// first that does not: up to there the computation would have gone the same way, so every file read here is
  /// one it would read again (the build record lists exactly the files a build without a cache reads).
  bool StillSame(const FileSystem& fs) const;

  void Read(const std::string& path, bool found, const std::string& bytes);
  void Exists(const std::string& path, bool exists);
  void Listed(const std::string& dir, const std::vector<std::string>& names);
  void Inspected(const std::string& path, const FileSystem::Info& info);

 private:
  struct Question {
    enum Kind { kRead, kExists, kList, kInspect } kind;
    std::string path;
    bool yes = false;                ///< found (read) or exists
    std::string bytes;               ///< a read's bytes
    std::vector<std::string> names;  ///< a listing's names
    FileSystem::Info info;           ///< an inspection's answer
  };
  mutable std::mutex mutex_;
  std::vector<Question> questions_;
};

/// Passes the reading calls through to another file system, logging each with its answer. Writing is refused
/// (std::logic_error): what a cached computation does must be only to read.
class LoggingFileSystem : public FileSystem {
 public:
  LoggingFileSystem(const FileSystem& inner, ReadLog& log) : inner_(inner), log_(log) {}

  bool ReadFile(const std::string& path, std::string* contents) const override;
  bool Exists(const std::string& path) const override;
  std::vector<std::string> ListFiles(const std::string& dir) const override;
  EntryType TypeOf(const std::string& path) const override;
  std::vector<FolderEntry> ListEntries(const std::string& dir) const override;
  bool ReadRegularFile(const std::string& path, std::string* contents) const override;
  Info Inspect(const std::string& path) const override;

  void MakeDirs(const std::string&) override { Refuse(); }
  void WriteFile(const std::string&, const std::string&) override { Refuse(); }
  void Rename(const std::string&, const std::string&) override { Refuse(); }
  void RemoveAll(const std::string&) override { Refuse(); }
  void MakeFolder(const std::string&) override { Refuse(); }
  void CreateFile(const std::string&, const std::string&) override { Refuse(); }
  void CarryOver(const std::string&, const std::string&) override { Refuse(); }
  void Exchange(const std::string&, const std::string&) override { Refuse(); }
  void RenameNew(const std::string&, const std::string&) override { Refuse(); }
  std::shared_ptr<void> LockFolder(const std::string&) override { Refuse(); }

 private:
  [[noreturn]] static void Refuse();
  const FileSystem& inner_;
  ReadLog& log_;
};

/// Results of computations over files, by a key naming the computation and its arguments. Thread-safe.
class FileMemo {
 public:
  /// The result of `compute(fs, diags)` for `key`: the one kept from an earlier call when every file it read is
  /// still the same (its diagnostics are then said again into `diags`, as `compute` said them), else computed now
  /// and kept. `reused` (when given) tells which. `compute` must depend only on the files it reads through the
  /// file system it is given, and on what `key` names.
  template <typename T>
  T Get(const FileSystem& fs, const std::string& key, Diagnostics& diags,
        const std::function<T(const FileSystem&, Diagnostics&)>& compute, bool* reused = nullptr) {
    if (std::shared_ptr<const Entry> kept = Find(fs, key, diags)) {
      if (reused) *reused = true;
      return std::any_cast<const T&>(kept->value);
    }
    if (reused) *reused = false;
    auto log = std::make_shared<ReadLog>();
    LoggingFileSystem logging(fs, *log);
    Diagnostics said;
    said.SetWarningsAsErrors(WarningsAsErrors());
    T result = compute(logging, said);
    std::vector<Diagnostic> diagnostics = said.Sorted();
    for (const Diagnostic& d : diagnostics) diags.Add(d);
    Keep(key, log, std::any(result), std::move(diagnostics));
    return result;
  }

  /// Whether the diagnostics of computations are made with warnings as errors (`--strict`); a change lets go of
  /// every kept result, whose diagnostics were made the other way.
  void SetWarningsAsErrors(bool on);

  /// Ends one build: results no build has asked for in the last `kKeptBuilds` builds are let go (a section
  /// removed from the edition, a file's earlier versions are not kept for ever).
  void EndBuild();
  static constexpr int kKeptBuilds = 4;

  /// What the calls since the memo was made found: results given again, and computed.
  struct Counts {
    int reused = 0, computed = 0;
  };
  Counts counts() const;

 private:
  struct Entry {
    std::shared_ptr<const ReadLog> log;
    std::any value;
    std::vector<Diagnostic> diagnostics;
    long last_build = 0;
  };
  /// The kept entry for `key` when its files are still the same, its diagnostics said into `diags`; else null.
  std::shared_ptr<const Entry> Find(const FileSystem& fs, const std::string& key, Diagnostics& diags);
  void Keep(const std::string& key, std::shared_ptr<const ReadLog> log, std::any value,
            std::vector<Diagnostic> diagnostics);

  bool WarningsAsErrors() const;

  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  bool warnings_as_errors_ = false;
  long build_ = 0;
  Counts counts_;
};

/// SHA-256 of files hashed again and again (the fonts for the build record, the outputs for SHA256SUMS): kept by
/// name with the bytes they were made from, so the same bytes are only compared, never hashed twice. Thread-safe.
class Sha256Memo {
 public:
  /// Sha256Hex(bytes), remembered under `name`.
  std::string Hex(const std::string& name, const std::string& bytes);

 private:
  std::mutex mutex_;
  std::map<std::string, std::pair<std::string, std::string>> sums_;  ///< name -> bytes, hex
};

/// Sha256Hex(bytes) through `memo` when there is one.
std::string Sha256Hex(Sha256Memo* memo, const std::string& name, const std::string& bytes);

}  // namespace barometer::base
