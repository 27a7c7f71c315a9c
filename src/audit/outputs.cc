#include "audit/outputs.h"

#include <sstream>
#include <stdexcept>

#include "base/progress.h"

namespace barometer::audit {

std::map<std::string, std::string> ParseChecksums(const std::string& sums) {
  std::map<std::string, std::string> listed;
  std::istringstream lines(sums);
  for (std::string line; std::getline(lines, line);) {
    size_t gap = line.find("  ");
    if (gap != 64) continue;
    std::string path = line.substr(gap + 2);
    // Only plain relative paths: a hand-made list never makes the auditor read outside the folder.
    if (path.empty() || path.front() == '/' || ("/" + path + "/").find("/../") != std::string::npos) continue;
    listed[path] = line.substr(0, gap);
  }
  return listed;
}

OutputSet ReadOutputFolder(const base::FileSystem& fs, const std::string& dir) {
  OutputSet set;
  set.name = dir;
  std::string sums;
  const std::string sums_path = base::JoinPath(dir, "SHA256SUMS");
  if (!fs.ReadFile(sums_path, &sums)) {
    throw std::runtime_error(sums_path + ": not found; '" + dir + "' is not a barometer output folder");
  }
  for (const auto& [path, hash] : ParseChecksums(sums)) {
    const std::string file = base::JoinPath(dir, path);
    if (!fs.ReadFile(file, &set.files[path])) {
      throw std::runtime_error(file + ": listed in " + sums_path + " but missing or unreadable");
    }
  }
  return set;
}

bool BuildInMemory(base::FileSystem& fs, driver::BuildOptions options, base::Diagnostics& diags, OutputSet* out) {
  std::vector<driver::Output> outputs;
  options.write = true;
  options.in_memory = &outputs;
  base::SilentProgress silent;
  out->name = options.content_dir;
  if (driver::Build(fs, options, silent, diags) != driver::Outcome::kBuilt) return false;
  for (driver::Output& output : outputs) out->files[output.path] = std::move(output.bytes);
  return true;
}

bool ReadSide(base::FileSystem& fs, const std::string& dir,
              const std::function<driver::BuildOptions(const std::string&)>& options_for, base::Diagnostics& diags,
              OutputSet* out) {
  if (fs.Exists(base::JoinPath(dir, "SHA256SUMS"))) {
    *out = ReadOutputFolder(fs, dir);
    return true;
  }
  if (fs.Exists(base::JoinPath(dir, "edition.yaml"))) return BuildInMemory(fs, options_for(dir), diags, out);
  throw std::runtime_error(dir + ": neither a barometer output folder (no SHA256SUMS) nor a content folder (no "
                           "edition.yaml)");
}

}  // namespace barometer::audit
