#include "base/file_memo.h"

#include <stdexcept>

#include "base/hash.h"

namespace barometer::base {

bool ReadLog::StillSame(const FileSystem& fs) const {
  std::lock_guard lock(mutex_);
  std::string bytes;
  for (const Question& was : questions_) {
    switch (was.kind) {
      case Question::kRead:
        bytes.clear();
        if (fs.ReadFile(was.path, &bytes) != was.yes || (was.yes && bytes != was.bytes)) return false;
        break;
      case Question::kExists:
        if (fs.Exists(was.path) != was.yes) return false;
        break;
      case Question::kList:
        if (fs.ListFiles(was.path) != was.names) return false;
        break;
      case Question::kInspect: {
        const FileSystem::Info now = fs.Inspect(was.path);
        if (now.exists != was.info.exists || now.regular != was.info.regular || now.size != was.info.size ||
            now.real_path != was.info.real_path) {
          return false;
        }
        break;
      }
    }
  }
  return true;
}

void ReadLog::Read(const std::string& path, bool found, const std::string& bytes) {
  std::lock_guard lock(mutex_);
  questions_.push_back({Question::kRead, path, found, found ? bytes : std::string(), {}, {}});
}

void ReadLog::Exists(const std::string& path, bool exists) {
  std::lock_guard lock(mutex_);
  questions_.push_back({Question::kExists, path, exists, {}, {}, {}});
}

void ReadLog::Listed(const std::string& dir, const std::vector<std::string>& names) {
  std::lock_guard lock(mutex_);
  questions_.push_back({Question::kList, dir, false, {}, names, {}});
}

void ReadLog::Inspected(const std::string& path, const FileSystem::Info& info) {
  std::lock_guard lock(mutex_);
  questions_.push_back({Question::kInspect, path, false, {}, {}, info});
}

bool LoggingFileSystem::ReadFile(const std::string& path, std::string* contents) const {
  const bool found = inner_.ReadFile(path, contents);
  log_.Read(path, found, *contents);
  return found;
}

bool LoggingFileSystem::Exists(const std::string& path) const {
  const bool exists = inner_.Exists(path);
  log_.Exists(path, exists);
  return exists;
}

std::vector<std::string> LoggingFileSystem::ListFiles(const std::string& dir) const {
  std::vector<std::string> names = inner_.ListFiles(dir);
  log_.Listed(dir, names);
  return names;
}

// The output folder's calls: no cached computation reads through them, so none is logged; refusing them keeps
// an answer that could not be checked again from ever reaching a kept result.
EntryType LoggingFileSystem::TypeOf(const std::string&) const { Refuse(); }
std::vector<FolderEntry> LoggingFileSystem::ListEntries(const std::string&) const { Refuse(); }
bool LoggingFileSystem::ReadRegularFile(const std::string&, std::string*) const { Refuse(); }

FileSystem::Info LoggingFileSystem::Inspect(const std::string& path) const {
  Info info = inner_.Inspect(path);
  log_.Inspected(path, info);
  return info;
}

void LoggingFileSystem::Refuse() {
  throw std::logic_error("a cached computation may only read files (ReadFile, Exists, ListFiles, Inspect)");
}

std::shared_ptr<const FileMemo::Entry> FileMemo::Find(const FileSystem& fs, const std::string& key,
                                                      Diagnostics& diags) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    entry = it->second;
  }
  if (!entry->log->StillSame(fs)) return nullptr;
  for (const Diagnostic& d : entry->diagnostics) diags.Add(d);
  std::lock_guard lock(mutex_);
  entry->last_build = build_;
  ++counts_.reused;
  return entry;
}

void FileMemo::Keep(const std::string& key, std::shared_ptr<const ReadLog> log, std::any value,
                    std::vector<Diagnostic> diagnostics) {
  auto entry = std::make_shared<Entry>();
  entry->log = std::move(log);
  entry->value = std::move(value);
  entry->diagnostics = std::move(diagnostics);
  std::lock_guard lock(mutex_);
  entry->last_build = build_;
  entries_[key] = std::move(entry);
  ++counts_.computed;
}

void FileMemo::SetWarningsAsErrors(bool on) {
  std::lock_guard lock(mutex_);
  if (on != warnings_as_errors_) entries_.clear();
  warnings_as_errors_ = on;
}

bool FileMemo::WarningsAsErrors() const {
  std::lock_guard lock(mutex_);
  return warnings_as_errors_;
}

void FileMemo::EndBuild() {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = build_ - it->second->last_build >= kKeptBuilds ? entries_.erase(it) : std::next(it);
  }
  ++build_;
}

FileMemo::Counts FileMemo::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::string Sha256Memo::Hex(const std::string& name, const std::string& bytes) {
  {
    std::lock_guard lock(mutex_);
    auto it = sums_.find(name);
    if (it != sums_.end() && it->second.first == bytes) return it->second.second;
  }
  std::string hex = Sha256Hex(bytes);
  std::lock_guard lock(mutex_);
  sums_[name] = {bytes, hex};
  return hex;
}

std::string Sha256Hex(Sha256Memo* memo, const std::string& name, const std::string& bytes) {
  return memo ? memo->Hex(name, bytes) : Sha256Hex(bytes);
}

}  // namespace barometer::base
