#include "cli/content_folder.h"

#include <algorithm>
#include <deque>
#include <filesystem>

#include "base/diagnostics.h"
#include "base/edit_distance.h"
#include "cli/command_line.h"
#include "source/yaml_file.h"

namespace barometer::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kEditionFile[] = "edition.yaml";

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Edition folders below `root` (itself included), up to three levels down, with their depth. Hidden folders and
// folders beyond a few thousand are not looked at: this runs on a mistake and must stay quick.
std::vector<std::pair<int, fs::path>> EditionsBelow(const fs::path& root) {
  std::vector<std::pair<int, fs::path>> found;
  std::deque<std::pair<int, fs::path>> queue = {{0, root}};
  int visited = 0;
  std::error_code ec;
  while (!queue.empty() && ++visited < 4000) {
    auto [depth, dir] = queue.front();
    queue.pop_front();
    if (fs::is_regular_file(dir / kEditionFile, ec)) found.emplace_back(depth, dir);
    if (depth == 3) continue;
    std::vector<fs::path> children;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec) && it->path().filename().string()[0] != '.') {
        children.push_back(it->path());
      }
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) queue.emplace_back(depth + 1, child);
  }
  return found;
}

}  // namespace

std::vector<std::string> NearestEditionFolders(const std::string& dir) {
  std::vector<std::pair<int, std::string>> found;
  fs::path start = fs::path(dir).lexically_normal();
  fs::path base = start;
  for (int up = 0; up <= 2 && found.empty(); ++up) {
    std::error_code ec;
    if (fs::is_directory(base, ec)) {
      for (const auto& [depth, path] : EditionsBelow(base)) {
        if (path == start) continue;
        std::string shown = path.lexically_normal().string();
        if (shown.size() > 1 && shown.back() == '/') shown.pop_back();
        found.emplace_back(up + depth, shown);
      }
    }
    base = (base / "..").lexically_normal();
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> paths;
  for (size_t i = 0; i < found.size() && i < 5; ++i) paths.push_back(found[i].second);
  return paths;
}

void RequireEditionFolder(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::vector<std::string> hints;
    fs::path parent = fs::path(dir).parent_path();
    std::vector<std::string> siblings;
    for (fs::directory_iterator it(parent.empty() ? "." : parent, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_directory(ec)) siblings.push_back(it->path().filename().string());
    }
    std::sort(siblings.begin(), siblings.end());
    std::string match = base::ClosestMatch(fs::path(dir).filename().string(), siblings);
    if (!match.empty()) hints.push_back("did you mean '" + (parent / match).string() + "'?");
    throw UsageError("content folder '" + dir + "' does not exist", hints);
  }
  if (fs::is_regular_file(fs::path(dir) / kEditionFile, ec)) return;
  std::vector<std::string> nearest = NearestEditionFolders(dir);
  std::vector<std::string> hints = {"an edition folder holds edition.yaml, a folder per language and tables/"};
  if (nearest.size() == 1) {
    hints.push_back("did you mean '" + nearest[0] + "'?");
  } else if (!nearest.empty()) {
    hints.push_back("edition folders nearby: " + Join(nearest, ", "));
  }
  throw UsageError("'" + dir + "' is not an edition folder: it has no edition.yaml", hints);
}

std::vector<std::string> EditionLanguages(const base::FileSystem& files, const std::string& content_dir) {
  base::Diagnostics ignored;  // the build reports these in full
  source::YamlFile file = source::LoadYaml(files, base::JoinPath(content_dir, kEditionFile), ignored);
  std::vector<std::string> codes;
  if (!file.ok || !file.root.IsMap()) return codes;
  YAML::Node languages = file.root["languages"];
  if (!languages.IsMap()) return codes;
  for (const auto& entry : languages) {
    if (entry.first.IsScalar()) codes.push_back(entry.first.Scalar());
  }
  return codes;
}

std::string EditionSourceLanguage(const base::FileSystem& files, const std::string& content_dir) {
  base::Diagnostics ignored;
  source::YamlFile file = source::LoadYaml(files, base::JoinPath(content_dir, kEditionFile), ignored);
  if (!file.ok || !file.root.IsMap() || !file.root["source_language"].IsScalar()) return "";
  return file.root["source_language"].Scalar();
}

std::vector<std::string> ResolveLanguages(const std::string& list, const std::vector<std::string>& known,
                                          const std::string& edition_file) {
  const std::string example = known.empty() ? "da,en" : Join(known, ",");
  std::vector<std::string> codes;
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty() || item.find(' ') != std::string::npos) {
      throw UsageError("--lang '" + list + "' has an empty or blank language code",
                       {"write the codes with commas and no spaces between them, e.g. --lang " + example});
    }
    std::string code = item;
    if (!known.empty()) {
      auto it = std::find_if(known.begin(), known.end(), [&](const std::string& k) { return Lower(k) == Lower(item); });
      if (it == known.end()) {
        std::vector<std::string> hints = base::DidYouMean(Lower(item), known);
        hints.push_back("the edition's languages: " + Join(known, ", "));
        throw UsageError("language '" + item + "' is not in " + edition_file, hints);
      }
      code = *it;
    }
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) {
      throw UsageError("--lang '" + list + "' names language '" + code + "' twice");
    }
    codes.push_back(code);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return codes;
}

void RequireOutputOutside(const std::string& out_dir, const std::string& content_dir) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(out_dir), ec);
  fs::path content = fs::weakly_canonical(fs::absolute(content_dir), ec);
  if (ec) return;
  auto [content_end, out_at] = std::mismatch(content.begin(), content.end(), out.begin(), out.end());
  if (content_end != content.end()) return;
  std::string name = content.filename().string();
  std::string hint = "choose a folder outside the content, e.g. --out output/" + (name.empty() ? "edition" : name);
  if (out_at == out.end()) {
    throw UsageError("the output folder '" + out_dir + "' is the content folder", {hint});
  }
  throw UsageError("the output folder '" + out_dir + "' is inside the content folder '" + content_dir + "'", {hint});
}

}  // namespace barometer::cli
