#include "text/paragraph.h"

#include <cairo.h>
#include <doctest/doctest.h>

#include <algorithm>

#include "text/fonts.h"
#include "text/hyphenator.h"

using namespace barometer;

namespace {

text::Shaper& EnglishShaper() {
  static text::FontSet fonts(BAROMETER_SOURCE_DIR "/fonts", "en-GB");
  static text::Hyphenator hyphenator("en");
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

TEST_CASE("paragraph: a line that ends at a soft hyphen draws a hyphen up to its measured width") {
  base::Diagnostics diags;
  auto p = EnglishShaper().Shape(Body("Internationalisation characterises organisational responsibilities "
                                      "notwithstanding administrative considerations.", 80),
                                 {"t.yaml", 1, 1}, diags);
  int checked = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    std::string raw = p->text().substr(p->line(i).start, p->line(i).length);
    if (raw.size() < 2 || raw.compare(raw.size() - 2, 2, "\u00AD") != 0) continue;
    // Draw the line four times enlarged and find its rightmost ink.
    constexpr int kZoom = 4;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 100 * kZoom, 30 * kZoom);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, kZoom, kZoom);
    p->DrawLine(cr, i, 0, 20);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* pixels = cairo_image_surface_get_data(surface);
    int stride = cairo_image_surface_get_stride(surface);
    int rightmost = 0;
    for (int y = 0; y < 30 * kZoom; ++y) {
      for (int x = 0; x < 100 * kZoom; ++x) {
        if (pixels[y * stride + x] > 64) rightmost = std::max(rightmost, x);
      }
    }
    cairo_surface_destroy(surface);
    INFO("line " << p->LineText(i));
    CHECK(static_cast<double>(rightmost) / kZoom > p->line(i).width - 1.2);  // the hyphen's ink, not a gap
    CHECK(static_cast<double>(rightmost) / kZoom <= p->line(i).width + 0.5);
    ++checked;
  }
  CHECK(checked > 0);
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
