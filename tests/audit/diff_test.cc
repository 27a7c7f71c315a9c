// barometer diff and verify end to end on copies of the mini fixture edition: what one changed value or one
// changed word shows (and nothing else), the JSON and HTML reports (the HTML opened in a real browser), and
// unreadable inputs.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <unistd.h>

#include "audit/images.h"
#include "mini_fixture.h"
#include "shell.h"

namespace fs = std::filesystem;

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Barometer;
using barometer::testing::Replace;
using barometer::testing::Shell;

// A temporary repository: templates and fonts linked in, a copy of the mini edition per variant.
struct Workspace {
  fs::path root;
  explicit Workspace(const std::string& name) {
    root = fs::temp_directory_path() / ("barometer-audit-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/templates", root / "templates");
    fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/fonts", root / "fonts");
  }
  ~Workspace() { fs::remove_all(root); }
  std::string Content(const std::string& variant) {
    fs::path dir = root / variant / "mini";
    if (!fs::exists(dir)) {
      fs::create_directories(dir.parent_path());
      fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", dir, fs::copy_options::recursive);
    }
    return dir.string();
  }
  std::string Build(const std::string& variant) {
    const std::string out = (root / ("out-" + variant)).string();
    Run run = Barometer("build -q " + Content(variant) + " --out " + out);
    REQUIRE_MESSAGE(run.status == 0, run.out);
    return out;
  }
  /// Builds the edition as it is ("old") and with one edit in a file of it ("new"); the two output folders.
  std::pair<std::string, std::string> BuildBeforeAndAfter(const std::string& file, const std::string& from,
                                                          const std::string& to) {
    std::string old_out = Build("old");
    Replace(Content("new") + "/" + file, from, to);
    return {old_out, Build("new")};
  }
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// The report's lines of one kind ("value", "cell", "figure", "page", "input", "file").
std::vector<std::string> Kind(const std::string& report, const std::string& kind) {
  std::vector<std::string> out;
  for (const std::string& line : Lines(report)) {
    if (line.rfind(kind + " ", 0) == 0) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("diff: two builds of the same content are the same, exit 0") {
  Workspace space("same");
  std::string a = space.Build("a");
  std::string b = space.Build("a");  // the same content, built again into another folder
  Run diff = Barometer("diff " + a + " " + b);
  CHECK(diff.status == 0);
  CHECK(Lines(diff.out).size() == 1);
  CHECK(diff.out.rfind("0 changes between", 0) == 0);
  Run json = Barometer("diff --json " + a + " " + b);
  CHECK(json.status == 0);
  CHECK(nlohmann::json::parse(json.out).at("total") == 0);
}

TEST_CASE("diff: one value changed in one table shows that value and only what draws it") {
  Workspace space("value");
  auto [old_out, new_out] = space.BuildBeforeAndAfter("tables/shares.csv", "share,a,yes,40,50", "share,a,yes,43,50");

  Run diff = Barometer("diff " + old_out + " " + new_out);
  INFO(diff.out);
  CHECK(diff.status == 1);
  // The value, in both languages, with the table line it comes from.
  auto values = Kind(diff.out, "value");
  REQUIRE(values.size() == 2);
  CHECK(values[0] == "value fig01 [da] yes / a: 40 -> 43 (+3 points)  mini/tables/shares.csv:3");
  CHECK(values[1] == "value fig01 [en] yes / a: 40 -> 43 (+3 points)  mini/tables/shares.csv:3");
  // The same cell in each workbook (shares as fractions).
  auto cells = Kind(diff.out, "cell");
  REQUIRE(cells.size() == 2);
  for (const std::string& cell : cells) CHECK(cell.find(": 0.4 -> 0.43") != std::string::npos);
  // The one figure's drawing in each language.
  auto figures = Kind(diff.out, "figure");
  REQUIRE(figures.size() == 2);
  CHECK(figures[0].rfind("figure fig01 [da] figures/da/figure-01.png: ", 0) == 0);
  CHECK(figures[1].rfind("figure fig01 [en] figures/en/figure-01.png: ", 0) == 0);
  // The page of each PDF that shows the figure, its text with the new number.
  auto pages = Kind(diff.out, "page");
  REQUIRE(pages.size() == 2);
  CHECK(pages[0].find("mini-da.pdf p.") != std::string::npos);
  CHECK(pages[1].find("mini-en.pdf p.") != std::string::npos);
  for (const std::string& page : pages) CHECK(std::regex_search(page, std::regex("\\[-40%?-\\]\\{\\+43%?\\+\\}")));
  // The build record names the one input that changed; nothing else is reported.
  CHECK(Kind(diff.out, "input") == std::vector<std::string>{Kind(diff.out, "input").at(0)});
  CHECK(Kind(diff.out, "input").at(0).rfind("input mini/tables/shares.csv: ", 0) == 0);
  CHECK(Kind(diff.out, "file").empty());
  CHECK(Lines(diff.out).size() == 10);
  CHECK(Lines(diff.out).back().rfind("9 changes between", 0) == 0);

  // The same as JSON, for tools.
  Run json = Barometer("diff --json " + old_out + " " + new_out);
  CHECK(json.status == 1);
  nlohmann::json report = nlohmann::json::parse(json.out);
  CHECK(report.at("total") == 9);
  REQUIRE(report.at("values").size() == 2);
  CHECK(report["values"][0]["figure"] == "fig01");
  CHECK(report["values"][0]["old"] == 40);
  CHECK(report["values"][0]["new"] == 43);
  CHECK(report["values"][0]["difference"] == 3);
  CHECK(report["values"][0]["line"] == 3);
  CHECK(report["figures"][0]["pixels"]["changed"].get<long>() > 0);

  // Two content folders compare the same way, built in memory: nothing is written.
  std::set<fs::path> before;
  for (const auto& entry : fs::recursive_directory_iterator(space.root)) before.insert(entry.path());
  Run in_memory = Barometer("diff " + space.Content("old") + " " + space.Content("new"));
  CHECK(in_memory.status == 1);
  CHECK(Kind(in_memory.out, "value") == values);
  CHECK(Kind(in_memory.out, "page").size() == 2);
  std::set<fs::path> after;
  for (const auto& entry : fs::recursive_directory_iterator(space.root)) after.insert(entry.path());
  CHECK(before == after);
}

TEST_CASE("diff: one word changed in one paragraph shows only that page's words and pixels") {
  Workspace space("word");
  auto [old_out, new_out] = space.BuildBeforeAndAfter("da/first.yaml", "Dette er et afsnit med", "Dette er et stykke med");
  Run diff = Barometer("diff " + old_out + " " + new_out);
  INFO(diff.out);
  CHECK(diff.status == 1);
  auto pages = Kind(diff.out, "page");
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].find("mini-da.pdf p.") != std::string::npos);
  CHECK(pages[0].find("pixels changed") != std::string::npos);
  CHECK(pages[0].find("[-afsnit-]{+stykke+}") != std::string::npos);
  CHECK(Kind(diff.out, "value").empty());
  CHECK(Kind(diff.out, "cell").empty());
  CHECK(Kind(diff.out, "figure").empty());
  CHECK(Kind(diff.out, "file").empty());
  CHECK(Kind(diff.out, "input").size() == 1);
  CHECK(Lines(diff.out).back().rfind("2 changes between", 0) == 0);
}

TEST_CASE("diff: the HTML report opens in a browser with the changed figure, its values and pictures") {
  Workspace space("html");
  auto [old_out, new_out] = space.BuildBeforeAndAfter("tables/shares.csv", "share,b,yes,20,50", "share,b,yes,27,50");
  const std::string html = (space.root / "report.html").string();
  Run diff = Barometer("diff " + old_out + " " + new_out + " --html " + html);
  CHECK(diff.status == 1);
  const std::string page = ReadFile(html);
  REQUIRE_FALSE(page.empty());
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("src=\"data:image/png;base64,") != std::string::npos);

  const std::string browser = "chromium --headless --no-sandbox --disable-gpu --user-data-dir=" +
                              (space.root / "profile").string();
  Run dom = Shell(browser + " --dump-dom file://" + html + " 2>/dev/null");
  REQUIRE(dom.status == 0);
  CHECK(dom.out.find("id=\"figure-fig01-da\"") != std::string::npos);
  CHECK(dom.out.find("id=\"figure-fig01-en\"") != std::string::npos);
  CHECK(std::regex_search(dom.out, std::regex(R"(<td>fig01</td><td>da</td>.*?<td class="num">20</td><td class="num">27</td>)")));

  const std::string shot = (space.root / "shot.png").string();
  Run screenshot = Shell(browser + " --window-size=1000,1400 --screenshot=" + shot + " file://" + html);
  REQUIRE(fs::exists(shot));
  auto image = barometer::audit::DecodePng(ReadFile(shot), shot);
  // Not blank: many different colours (text, the two charts, the red outlines).
  std::set<uint32_t> colours(image.pixels.begin(), image.pixels.end());
  CHECK(colours.size() > 50);
  long red = 0;
  for (uint32_t p : image.pixels) red += (p & 0xFF) > 180 && ((p >> 8) & 0xFF) < 60 && ((p >> 16) & 0xFF) < 60;
  CHECK(red > 100);  // the outline of the changed area
}

TEST_CASE("diff: unreadable inputs are named with exit 3, usage errors exit 2") {
  Workspace space("broken");
  std::string out = space.Build("a");
  auto broken_copy = [&](const std::string& name, const std::string& file, size_t keep) {
    const std::string copy = (space.root / name).string();
    fs::copy(out, copy, fs::copy_options::recursive);
    std::string bytes = ReadFile(copy + "/" + file);
    std::ofstream(copy + "/" + file, std::ios::binary) << bytes.substr(0, keep ? keep : bytes.size() / 2);
    return copy;
  };
  Run no_sums = Barometer("diff " + out + " " + (space.root / "templates").string() + "/");
  CHECK(no_sums.status == 3);
  CHECK(no_sums.out.find("nor a content folder") != std::string::npos);
  Run png = Barometer("diff " + out + " " + broken_copy("png", "figures/da/figure-01.png", 0));
  CHECK(png.status == 3);
  CHECK(png.out.find("png/figures/da/figure-01.png: not a readable PNG") != std::string::npos);
  Run pdf = Barometer("diff " + out + " " + broken_copy("pdf", "mini-en.pdf", 0));
  CHECK(pdf.status == 3);
  CHECK(pdf.out.find("pdf/mini-en.pdf: not a readable PDF") != std::string::npos);
  const std::string workbook = broken_copy("xlsx", "mini-appendix-da.xlsx", 0);
  std::ofstream(workbook + "/mini-appendix-da.xlsx") << "this is not a zip";
  Run xlsx = Barometer("diff " + out + " " + workbook);
  CHECK(xlsx.status == 3);
  CHECK(xlsx.out.find("xlsx/mini-appendix-da.xlsx: not a workbook") != std::string::npos);
  fs::remove(out + "/mini-da.pdf");
  Run missing = Barometer("diff " + out + " " + out);
  CHECK(missing.status == 3);
  CHECK(missing.out.find("mini-da.pdf: listed in") != std::string::npos);

  CHECK(Barometer("diff " + out).status == 2);
  CHECK(Barometer("diff " + out + " " + out + " " + out).status == 2);
  CHECK(Barometer("diff " + out + " " + out + " --bogus").status == 2);
  CHECK(Barometer("verify " + out).status == 2);
}

TEST_CASE("verify: a build matches its own checksum list, and a changed source is named") {
  Workspace space("verify");
  std::string out = space.Build("a");
  Run same = Barometer("verify " + space.Content("a") + " --against " + out + "/SHA256SUMS");
  CHECK(same.status == 0);
  CHECK(same.out.find("verified: all") != std::string::npos);
  Replace(space.Content("a") + "/en/first.yaml", "title:", "title: Changed");
  Run changed = Barometer("verify " + space.Content("a") + " --against " + out + "/SHA256SUMS");
  INFO(changed.out);
  CHECK(changed.status == 1);
  CHECK(changed.out.find("differs: mini-en.pdf") != std::string::npos);
  CHECK(changed.out.find("differs: mini-da.pdf") == std::string::npos);
  CHECK(changed.out.find("input mini/en/first.yaml: published ") != std::string::npos);
  CHECK(changed.out.find("NOT verified") != std::string::npos);
}

TEST_CASE("diff: the readers of outputs are loaded when one is read back, not at every command's start") {
  // The one-word diff above renders pages and reads cells through them; the binary itself must not need them (nor
  // what they bring) to start.
  Run linked = barometer::testing::Shell("ldd " + std::string(BAROMETER_BINARY));
  REQUIRE(linked.status == 0);
  CHECK(linked.out.find("libcairo") != std::string::npos);  // ldd listed the libraries
  for (const char* library : {"libpoppler", "libqpdf", "libxml2", "libgnutls", "libicuuc"}) {
    INFO(library);
    CHECK(linked.out.find(library) == std::string::npos);
  }
}
