// Writing the output folder: every output's path checked before anything is written, the next folder built in a
// staging folder beside it and swapped into place, unchanged files and the user's own files carried over, and a
// staging folder a killed build left behind cleared. Nothing is written or removed outside the output folder.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "base/hash.h"
#include "driver/build.h"  // declares WriteOutputs

namespace barometer::driver {

namespace {

constexpr char kSums[] = "SHA256SUMS";
// The file by which the build knows a staging folder as its own (left behind by a killed build) and may remove it.
constexpr char kMarker[] = ".barometer-staging";
constexpr char kMarkerText[] =
    "barometer writes its next output folder here and swaps it into place; a later build removes what is left.\n";

std::string Describe(base::EntryType type) {
  switch (type) {
    case base::EntryType::kMissing: return "nothing";
    case base::EntryType::kFile: return "a file";
    case base::EntryType::kFolder: return "a folder";
    case base::EntryType::kLink: return "a symbolic link";
    case base::EntryType::kFifo: return "a FIFO";
    case base::EntryType::kOther: return "a socket or device file";
  }
  return "an entry";
}

// The path as it can be shown in a message: control characters escaped.
std::string Printable(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Why `path` is not a plain relative path of ordinary names inside the output folder; empty when it is one.
std::string OutputPathProblem(const std::string& path) {
  if (path.empty()) return "it is empty";
  if (path.front() == '/') return "it is absolute";
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    std::string name = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (name.empty()) return "it has an empty component";
    if (name == "." || name == "..") return "it has a '" + name + "' component";
    if (name.front() == '.') return "a component starts with '.'";
    if (name.size() > 255) return "a component is longer than 255 bytes";
    for (unsigned char c : name) {
      if (c < 0x20 || c == 0x7f || c == '\\') return "it holds a control character or a backslash";
    }
    if (slash == std::string::npos) return "";
    start = slash + 1;
  }
}

// The files a previous build listed in its SHA256SUMS and their SHA-256, relative to the output folder. Only plain
// relative paths count, so a hand-edited list can never name a file outside the folder.
std::map<std::string, std::string> ListedInSums(const std::string& sums) {
  std::map<std::string, std::string> listed;
  std::istringstream lines(sums);
  std::string line;
  while (std::getline(lines, line)) {
    size_t gap = line.find("  ");
    if (gap != 64 || line.find_first_not_of("0123456789abcdef") < 64) continue;
    std::string path = line.substr(gap + 2);
    if (path != kSums && OutputPathProblem(path).empty()) listed[path] = line.substr(0, 64);
  }
  return listed;
}

// Removes a staging folder of the build's, the marker last: killed meanwhile, what is left is still known as the
// build's.
void RemoveStaging(base::FileSystem& fs, const std::string& staging) {
  fs.RemoveAll(base::JoinPath(staging, "output"));
  fs.RemoveAll(staging);
}

// Removes the staging folder a killed build left behind, but only one that carries the build's marker and that no
// running build holds; a folder the build did not make is never removed.
void ClearLeftoverStaging(base::FileSystem& fs, const std::string& staging) {
  base::EntryType type = fs.TypeOf(staging);
  if (type == base::EntryType::kMissing) return;
  if (type != base::EntryType::kFolder) {
    throw std::runtime_error(Printable(staging) + ": " + Describe(type) +
                             " is where the build stages its next output; move it away");
  }
  std::string marker;
  const bool marked = fs.ReadRegularFile(base::JoinPath(staging, kMarker), &marker);
  const std::vector<base::FolderEntry> entries = fs.ListEntries(staging);
  // A build killed while it wrote its marker leaves the marker's start and nothing else.
  if ((marked && marker == kMarkerText) ||
      (marked && entries.size() == 1 && std::string_view(kMarkerText).substr(0, marker.size()) == marker)) {
    std::shared_ptr<void> lock = fs.LockFolder(staging);
    if (!lock) {
      throw std::runtime_error("another build is writing " + Printable(staging) + " now; try again when it is done");
    }
    RemoveStaging(fs, staging);
  } else if (entries.empty()) {
    fs.RemoveAll(staging);  // a build killed before it marked the folder; an empty folder holds nothing to lose
  } else {
    throw std::runtime_error(Printable(staging) + ": a folder the build did not make (it has no " + kMarker +
                             ") is where the build stages its next output; it is never deleted: move it away");
  }
}

// What goes into the next output folder, in order: a folder made, a file written, or an entry of the current
// output folder carried over (a hard link, so an unchanged file keeps its date).
struct Step {
  enum Kind { kMakeFolder, kCreate, kCarry } kind;
  std::string path;  ///< relative to the output folder
  const std::string* bytes = nullptr;
};

class OutputPlan {
 public:
  OutputPlan(base::FileSystem& fs, const std::string& out_dir, bool remove_stale, base::Sha256Memo* sums)
      : fs_(fs), out_dir_(out_dir), remove_stale_(remove_stale), sums_memo_(sums) {}

  // Checks every output's path before anything is written; none may leave the output folder.
  void Want(const std::vector<Output>& outputs) {
    for (const Output& output : outputs) {
      std::string problem = output.path == kSums ? "the build writes SHA256SUMS itself" : OutputPathProblem(output.path);
      if (problem.empty() && !wanted_.emplace(output.path, &output.bytes).second) problem = "two outputs have it";
      if (!problem.empty()) {
        throw std::runtime_error("refusing to write '" + Printable(output.path) + "' into " + Printable(out_dir_) +
                                 ": " + problem + "; nothing was written");
      }
    }
    for (const auto& [path, bytes] : wanted_) {
      for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        folders_.insert(path.substr(0, slash));
      }
    }
    for (const std::string& folder : folders_) {
      if (wanted_.count(folder)) {
        throw std::runtime_error("refusing to write '" + Printable(folder) + "' into " + Printable(out_dir_) +
                                 ": it is both an output and the folder of others; nothing was written");
      }
    }
  }

  // Plans the next output folder; returns false when it would be the current one, entry for entry.
  bool Make() {
    base::EntryType type = fs_.TypeOf(out_dir_);
    if (type != base::EntryType::kMissing && type != base::EntryType::kFolder) {
      throw std::runtime_error("cannot write the output into " + Printable(out_dir_) + ": it is " + Describe(type) +
                               ", not a folder");
    }
    has_old_ = type == base::EntryType::kFolder;
    changed_ = !has_old_;
    std::string previous;
    if (has_old_ && fs_.ReadRegularFile(Old(kSums), &previous)) listed_ = ListedInSums(previous);

    for (const std::string& folder : folders_) steps_.push_back({Step::kMakeFolder, folder});
    if (has_old_) CarryFolder("");

    std::map<std::string, std::string> sums_lines = kept_sums_;
    for (const auto& [path, bytes] : wanted_) sums_lines[path] = Sha256(path, *bytes);
    for (const auto& [path, sum] : sums_lines) sums_ += sum + "  " + path + "\n";
    wanted_[kSums] = &sums_;
    for (const auto& [path, bytes] : wanted_) {
      std::string current;
      const bool same = OldFolder(base::DirName(path)) && fs_.TypeOf(Old(path)) == base::EntryType::kFile &&
                        fs_.ReadRegularFile(Old(path), &current) && current == *bytes;
      steps_.push_back({same ? Step::kCarry : Step::kCreate, path, bytes});
      changed_ |= !same;
    }
    return changed_;
  }

  bool has_old() const { return has_old_; }
  const std::vector<Step>& steps() const { return steps_; }

 private:
  struct Carried {
    bool kept = false, dropped = false;
  };

  std::string Old(const std::string& path) const { return path.empty() ? out_dir_ : base::JoinPath(out_dir_, path); }

  std::string Sha256(const std::string& path, const std::string& bytes) const {
    return base::Sha256Hex(sums_memo_, "output\n" + Old(path), bytes);
  }

  // Whether a folder of the current output (relative; "." or "" for the folder itself) is a real folder all the
  // way down, so that looking inside it follows no link.
  bool OldFolder(const std::string& path) {
    if (path.empty() || path == ".") return has_old_;
    auto [it, added] = old_folders_.emplace(path, false);
    if (added) it->second = OldFolder(base::DirName(path)) && fs_.TypeOf(Old(path)) == base::EntryType::kFolder;
    return it->second;
  }

  [[noreturn]] void InTheWay(const std::string& path, base::EntryType type, const std::string& what) const {
    throw std::runtime_error(Printable(Old(path)) + ": " + Describe(type) + " " + what +
                             "; move it away (nothing was written)");
  }

  // Plans what becomes of each entry of a folder of the current output: the outputs replace theirs; what the
  // previous build made and listed (bytes unchanged) goes when this build no longer makes it; the rest is the
  // user's and is carried over. Nothing here follows a link.
  Carried CarryFolder(const std::string& folder) {
    Carried result;
    for (const base::FolderEntry& entry : fs_.ListEntries(Old(folder))) {
      const std::string path = folder.empty() ? entry.name : folder + "/" + entry.name;
      if (path == kSums) continue;
      if (entry.type == base::EntryType::kFolder) {
        if (wanted_.count(path)) InTheWay(path, entry.type, "is where the build writes a file");
        if (folders_.count(path)) {
          Carried inner = CarryFolder(path);
          result.kept |= inner.kept;
          result.dropped |= inner.dropped;
          continue;
        }
        size_t mark = steps_.size();
        steps_.push_back({Step::kCarry, path});
        Carried inner = CarryFolder(path);
        if (inner.dropped && !inner.kept) {
          steps_.resize(mark);  // a folder that held only stale outputs goes with them
          result.dropped = true;
        } else {
          result.kept = true;
        }
        continue;
      }
      if (wanted_.count(path)) continue;  // the new output takes its place
      auto listed = listed_.find(path);
      std::string bytes;
      const bool made_by_build = listed != listed_.end() && entry.type == base::EntryType::kFile &&
                                 fs_.ReadRegularFile(Old(path), &bytes) && Sha256(path, bytes) == listed->second;
      if (made_by_build && (remove_stale_ || folders_.count(path))) {
        result.dropped = changed_ = true;
        continue;
      }
      if (folders_.count(path)) InTheWay(path, entry.type, "is where the build makes a folder");
      if (entry.type == base::EntryType::kOther) InTheWay(path, entry.type, "cannot be carried into the new output");
      steps_.push_back({Step::kCarry, path});
      result.kept = true;
      if (made_by_build) kept_sums_[path] = listed->second;  // a build of some languages keeps the others' files
    }
    return result;
  }

  base::FileSystem& fs_;
  const std::string out_dir_;
  const bool remove_stale_;
  base::Sha256Memo* const sums_memo_;
  std::map<std::string, const std::string*> wanted_;  ///< output path -> bytes, SHA256SUMS last
  std::set<std::string> folders_;                     ///< every folder an output lies in
  std::map<std::string, std::string> listed_;         ///< the previous SHA256SUMS
  std::map<std::string, std::string> kept_sums_;      ///< listed files carried over, with their SHA-256
  std::map<std::string, bool> old_folders_;
  std::string sums_;
  std::vector<Step> steps_;
  bool has_old_ = false, changed_ = false;
};

}  // namespace

void WriteOutputs(base::FileSystem& fs, const std::string& out_dir, const std::vector<Output>& outputs,
                  bool remove_stale, base::Sha256Memo* sums) {
  std::string folder = out_dir;
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  const std::string name = folder.substr(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
  if (name.empty() || name == "." || name == "..") {
    throw std::runtime_error("the output folder '" + Printable(out_dir) + "' must be given by its name (not '" +
                             Printable(name) + "'): the build swaps it for a new one");
  }
  OutputPlan plan(fs, folder, remove_stale, sums);
  plan.Want(outputs);

  const std::string staging = folder + ".staging";
  ClearLeftoverStaging(fs, staging);
  if (!plan.Make()) return;  // every file as it is already: nothing to write, no date to change

  // The next output folder is made whole beside the current one, then the two swap places in one step: killed
  // at any instant, the folder holds either the whole old or the whole new output, each with its SHA256SUMS.
  if (base::DirName(folder) != ".") fs.MakeDirs(base::DirName(folder));
  fs.MakeFolder(staging);
  std::shared_ptr<void> lock = fs.LockFolder(staging);
  if (!lock) throw std::runtime_error("another build is writing " + Printable(staging) + " now");
  fs.CreateFile(base::JoinPath(staging, kMarker), kMarkerText);
  const std::string next = base::JoinPath(staging, "output");  // as RemoveStaging knows it
  fs.MakeFolder(next);
  for (const Step& step : plan.steps()) {
    const std::string target = base::JoinPath(next, step.path);
    switch (step.kind) {
      case Step::kMakeFolder: fs.MakeFolder(target); break;
      case Step::kCreate: fs.CreateFile(target, *step.bytes); break;
      case Step::kCarry: fs.CarryOver(base::JoinPath(folder, step.path), target); break;
    }
  }
  if (plan.has_old()) {
    fs.Exchange(next, folder);
  } else {
    fs.RenameNew(next, folder);
  }
  RemoveStaging(fs, staging);  // now the previous output, or nothing
}

}  // namespace barometer::driver
