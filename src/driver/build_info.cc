#include "driver/build_info.h"

#include <git_commit.h>
#include <png.h>
#include <zip.h>
#include <zlib.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <utility>

#include "base/hash.h"
#include "text/fonts.h"

namespace barometer::driver {
namespace {

namespace fs = std::filesystem;

fs::path Absolute(const std::string& path) { return fs::absolute(path).lexically_normal(); }

// `path` relative to `dir` when it lies inside it.
bool Inside(const fs::path& path, const fs::path& dir, std::string* relative) {
  fs::path rel = path.lexically_relative(dir);
  if (rel.empty() || *rel.begin() == "..") return false;
  *relative = rel.generic_string();
  return true;
}

}  // namespace

bool RecordingFileSystem::ReadFile(const std::string& path, std::string* contents) const {
  if (!inner_.ReadFile(path, contents)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  read_[path] = *contents;
  return true;
}

std::map<std::string, std::string> RecordingFileSystem::TakeRead() {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::exchange(read_, {});
}

std::string RecordedPath(const std::string& path, const InputFolders& folders) {
  const fs::path file = Absolute(path);
  std::string relative;
  // The repository: the nearest folder holding both the template and the font folder (never the file system's
  // root, which would only make an absolute path look relative).
  fs::path repository = Absolute(folders.templates_dir).parent_path();
  const fs::path fonts = Absolute(folders.fonts_dir);
  while (!repository.empty() && repository != repository.root_path() && !Inside(fonts, repository, &relative)) {
    repository = repository.parent_path();
  }
  if (!repository.empty() && repository != repository.root_path() && Inside(file, repository, &relative)) {
    return relative;
  }
  for (const std::string& dir : {folders.content_dir, folders.templates_dir, folders.fonts_dir}) {
    const fs::path folder = Absolute(dir);
    if (file == folder) return folder.filename().generic_string();
    if (Inside(file, folder.parent_path(), &relative) && Inside(file, folder, &relative)) {
      return (folder.filename() / relative).generic_string();
    }
  }
  // A file of the system (a hyphenation dictionary): its folder's name and its own.
  return (file.parent_path().filename() / file.filename()).generic_string();
}

std::string BuildInfoJson(const model::Edition& edition, const std::vector<std::string>& languages,
                          const std::map<std::string, std::string>& inputs,
                          const InputFolders& folders, base::Sha256Memo* sums) {
  nlohmann::json record;
  record["compiler"]["name"] = "barometer";
  record["compiler"]["version"] = BAROMETER_VERSION;
  if (*BAROMETER_GIT_COMMIT) record["compiler"]["git_commit"] = BAROMETER_GIT_COMMIT;
  record["libraries"] = text::TextLibraryVersions();
  record["libraries"].update(nlohmann::json{
      {"libxlsxwriter", LXW_VERSION},
      // yaml-cpp has no version call or macro; CMake takes it from the library's pkg-config file.
      {"yaml-cpp", BAROMETER_YAML_CPP_VERSION},
      // What compresses the PDFs' streams and the PNGs, and repacks the workbooks: their bytes depend on these.
      {"zlib", zlibVersion()},
      {"libpng", png_get_libpng_ver(nullptr)},
      {"libzip", zip_libzip_version()},
  });
  record["edition"] = edition.id;
  record["languages"] = languages;
  record["folders"] = {{"content", RecordedPath(folders.content_dir, folders)},
                       {"templates", RecordedPath(folders.templates_dir, folders)},
                       {"fonts", RecordedPath(folders.fonts_dir, folders)}};
  nlohmann::json& files = record["inputs"] = nlohmann::json::object();
  for (const auto& [path, bytes] : inputs) files[RecordedPath(path, folders)] = base::Sha256Hex(sums, "input\n" + path, bytes);
  // What each built language's profile resolved to, as the build used it.
  nlohmann::json& profiles = record["language_profiles"] = nlohmann::json::object();
  nlohmann::json& hyphenation = record["hyphenation"] = nlohmann::json::object();
  nlohmann::json& exceptions = record["hyphenation_exceptions"] = nlohmann::json::object();
  for (const model::LanguageEdition& language : edition.languages) {
    if (std::find(languages.begin(), languages.end(), language.code) == languages.end()) continue;
    const model::LanguageProfile& profile = language.profile;
    profiles[language.code] = RecordedPath(profile.file, folders);
    hyphenation[language.code] = RecordedPath(profile.dictionary, folders);
    if (!profile.exceptions_file.empty()) exceptions[language.code] = RecordedPath(profile.exceptions_file, folders);
  }

  nlohmann::json& figures = record["figures"] = nlohmann::json::object();
  for (const auto& [id, spec] : edition.figures) {
    nlohmann::json& figure = figures[id];
    figure["number"] = spec.number;
    auto table = edition.tables.find(spec.table);
    if (table == edition.tables.end()) continue;
    figure["table"] = RecordedPath(table->second.path, folders);
    figure["indicator"] = spec.indicator;
    nlohmann::json& rows = figure["rows"] = nlohmann::json::array();
    for (const model::TableRow& row : table->second.rows) {
      if (row.indicator != spec.indicator) continue;
      rows.push_back({{"category", row.category}, {"series", row.series}, {"line", row.loc.line}});
    }
  }
  return record.dump(2) + "\n";
}

}  // namespace barometer::driver
