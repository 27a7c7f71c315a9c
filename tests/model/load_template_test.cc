// The template loader: the report template loads clean, and values the layout cannot honour are errors at their
// place in the file.
#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::Edit;
using barometer::testing::Lines;

namespace {

std::vector<std::string> Errors(base::MemoryFileSystem& fs, model::Template* loaded = nullptr) {
  base::Diagnostics diags;
  model::Template design = model::LoadTemplate(fs, "templates/report-a4.yaml", diags);
  if (loaded) *loaded = design;
  return Lines(diags, base::Severity::kError);
}

}  // namespace

TEST_CASE("template: the report template loads clean, with its line-breaking limits") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  model::Template design;
  CHECK(Errors(fs, &design).empty());
  CHECK(design.max_word_space == 2.6);
  CHECK(design.min_word_space == 0.8);
  CHECK(design.max_hyphens_in_row == 2);
  CHECK(design.masters.at("back-cover").even_page);
  CHECK_FALSE(design.masters.at("body").even_page);
}

TEST_CASE("template: word-space and hyphen limits the line breaker cannot honour are errors at their value") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "max_word_space: 2.6", "max_word_space: 0.9"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "min_word_space: 0.8", "min_word_space: 1.2"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "max_hyphens_in_row: 2", "max_hyphens_in_row: 0"));
  CHECK(Errors(fs) == std::vector<std::string>{
                          "templates/report-a4.yaml:11:17: max_word_space must be at least 1 (a normal space)",
                          "templates/report-a4.yaml:12:17: min_word_space must be more than 0 and at most 1 (a normal "
                          "space)",
                          "templates/report-a4.yaml:13:21: max_hyphens_in_row must be at least 1",
                      });
}

TEST_CASE("template: the layout geometry comes from the template, every part named") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "footer: {offset: 26,", "footer: {offset: 30,"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "superscript: {rise: 0.36,", "superscript: {rise: 0.4,"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "  passes: 4", "  passes: 6"));
  model::Template design;
  CHECK(Errors(fs, &design).empty());
  CHECK(design.geometry.footer.offset == 30);
  CHECK(design.geometry.footer.number_width == 40);
  CHECK(design.geometry.superscript.rise == 0.4);
  CHECK(design.geometry.superscript.size == 0.62);
  CHECK(design.geometry.cover.title_top == 0.30);
  CHECK(design.geometry.floats.lone_blank_share == 0.333);
  CHECK(design.geometry.floats.max_pull_lines == 12);
  CHECK(design.geometry.passes == 6);
}

TEST_CASE("template: a negative length, a pass count under one and an unknown part of the layout are errors") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "contacts: {space_before: 8,", "contacts: {space_before: -8,"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "  passes: 4", "  passes: 0"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "  balance_steps: 9", "  balance_steps: 9\n  margin_notes: {width: 3}"));
  const std::vector<std::string> errors = Errors(fs);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].find("layout.contacts.space_before must not be negative") != std::string::npos);
  CHECK(errors[1].find("unknown key 'margin_notes'") != std::string::npos);
  CHECK(errors[2].find("layout.passes must be at least 1") != std::string::npos);
}

TEST_CASE("template: glyph scaling and optical margins are read, and values out of range are errors at their place") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  model::Template design;
  REQUIRE(Errors(fs, &design).empty());
  CHECK(design.glyph_scaling == 0.02);
  CHECK(design.optical_margins.right.at("-") == 0.7);
  CHECK(design.optical_margins.left.at("“") == 0.5);
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "glyph_scaling: 0.02", "glyph_scaling: 0.2"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "\"-\": 0.7", "\"--\": 0.7"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "\".\": 0.7", "\".\": 1.5"));
  std::vector<std::string> errors = Errors(fs, &design);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] == "templates/report-a4.yaml:16:16: glyph_scaling must be from 0 (off) to 0.05 (glyphs 95% to "
                     "105% wide)");
  CHECK(errors[1] == "templates/report-a4.yaml:21:11: optical_margins: '--' is not a single character");
  CHECK(errors[2] == "templates/report-a4.yaml:21:63: optical_margins: the share of '.' must be a number from 0 to "
                     "1 (of the character's width)");
  CHECK(design.glyph_scaling == 0);
}

TEST_CASE("hyphenation exceptions: one word a line with its breaks, and bad lines are errors at their place") {
  base::MemoryFileSystem fs;
  fs.files["templates/languages/xx.hyphenation.txt"] =
      "# Compounds the patterns break badly.\n"
      "sund-heds-væsen\n"
      "\n"
      "  barometer\n"
      "two words\n"
      "-lead\n"
      "sundheds-væsen\n";
  base::Diagnostics diags;
  auto words = model::LoadHyphenationExceptions(fs, "templates/languages/xx.hyphenation.txt", diags);
  CHECK(words == std::vector<std::string>{"sund-heds-væsen", "barometer"});
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "templates/languages/xx.hyphenation.txt:5:1: 'two words' is not one word: write letters, with a hyphen "
            "at each allowed break",
            "templates/languages/xx.hyphenation.txt:6:1: '-lead': a hyphen must stand between two letters",
            "templates/languages/xx.hyphenation.txt:7:1: 'sundhedsvæsen' is listed twice (first on line 2)",
        });
  // The profile names the file, so a missing one is an error like any missing input.
  base::Diagnostics missing;
  CHECK(model::LoadHyphenationExceptions(fs, "templates/languages/yy.hyphenation.txt", missing).empty());
  CHECK(missing.HasErrors());
}

TEST_CASE("template: a master page's grid, styles and colours must exist, each error at the master") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "  body: {columns: 2}", "  body: {columns: 4}"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "  case: {columns: 2, background: case-tint}",
               "  case: {columns: 2, background: sepia, title_style: h9}"));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "link_colour: cover-text}", "link_colour: gold}"));
  std::string errors;
  for (const std::string& line : Errors(fs)) errors += line + "\n";
  CHECK(errors ==
        "templates/report-a4.yaml:125:19: columns must be 1, 2 or 3\n"
        "templates/report-a4.yaml:126:9: master 'case' uses style 'h9', which is not defined\n"
        "templates/report-a4.yaml:126:9: master 'case' uses colour 'sepia', not in the palette\n"
        "templates/report-a4.yaml:132:15: master 'back-cover' uses colour 'gold', not in the palette\n");
}

TEST_CASE("template: chart colours need 3:1 against the page and must stay apart in greyscale, each warning at "
          "the colour") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  {
    base::Diagnostics diags;
    model::LoadTemplate(fs, "templates/report-a4.yaml", diags);
    CHECK(Lines(diags, base::Severity::kWarning).empty());
  }
  // The 2021 palette before it was checked: orange, sky blue and grey too light, orange and grey alike.
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "series-2: \"#b06d18\"", "series-2: \"#e08a1e\""));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "series-3: \"#469ad3\"", "series-3: \"#7cb7e0\""));
  REQUIRE(Edit(fs, "templates/report-a4.yaml", "series-4: \"#676767\"", "series-4: \"#9a9a9a\""));
  base::Diagnostics diags;
  model::LoadTemplate(fs, "templates/report-a4.yaml", diags);
  CHECK(Lines(diags, base::Severity::kError).empty());
  CHECK(Lines(diags, base::Severity::kWarning) ==
        std::vector<std::string>{
            "templates/report-a4.yaml:79:13: chart colour 'series-2' (#e08a1e) has a contrast of 2.68:1 against the "
            "page 'paper' (#ffffff); chart marks need at least 3.00:1 (WCAG 2.1, 1.4.11)",
            "templates/report-a4.yaml:80:13: chart colour 'series-3' (#7cb7e0) has a contrast of 2.16:1 against the "
            "page 'paper' (#ffffff); chart marks need at least 3.00:1 (WCAG 2.1, 1.4.11)",
            "templates/report-a4.yaml:80:13: chart colours 'series-2' (#e08a1e) and 'series-3' (#7cb7e0) look alike "
            "in greyscale: their luminance contrast is 1.24:1, at least 1.30:1 keeps two series apart without colour",
            "templates/report-a4.yaml:81:13: chart colour 'series-4' (#9a9a9a) has a contrast of 2.81:1 against the "
            "page 'paper' (#ffffff); chart marks need at least 3.00:1 (WCAG 2.1, 1.4.11)",
            "templates/report-a4.yaml:81:13: chart colours 'series-2' (#e08a1e) and 'series-4' (#9a9a9a) look alike "
            "in greyscale: their luminance contrast is 1.04:1, at least 1.30:1 keeps two series apart without colour",
        });
}

TEST_CASE("colour: WCAG relative luminance and contrast") {
  CHECK(model::RelativeLuminance({0, 0, 0}) == 0);
  CHECK(model::RelativeLuminance({1, 1, 1}) == doctest::Approx(1));
  CHECK(model::ContrastRatio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21));
  CHECK(model::ContrastRatio({1, 1, 1}, {0, 0, 0}) == doctest::Approx(21));
  // #767676 is the lightest grey with 4.5:1 on white.
  const double grey = 0x76 / 255.0;
  CHECK(model::ContrastRatio({grey, grey, grey}, {1, 1, 1}) == doctest::Approx(4.54).epsilon(0.01));
}
