// The build record (build-info.json): what an output folder was made from and with, so an auditor can tell why
// two builds differ. Written by the build next to SHA256SUMS and listed there.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "base/file_memo.h"
#include "base/file_system.h"
#include "model/edition.h"

namespace barometer::driver {

/// Passes every call through to another file system and remembers the bytes of every file read, so the record
/// lists exactly the inputs the build read, wherever in the pipeline they were read. Safe to read from several
/// threads.
class RecordingFileSystem : public base::FileSystem {
 public:
  explicit RecordingFileSystem(base::FileSystem& inner) : inner_(inner) {}

  bool ReadFile(const std::string& path, std::string* contents) const override;
  bool Exists(const std::string& path) const override { return inner_.Exists(path); }
  std::vector<std::string> ListFiles(const std::string& dir) const override { return inner_.ListFiles(dir); }
  void MakeDirs(const std::string& dir) override { inner_.MakeDirs(dir); }
  void WriteFile(const std::string& path, const std::string& contents) override { inner_.WriteFile(path, contents); }
  void Rename(const std::string& from, const std::string& to) override { inner_.Rename(from, to); }
  void RemoveAll(const std::string& path) override { inner_.RemoveAll(path); }
  base::EntryType TypeOf(const std::string& path) const override { return inner_.TypeOf(path); }
  std::vector<base::FolderEntry> ListEntries(const std::string& dir) const override {
    return inner_.ListEntries(dir);
  }
  bool ReadRegularFile(const std::string& path, std::string* contents) const override {
    return inner_.ReadRegularFile(path, contents);
  }
  void MakeFolder(const std::string& path) override { inner_.MakeFolder(path); }
  void CreateFile(const std::string& path, const std::string& contents) override {
    inner_.CreateFile(path, contents);
  }
  void CarryOver(const std::string& from, const std::string& to) override { inner_.CarryOver(from, to); }
  void Exchange(const std::string& a, const std::string& b) override { inner_.Exchange(a, b); }
  void RenameNew(const std::string& from, const std::string& to) override { inner_.RenameNew(from, to); }
  std::shared_ptr<void> LockFolder(const std::string& dir) override { return inner_.LockFolder(dir); }
  Info Inspect(const std::string& path) const override { return inner_.Inspect(path); }

  /// Path as read -> bytes, for every file read so far; the record starts again empty (the bytes are moved out,
  /// not copied: with the fonts and a long edition's content they are many megabytes).
  std::map<std::string, std::string> TakeRead();

 private:
  base::FileSystem& inner_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::string> read_;
};

/// Where the build's inputs came from; the record names each input relative to the repository (the folder
/// holding both the template and the font folder) when it lies inside it, else relative to the parent of the
/// folder it was read from, so no record holds an absolute path.
struct InputFolders {
  std::string content_dir, templates_dir, fonts_dir;
};

/// build-info.json: the compiler's version (and git commit when built from a checkout), the library versions,
/// the folders read (content, templates, fonts; see InputFolders), the SHA-256 of every input read (`inputs`: path
/// as read -> bytes), the languages built and, for each, what its profile resolved to (`language_profiles`: the
/// profile file; `hyphenation`: the dictionary; `hyphenation_exceptions`: the exceptions file, when it names one),
/// and for each figure the table and table lines its values come from (so a diff of two output folders can point
/// at the line of a changed value). Keys sorted, two-space indent, no clock, no absolute path.
/// `sums`, when given, keeps the inputs' SHA-256 from one build to the next (`watch`).
std::string BuildInfoJson(const model::Edition& edition, const std::vector<std::string>& languages,
                          const std::map<std::string, std::string>& inputs, const InputFolders& folders,
                          base::Sha256Memo* sums = nullptr);

/// The path an input is recorded under (see InputFolders).
std::string RecordedPath(const std::string& path, const InputFolders& folders);

}  // namespace barometer::driver
