// Drawing plain data: a chart leaves the cairo state alone and opens no tags; a glyph run's hyphen is drawn up to
// the line's measured width; the PDF keeps the text behind the glyphs.
#include "render/draw.h"

#include <cairo-pdf.h>
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>

#include "figures/figures_fixture.h"
#include "shell.h"

using namespace barometer;

namespace {

std::string DrawToPdf(const std::function<void(cairo_t*)>& draw) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &pdf, 600, 400);
  cairo_t* cr = cairo_create(surface);
  draw(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

std::shared_ptr<const text::ShapedParagraph> ShapeBody(const std::string& words, double width) {
  text::ParagraphInput input;
  input.runs = {text::TextRun{words, false, false, "", false, "", ""}};
  input.style = testing::Edition2021().design.Style("body");
  input.width = width;
  input.max_word_space = 2.6;
  base::Diagnostics diags;
  auto shaped = testing::Tools("en").shaper->Shape(input, {}, diags);
  REQUIRE_FALSE(diags.HasErrors());
  return shaped;
}

}  // namespace

TEST_CASE("render draw: DrawChart restores the cairo state and opens no structure tags") {
  base::Diagnostics diags;
  figures::Chart chart = testing::Build2021("fig04", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  std::string pdf = DrawToPdf([&](cairo_t* cr) {
    cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
    cairo_set_line_width(cr, 3);
    cairo_matrix_t before;
    cairo_get_matrix(cr, &before);
    render::DrawChart(cr, chart, 40, 30);
    cairo_matrix_t after;
    cairo_get_matrix(cr, &after);
    CHECK(after.x0 == before.x0);
    CHECK(after.y0 == before.y0);
    CHECK(cairo_get_line_width(cr) == 3);
    double r = 0, g = 0, b = 0, a = 0;
    cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
    CHECK(r == doctest::Approx(0.2));
    CHECK(cairo_status(cr) == CAIRO_STATUS_SUCCESS);
  });
  // An untagged drawing has no structure tree; the caller's single Figure tag is the only structure.
  CHECK(pdf.find("/StructTreeRoot") == std::string::npos);
  CHECK(pdf.find("/MarkInfo") == std::string::npos);
}

TEST_CASE("render draw: a line that ends at a soft hyphen draws a hyphen up to its measured width") {
  auto p = ShapeBody("Internationalisation characterises organisational responsibilities "
                     "notwithstanding administrative considerations.", 80);
  int checked = 0;
  for (int i = 0; i < p->line_count(); ++i) {
    std::string raw = p->text().substr(p->line(i).start, p->line(i).length);
    if (raw.size() < 2 || raw.compare(raw.size() - 2, 2, "\u00AD") != 0) continue;
    // Draw the line four times enlarged and find its rightmost ink.
    constexpr int kZoom = 4;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 100 * kZoom, 30 * kZoom);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, kZoom, kZoom);
    render::DrawLines(cr, *p, i, 1, 0, 20 - p->BaselineOffset());
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

TEST_CASE("render draw: a PDF keeps the text behind the glyphs, soft hyphens at breaks included, none inside words") {
  auto p = ShapeBody("Internationalisation characterises organisational responsibilities.", 80);
  std::string pdf = DrawToPdf([&](cairo_t* cr) { render::DrawLines(cr, *p, 0, p->line_count(), 20, 20); });
  std::string expected;
  for (int i = 0; i < p->line_count(); ++i) {
    // Soft hyphens inside a line draw nothing and are not extracted; the one at a break is.
    std::string raw = p->text().substr(p->line(i).start, p->line(i).length);
    std::string line = p->LineText(i);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    expected += line + (raw.size() >= 2 && raw.compare(raw.size() - 2, 2, "\u00AD") == 0 ? "\u00AD\n" : "\n");
  }
  REQUIRE(expected.find("\u00AD\n") != std::string::npos);  // the test needs a hyphenated line
  const std::string path = "/tmp/barometer-draw-test-" + std::to_string(getpid()) + ".pdf";
  std::ofstream(path, std::ios::binary) << pdf;
  testing::Run text = testing::Shell("pdftotext -enc UTF-8 " + path + " -");
  // The hints inside words are not written as text of their own: Cairo would write each as an empty span whose
  // /ActualText is the hint (FEFF00AD), which readers could copy into the middle of a word.
  testing::Run content = testing::Shell("qpdf --qdf --object-streams=disable " + path + " -");
  std::remove(path.c_str());
  REQUIRE(text.status == 0);
  CHECK(text.out.substr(0, expected.size()) == expected);
  REQUIRE(content.status == 0);
  CHECK(content.out.find("TJ") != std::string::npos);  // the content streams were read
  CHECK(content.out.find("ActualText <feff00ad>") == std::string::npos);
}
