#include "text/paragraph.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "text/fonts.h"
#include "text/hyphenator.h"
#include "profiles.h"

using namespace barometer;

namespace {

text::Shaper& EnglishShaper() {
  static text::FontSet fonts(BAROMETER_SOURCE_DIR "/fonts", "en-GB");
  static text::Hyphenator hyphenator(testing::Profile("en"));
  static text::Shaper shaper(fonts, hyphenator);
  return shaper;
}

text::ParagraphInput Body(const std::string& words, double width) {
  text::ParagraphInput input;
  text::TextRun run;
  run.text = words;
  input.runs.push_back(run);
  input.style.family = "Noto Serif";
  input.style.size = 9.4;
  input.style.leading = 13.6;
  input.style.align = model::Align::kJustify;
  input.style.hyphenate = true;
  input.width = width;
  input.max_word_space = 2.6;
  return input;
}

}  // namespace

TEST_CASE("paragraph: justified lines fill the column exactly, the last line and ragged lines do not") {
  base::Diagnostics diags;
  std::string words;
  for (int i = 0; i < 12; ++i) words += "Public workplaces introduce new solutions that create value for citizens. ";
  auto p = EnglishShaper().Shape(Body(words, 200), {"t.yaml", 1, 1}, diags);
  CHECK(diags.Sorted().empty());
  REQUIRE(p->line_count() > 10);
  int justified = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    CHECK(p->line(i).width <= 200.01);
    if (!p->line(i).ragged && i + 1 < p->line_count()) {
      CHECK(p->line(i).width == doctest::Approx(200).epsilon(0.0005));
      ++justified;
    }
  }
  CHECK(justified * 5 >= (p->line_count() - 1) * 4);  // most lines justified; the rest were too loose
  CHECK(p->line(p->line_count() - 1).width < 200);
  CHECK(p->Height(3) == doctest::Approx(3 * 13.6));
}

TEST_CASE("paragraph: hyphenation breaks long words, and extracted lines have no soft hyphens") {
  base::Diagnostics diags;
  auto p = EnglishShaper().Shape(Body("Internationalisation characterises organisational responsibilities "
                                      "notwithstanding administrative considerations.", 80),
                                 {"t.yaml", 1, 1}, diags);
  CHECK(diags.Sorted().empty());
  bool hyphen_break = false;
  for (int i = 0; i < p->line_count(); ++i) {
    CHECK(p->LineText(i).find("\u00AD") == std::string::npos);
    std::string raw = p->text().substr(p->line(i).start, p->line(i).length);
    if (raw.size() >= 2 && raw.compare(raw.size() - 2, 2, "\u00AD") == 0) hyphen_break = true;
  }
  CHECK(hyphen_break);
}

TEST_CASE("paragraph: a word wider than its column cannot be fitted") {
  base::Diagnostics diags;
  EnglishShaper().Shape(Body("The code ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ is far too long.", 120),
                        {"en/intro.yaml", 7, 5}, diags);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].loc == base::SourceLoc{"en/intro.yaml", 7, 5});
  CHECK(sorted[0].message == "text cannot be fitted: 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ ' is wider than its 120pt column");
}

TEST_CASE("paragraph: a family outside the pinned fonts is an error, never a silent substitute") {
  base::Diagnostics diags;
  text::ParagraphInput input = Body("Hello.", 100);
  input.style.family = "Arial";
  EnglishShaper().Shape(input, {"templates/t.yaml", 3, 1}, diags);
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 1);
  CHECK(sorted[0].message.rfind("font family 'Arial' is not in fonts/ (Pango substituted '", 0) == 0);
}

TEST_CASE("paragraph: a character without a glyph in the pinned fonts is an error") {
  base::Diagnostics diags;
  EnglishShaper().Shape(Body("Kanji \u6F22\u5B57 here.", 100), {"t.yaml", 2, 3}, diags);
  auto sorted = diags.Sorted();
  REQUIRE_FALSE(sorted.empty());
  bool glyphs = false;
  for (const auto& d : sorted) glyphs |= d.message == "2 character(s) have no glyph in the pinned fonts ('Noto Serif')";
  CHECK(glyphs);
}

TEST_CASE("paragraph: a line that ends at a soft hyphen ends in a hyphen glyph that its width counts") {
  base::Diagnostics diags;
  auto p = EnglishShaper().Shape(Body("Internationalisation characterises organisational responsibilities "
                                      "notwithstanding administrative considerations.", 80),
                                 {"t.yaml", 1, 1}, diags);
  int checked = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    const text::ShapedParagraph::Line& line = p->line(i);
    std::string raw = p->text().substr(line.start, line.length);
    if (raw.size() < 2 || raw.compare(raw.size() - 2, 2, "\u00AD") != 0) continue;
    INFO("line " << p->LineText(i));
    REQUIRE_FALSE(line.runs.empty());
    const text::GlyphRun& last = line.runs.back();
    // The soft hyphen keeps its place in the run's text (so a PDF's text reads U+00AD there), and its glyph is
    // a visible hyphen with an advance.
    CHECK(last.text.size() >= 2);
    CHECK(last.text.compare(last.text.size() - 2, 2, "\u00AD") == 0);
    REQUIRE_FALSE(last.glyphs.empty());
    CHECK(last.glyphs.back().id != text::kEmptyGlyph);
    CHECK(last.glyphs.back().advance > 0);
    CHECK(last.offset + last.glyphs.back().cluster == line.start + line.length - 2);
    int64_t width = 0;
    for (const text::GlyphRun& run : line.runs) width += run.Width();
    CHECK(static_cast<double>(width) / text::kUnitsPerPoint == doctest::Approx(line.width).epsilon(0.001));
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("paragraph: glyph runs are plain data: copies compare and draw alike, runs cover each line's text") {
  base::Diagnostics diags;
  text::ParagraphInput input = Body("", 200);
  input.runs = {text::TextRun{"Plain ", false, false, "", false, "", ""},
                text::TextRun{"bold", false, true, "", false, "", ""},
                text::TextRun{" and a link", false, false, "https://example.org", false, "", ""}};
  input.link_colour = {0, 0, 1};
  auto p = EnglishShaper().Shape(input, {"t.yaml", 1, 1}, diags);
  REQUIRE(p->line_count() == 1);
  text::ShapedParagraph copy = *p;
  REQUIRE(copy.line(0).runs.size() == p->line(0).runs.size());
  std::string covered;
  for (const text::GlyphRun& run : copy.line(0).runs) {
    CHECK(p->text().compare(run.offset, run.text.size(), run.text) == 0);
    covered += run.text;
    REQUIRE(run.font.face);
  }
  CHECK(covered == p->text().substr(p->line(0).start, p->line(0).length));
  // Three runs: the plain text, the bold word (another font) and the link (another colour).
  REQUIRE(p->line(0).runs.size() == 3);
  CHECK(p->line(0).runs[0].font.description.find("Noto Serif") == 0);
  CHECK(p->line(0).runs[1].font.description.find("Bold") != std::string::npos);
  CHECK(p->line(0).runs[0].colour == input.colour);
  CHECK(p->line(0).runs[2].colour == input.link_colour);
}

TEST_CASE("paragraph: a link's box covers its words, also on a justified line") {
  base::Diagnostics diags;
  text::ParagraphInput input = Body("", 200);
  input.runs.clear();
  text::TextRun before, link, after;
  before.text = "Public workplaces share what they learn, and the ";
  link.text = "case collection";
  link.link = "https://example.org/cases";
  after.text = " holds many more examples of technology put to good use in the public sector.";
  input.runs = {before, link, after};
  auto p = EnglishShaper().Shape(input, {"t.yaml", 1, 1}, diags);
  CHECK(diags.Sorted().empty());
  int boxes = 0;
  double covered = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    for (const text::LinkBox& box : p->LinkBoxes(i)) {
      CHECK(box.target == "https://example.org/cases");
      CHECK(box.x0 >= 0);
      CHECK(box.x1 <= p->line(i).width + 0.01);
      covered += box.x1 - box.x0;
      ++boxes;
    }
  }
  REQUIRE(boxes >= 1);
  double natural = EnglishShaper().MeasureWidth("case collection", input.style);
  CHECK(covered >= natural - 3);   // a box may leave out the space where the link breaks across lines
  CHECK(covered <= natural + 10);  // or include a widened word space
}

TEST_CASE("paragraph: a line break in the text ends a line there, even in a justified paragraph") {
  base::Diagnostics diags;
  auto p = EnglishShaper().Shape(Body("Centre for Public Innovation\nStatistics Denmark is the other partner.", 300),
                                 {"t.yaml", 1, 1}, diags);
  CHECK(diags.Sorted().empty());
  REQUIRE(p->line_count() == 2);
  CHECK(p->LineText(0) == "Centre for Public Innovation\n");
  CHECK(p->LineText(1) == "Statistics Denmark is the other partner.");
  CHECK_FALSE(p->line(0).ragged);
  CHECK(p->line(0).width < 200);  // a line ended by a break keeps its natural spaces
}

TEST_CASE("paragraph: punctuation hangs into the margins and glyphs scale, as per-line numbers the drawing follows") {
  base::Diagnostics diags;
  std::string words;
  for (int i = 0; i < 12; ++i) words += "\u201CPublic workplaces introduce new solutions, that create value.\u201D ";
  text::ParagraphInput input = Body(words, 200);
  input.glyph_scaling = 0.02;
  input.margins.left = {{"\u201C", 0.5}};
  input.margins.right = {{".", 0.7}, {",", 0.7}, {"\u201D", 0.5}, {"-", 0.7}};
  auto p = EnglishShaper().Shape(input, {"t.yaml", 1, 1}, diags);
  CHECK(diags.Sorted().empty());
  int hanging = 0, scaled = 0;
  for (int i = 0; i + 1 < p->line_count(); ++i) {
    const auto& line = p->line(i);
    CHECK_FALSE(line.ragged);
    // The line's text edge, hanging parts left out, meets both column edges.
    CHECK(line.x == doctest::Approx(-line.protrude_left));
    CHECK(line.x + line.width - line.protrude_right == doctest::Approx(200).epsilon(0.0005));
    CHECK(line.scale >= 0.98 - 1e-9);
    CHECK(line.scale <= 1.02 + 1e-9);
    hanging += line.protrude_left > 0 || line.protrude_right > 0;
    scaled += line.scale != 1;
    if (line.protrude_right > 0) {
      std::string text = p->LineText(i);
      while (!text.empty() && text.back() == ' ') text.pop_back();
      const bool punctuation = line.hyphenated || text.back() == '.' || text.back() == ',' ||
                               (text.size() >= 3 && text.compare(text.size() - 3, 3, "\u201D") == 0);
      CHECK_MESSAGE(punctuation, text);
    }
  }
  CHECK(hanging > 0);
  CHECK(scaled > 0);
  // Without the template's settings, nothing hangs and nothing scales.
  auto plain = EnglishShaper().Shape(Body(words, 200), {"t.yaml", 1, 1}, diags);
  for (int i = 0; i < plain->line_count(); ++i) {
    CHECK(plain->line(i).scale == 1);
    CHECK(plain->line(i).protrude_left == 0);
    CHECK(plain->line(i).protrude_right == 0);
  }
}

TEST_CASE("paragraph: a line that ends after a hyphen in the text counts as hyphenated, and keeps its own hyphen") {
  base::Diagnostics diags;
  // The compound is too long for the line; the only place to break it is after its hyphen.
  text::ParagraphInput input = Body("Selfsufficient-workplaces", 80);
  input.style.align = model::Align::kLeft;
  input.hyphenate = false;
  auto p = EnglishShaper().Shape(input, {"t.yaml", 1, 1}, diags);
  int hyphenated = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    std::string text = p->LineText(i);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    CHECK(p->line(i).hyphenated == (text.back() == '-'));
    hyphenated += p->line(i).hyphenated;
  }
  CHECK(hyphenated > 0);
  CHECK(p->text().find("\u00AD") == std::string::npos);  // no hyphen was added: the text's own ends the line
}

TEST_CASE("paragraph: a paragraph set again (other width, rules, style or text) matches a first setting") {
  // The Shaper keeps recent shapings to set a paragraph again without shaping it again; what it gives must not
  // depend on what was set before.
  std::string words;
  for (int i = 0; i < 6; ++i) words += "Innovation cooperation across administrative boundaries strengthens quality. ";
  auto set = [&](text::Shaper& shaper, const text::ParagraphInput& input) {
    base::Diagnostics diags;
    auto p = shaper.Shape(input, {"t.yaml", 1, 1}, diags);
    std::vector<std::tuple<std::string, double, size_t>> lines;
    for (int i = 0; i < p->line_count(); ++i) {
      lines.emplace_back(p->LineText(i), p->line(i).width, p->line(i).runs.front().glyphs.size());
    }
    return lines;
  };
  text::ParagraphInput first = Body(words, 190);
  text::ParagraphInput narrower = Body(words, 150);
  text::ParagraphInput rules = first;
  rules.unhyphenated_lines = {0, 1, 2};
  text::ParagraphInput larger = first;
  larger.style.size = 10.4;
  text::ParagraphInput bold = first;
  bold.runs[0].strong = true;
  text::ParagraphInput other_text = first;
  other_text.runs[0].text += "More.";
  text::ParagraphInput ragged = first;
  ragged.style.align = model::Align::kLeft;

  text::Shaper& warm = EnglishShaper();
  const auto before = set(warm, first);
  for (const text::ParagraphInput* input : {&narrower, &rules, &larger, &bold, &other_text, &ragged, &first}) {
    text::FontSet fonts(BAROMETER_SOURCE_DIR "/fonts", "en-GB");
    text::Hyphenator hyphenator(testing::Profile("en"));
    text::Shaper fresh(fonts, hyphenator);
    CAPTURE(input - &first);
    CHECK(set(warm, *input) == set(fresh, *input));
  }
  CHECK(set(warm, first) == before);
  CHECK(set(warm, larger) != before);
  CHECK(set(warm, narrower) != before);
}
