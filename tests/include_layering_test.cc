// The pipeline's direction, checked on the source: every #include in src/ points at the file's own stage or an
// earlier one, in the order src/README.md lists the stages; and drawing libraries stay with the writers.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path kSrc = BAROMETER_SOURCE_DIR "/src";

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The stage folders in the order of src/README.md's numbered list: each `folder/` in backticks, first
// mention first.
std::vector<std::string> StageOrder() {
  std::vector<std::string> order;
  std::istringstream readme(Read(kSrc / "README.md"));
  const std::regex item(R"(^\d+\. )"), folder("`([a-z_]+)/`");
  for (std::string line; std::getline(readme, line);) {
    if (!std::regex_search(line, item)) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), folder), end; it != end; ++it) {
      std::string name = (*it)[1];
      if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    }
  }
  return order;
}

struct Include {
  std::string target;  ///< as written
  bool quoted = false;
  int line = 0;
};

std::vector<Include> Includes(const fs::path& file) {
  std::vector<Include> includes;
  std::istringstream text(Read(file));
  const std::regex directive(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::smatch match;
  int number = 0;
  for (std::string line; std::getline(text, line);) {
    ++number;
    if (std::regex_search(line, match, directive)) includes.push_back({match[2], match[1] == "\"", number});
  }
  return includes;
}

// Every source file under src/, as "stage/file".
std::vector<std::string> SourceFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(kSrc)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".h" || ext == ".cc") files.push_back(fs::relative(entry.path(), kSrc).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string StageOf(const std::string& file) { return file.substr(0, file.find('/')); }

bool IsDrawingLibrary(const std::string& include) {
  return include.rfind("cairo", 0) == 0 || include.rfind("pango/", 0) == 0;
}

}  // namespace

TEST_CASE("include layering: every include in src/ points at its own or an earlier stage of src/README.md") {
  const std::vector<std::string> order = StageOrder();
  REQUIRE(order.size() >= 10);
  std::map<std::string, size_t> rank;
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  const std::vector<std::string> files = SourceFiles();
  REQUIRE(files.size() > 50);
  for (const std::string& file : files) {
    INFO(file);
    CHECK_MESSAGE(rank.count(StageOf(file)), "src/README.md does not list the stage of src/" << file);
    for (const Include& include : Includes(kSrc / file)) {
      if (!include.quoted) continue;
      INFO("src/" << file << ":" << include.line << ": #include \"" << include.target << "\"");
      CHECK(fs::exists(kSrc / include.target));
      const std::string stage = StageOf(include.target);
      REQUIRE(rank.count(stage));
      CHECK_MESSAGE(rank[stage] <= rank[StageOf(file)], "a stage includes a later stage");
    }
  }
}

TEST_CASE("include layering: only the writers' files see Cairo and Pango") {
  // What a header brings in, through the project's own headers.
  std::map<std::string, std::set<std::string>> seen;
  std::function<const std::set<std::string>&(const std::string&)> libraries = [&](const std::string& file)
      -> const std::set<std::string>& {
    auto it = seen.find(file);
    if (it != seen.end()) return it->second;
    std::set<std::string>& found = seen[file];
    for (const Include& include : Includes(kSrc / file)) {
      if (!include.quoted && IsDrawingLibrary(include.target)) found.insert(include.target);
      if (include.quoted && fs::exists(kSrc / include.target)) {
        for (const std::string& library : libraries(include.target)) found.insert(library);
      }
    }
    return found;
  };
  for (const std::string& file : SourceFiles()) {
    const std::string stage = StageOf(file);
    // audit renders PDF pages back (poppler draws them onto a Cairo surface) to compare them.
    const bool writer = stage == "render" || stage == "exports" || stage == "audit";
    const bool header = file.size() > 2 && file.compare(file.size() - 2, 2, ".h") == 0;
    INFO("src/" << file);
    if (writer) continue;
    // Shaping uses Pango inside text/; a header of text/ exposes it only in font_face.h, for the writers.
    if (stage == "text" && (!header || file == "text/font_face.h")) continue;
    CHECK(libraries(file).empty());
  }
  // The page a layout hands on is plain data.
  CHECK(libraries("layout/document.h").empty());
  CHECK(libraries("figures/chart.h").empty());
}
