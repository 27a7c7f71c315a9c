// Strict YAML reading: wrong types, missing and unknown keys, duplicate keys and syntax errors, each at its line
// and column; and where a scalar's bytes were written.
#include "source/yaml_file.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"

using namespace barometer;
using barometer::testing::Lines;

TEST_CASE("yaml file: the map reader reads each type and reports each wrong one at its value") {
  base::MemoryFileSystem fs;
  fs.files["x.yaml"] =
      "title: Hello\n"
      "size: 12.5x\n"
      "count: 3.5\n"
      "flag: maybe\n"
      "items: text\n"
      "titel: oops\n"
      "scale: 1e2\n"
      "pages: -3\n"
      "big: 2000000000\n"
      "on: true\n"
      "list: [a, b]\n";
  base::Diagnostics diags;
  source::YamlFile file = source::LoadYaml(fs, "x.yaml", diags);
  REQUIRE(file.ok);
  {
    source::MapReader map(file.root, "x.yaml", diags, "test map");
    REQUIRE(map.ok());
    CHECK(map.String("title", true) == std::optional<std::string>("Hello"));
    CHECK(map.Number("size", true) == std::nullopt);
    CHECK(map.Integer("count", true) == std::nullopt);
    CHECK(map.Bool("flag", true) == std::nullopt);
    CHECK(map.StringList("items", true) == std::nullopt);
    CHECK(map.String("missing", true) == std::nullopt);
    CHECK(map.String("optional", false) == std::nullopt);
    CHECK(map.Number("scale", true) == std::optional<double>(100));
    CHECK(map.Integer("pages", true) == std::optional<int>(-3));
    CHECK(map.Integer("big", true) == std::nullopt);
    CHECK(map.Bool("on", true) == std::optional<bool>(true));
    CHECK(map.StringList("list", true) == std::optional<std::vector<std::string>>({"a", "b"}));
  }  // the reader reports the keys nobody asked for when it goes
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "x.yaml:1:1: test map is missing required key 'missing'",
            "x.yaml:2:7: 'size' must be a number",
            "x.yaml:3:8: 'count' must be a whole number",
            "x.yaml:4:7: 'flag' must be true or false",
            "x.yaml:5:8: 'items' must be a list",
            "x.yaml:6:1: unknown key 'titel' in test map",
            "x.yaml:9:6: 'big' must be a whole number",
        });
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.message != "unknown key 'titel' in test map") continue;
    CHECK(d.hints == std::vector<std::string>{"did you mean 'title'?"});
  }
}

TEST_CASE("yaml file: not a map, duplicate keys, a syntax error and a tab, each at its place") {
  base::MemoryFileSystem fs;
  fs.files["list.yaml"] = "- a\n- b\n";
  fs.files["twice.yaml"] = "a: 1\nb: 2\na: 3\n";
  fs.files["tab.yaml"] = "a:\n\tb: 1\n";
  base::Diagnostics diags;
  source::YamlFile list = source::LoadYaml(fs, "list.yaml", diags);
  REQUIRE(list.ok);
  source::MapReader map(list.root, "list.yaml", diags, "section");
  CHECK_FALSE(map.ok());
  source::LoadYaml(fs, "twice.yaml", diags);
  CHECK_FALSE(source::LoadYaml(fs, "tab.yaml", diags).ok);
  CHECK_FALSE(source::LoadYaml(fs, "absent.yaml", diags).ok);
  const std::vector<std::string> errors = Lines(diags, base::Severity::kError);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == "absent.yaml:0:0: cannot read file");
  CHECK(errors[1] == "list.yaml:1:1: section must be a map of keys, not a list");
  CHECK(errors[2].rfind("tab.yaml:2:", 0) == 0);
  CHECK(errors[3] == "twice.yaml:3:1: duplicate key 'a'");
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.loc.file != "tab.yaml") continue;
    CHECK(d.hints == std::vector<std::string>{"YAML indents with spaces; this line has a tab"});
  }
}

TEST_CASE("yaml file: where each byte of a one-line and a block scalar was written") {
  base::MemoryFileSystem fs;
  fs.files["p.yaml"] =
      "short: 'ab'\n"
      "long: >-\n"
      "  first line\n"
      "  second\n";
  base::Diagnostics diags;
  source::YamlFile file = source::LoadYaml(fs, "p.yaml", diags);
  REQUIRE(file.ok);
  base::SourceLoc start;
  CHECK(file.InlineScalarStart(file.root["short"], &start));
  const base::BytePlaces one_line = file.ScalarPositions(file.root["short"]);
  REQUIRE(one_line.size() == 2);
  CHECK(one_line.At(0) == std::pair{1, 9});  // after the quote
  CHECK(one_line.At(1) == std::pair{1, 10});
  CHECK_FALSE(file.InlineScalarStart(file.root["long"], &start));
  const base::BytePlaces block = file.ScalarPositions(file.root["long"]);
  REQUIRE(block.size() == std::string("first line second").size());
  CHECK(block.At(0) == std::pair{3, 3});
  CHECK(block.At(9) == std::pair{3, 12});    // 'e' of "line"
  CHECK(block.At(10) == std::pair{3, 13});   // the folded line break, at the end of its line
  CHECK(block.At(11) == std::pair{4, 3});    // 's' of "second", after the folded line break
  CHECK(block.At(16) == std::pair{4, 8});
}
