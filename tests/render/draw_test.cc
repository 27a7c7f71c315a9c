// Drawing plain data with Cairo: a chart leaves the cairo state alone and opens no tags; a glyph run's hyphen is
// drawn up to the line's measured width.
#include "render/draw.h"

#include <cairo-pdf.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "figures/figures_fixture.h"
#include "render/render_fixture.h"

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
  auto p = testing::ShapeBody("Internationalisation characterises organisational responsibilities "
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
