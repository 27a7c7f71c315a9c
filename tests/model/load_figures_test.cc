// Indicator tables (CSV) and figure specs (figures.yaml): what loads, and each problem at its line and column.
#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::Lines;

TEST_CASE("load figures: a table's rows, and each bad field at its line and column") {
  base::MemoryFileSystem fs;
  fs.files["t/shares.csv"] =
      "indicator,series,category,value,n\n"
      "share,a,yes,40,100\n"
      "share,a,yes,41,100\n"
      "Share,a,no,1,1\n"
      "share,a,\"x,y\",1,1\n"
      "share,b,yes,12.5x,10\n"
      "share,b,no,101,10\n"
      "share,c,yes,5,0\n"
      "share,c,no,5\n"
      "share,\"c,no,5,5\n"
      "# a comment line\n"
      "share,d,yes,\"7.5\",20\r\n";
  base::Diagnostics diags;
  model::Table table = model::LoadTable(fs, "t/shares.csv", "shares", diags);
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "t/shares.csv:3:1: duplicate row for indicator 'share', series 'a', category 'yes'",
            "t/shares.csv:4:1: 'Share' is not an id (lower-case letters, digits, '-' and '_')",
            "t/shares.csv:5:9: 'x,y' is not an id (lower-case letters, digits, '-' and '_')",
            "t/shares.csv:6:13: value '12.5x' is not a number (use '.' for decimals)",
            "t/shares.csv:7:12: value 101 is not a percentage between 0 and 100",
            "t/shares.csv:8:15: n '0' must be a positive whole number",
            "t/shares.csv:9:1: expected 5 fields, found 4",
            "t/shares.csv:10:1: malformed CSV line (unbalanced quotes)",
        });
  // The good rows (a duplicate is reported but kept, so the figure check sees what the file holds).
  REQUIRE(table.rows.size() == 3);
  CHECK(table.name == "shares");
  const model::TableRow* first = table.Find("share", "a", "yes");
  REQUIRE(first);
  CHECK(first->value == 40);
  CHECK(first->n == 100);
  CHECK(first->loc.line == 2);
  const model::TableRow* quoted = table.Find("share", "d", "yes");
  REQUIRE(quoted);
  CHECK(quoted->value == 7.5);
  CHECK(quoted->n == 20);
  CHECK(table.Find("share", "b", "yes") == nullptr);
}

TEST_CASE("load figures: a table without a header line, or with a wrong one") {
  base::MemoryFileSystem fs;
  fs.files["empty.csv"] = "# only a comment\n";
  fs.files["header.csv"] = "indicator,series,category,n,value\nshare,a,yes,40,100\n";
  base::Diagnostics diags;
  model::LoadTable(fs, "empty.csv", "empty", diags);
  model::LoadTable(fs, "header.csv", "header", diags);
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "empty.csv:0:0: table is empty",
            "header.csv:1:1: header must be exactly 'indicator,series,category,value,n'",
        });
}

TEST_CASE("load figures: figure specs, and each bad key at its place") {
  base::MemoryFileSystem fs;
  fs.files["figures.yaml"] =
      "fig01:\n"
      "  number: 1\n"
      "  kind: barz\n"
      "  table: shares\n"
      "  indicator: share\n"
      "  categories: [yes]\n"
      "  series: [a]\n"
      "  width: half\n"
      "  base_n: {a: 10, b: zero}\n"
      "fig02:\n"
      "  number: 1\n"
      "  kind: zones\n"
      "  zones: {new: [x], both: y}\n";
  base::Diagnostics diags;
  auto specs = model::LoadFigureSpecs(fs, "figures.yaml", diags);
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "figures.yaml:3:9: unknown chart kind 'barz'",
            "figures.yaml:8:10: width must be 'column' or 'page'",
            "figures.yaml:9:22: base_n of group 'b' must be a positive whole number",
            "figures.yaml:11:11: figure number 1 is used twice",
            "figures.yaml:13:27: zone 'both' must be a list of item ids",
        });
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.message == "unknown chart kind 'barz'") CHECK(d.hints == std::vector<std::string>{"did you mean 'bars'?"});
  }
  REQUIRE(specs.size() == 2);
  const model::FigureSpec& first = specs.at("fig01");
  CHECK(first.table == "shares");
  CHECK(first.categories == std::vector<std::string>{"yes"});
  CHECK(first.group_base_n == std::vector<std::pair<std::string, int>>{{"a", 10}});
  const model::FigureSpec& zones = specs.at("fig02");
  CHECK(zones.kind == model::ChartKind::kZones);
  CHECK(zones.zone_order == std::vector<std::string>{"new"});
  CHECK(zones.zones.at("new") == std::vector<std::string>{"x"});
}

TEST_CASE("load figures: the mini edition's figure texts, with where each text was written") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  auto texts = model::LoadFigureTexts(fs, "mini/en/figures.yaml", diags);
  CHECK(Lines(diags, base::Severity::kError).empty());
  REQUIRE(texts.count("fig01"));
  const model::FigureText& text = texts.at("fig01");
  CHECK_FALSE(text.title.empty());
  REQUIRE(text.positions.count("title"));
  REQUIRE(text.positions.at("title").size() == text.title.size());
  CHECK(text.positions.at("title").LocOf(0, text.loc).file == "mini/en/figures.yaml");
  CHECK(text.positions.at("title").At(0).first == text.loc.line + 1);

  fs.files["mini/en/figures.yaml"] = "fig01:\n  labels: [a, b]\n";
  base::Diagnostics broken;
  model::LoadFigureTexts(fs, "mini/en/figures.yaml", broken);
  CHECK(Lines(broken, base::Severity::kError) ==
        std::vector<std::string>{
            "mini/en/figures.yaml:2:3: figure 'fig01' is missing required key 'title'",
            "mini/en/figures.yaml:2:11: 'labels' must be a map of id: label",
        });
}
