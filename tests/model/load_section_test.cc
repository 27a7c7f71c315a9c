// Broken section fixtures carry their expected diagnostics in comments: "# error: LINE:COL message".
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file_system.h"
#include "model/load.h"

using namespace barometer;

namespace {

std::vector<std::string> Expected(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("# error: ", 0) == 0) out.push_back(line.substr(9));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Actual(const base::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.severity != base::Severity::kError) continue;
    out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.message);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("section fixtures report exactly their expected diagnostics") {
  const std::string dir = BAROMETER_SOURCE_DIR "/tests/fixtures/sections";
  base::RealFileSystem fs;
  int files = 0;
  for (const std::string& name : fs.ListFiles(dir)) {
    const std::string path = dir + "/" + name;
    std::string text;
    REQUIRE(fs.ReadFile(path, &text));
    base::Diagnostics diags;
    model::Section section = model::LoadSection(fs, path, name.substr(0, name.size() - 5), diags);
    std::string actual, expected;
    for (const std::string& line : Actual(diags)) actual += line + "\n";
    for (const std::string& line : Expected(text)) expected += line + "\n";
    INFO("fixture " << name);
    CHECK(actual == expected);
    ++files;
  }
  CHECK(files >= 6);
}

TEST_CASE("a clean section loads every block kind it uses") {
  base::RealFileSystem fs;
  base::Diagnostics diags;
  model::Section section =
      model::LoadSection(fs, BAROMETER_SOURCE_DIR "/tests/fixtures/sections/clean.yaml", "clean", diags);
  CHECK(diags.Sorted().empty());
  REQUIRE(section.blocks.size() == 4);
  CHECK(section.kicker == "Analysis");
  CHECK(section.title.spans[1].emphasis);
  CHECK(std::holds_alternative<model::Paragraph>(section.blocks[0].content));
  CHECK(std::get<model::Heading>(section.blocks[1].content).level == 3);
  CHECK(std::get<model::BulletList>(section.blocks[2].content).ordered);
  CHECK(std::get<model::PullQuote>(section.blocks[3].content).attribution.Plain() == "Someone");
  REQUIRE(section.footnotes.size() == 1);
  CHECK(section.footnotes[0].text.Plain() == "The note.");
}
