#include "render/draw.h"

#include <pango/pangocairo.h>

#include <limits>
#include <string>
#include <vector>

#include "text/font_face.h"

namespace barometer::render {
namespace {

// Draws a glyph run with its pen starting at the current point (the baseline, before the run's rise), as
// Pango's Cairo renderer would; leaves the source and the current point as it found them, apart from the font.
void ShowGlyphRun(cairo_t* cr, const text::GlyphRun& run) {
  // The pen starts at the current point as Cairo stores it (in fixed point), exactly as Pango takes it.
  const bool had_point = cairo_has_current_point(cr);
  double base_x = 0, base_y = 0;
  cairo_get_current_point(cr, &base_x, &base_y);
  cairo_save(cr);
  cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run.font.face->pango_font())));
  std::vector<cairo_glyph_t> glyphs;
  glyphs.reserve(run.glyphs.size());
  int64_t pen = 0;
  for (const text::Glyph& glyph : run.glyphs) {
    // An unknown glyph was reported when the text was shaped; nothing is drawn for it.
    if (glyph.id != text::kEmptyGlyph && !(glyph.id & text::kUnknownGlyphFlag)) {
      const double x = base_x + static_cast<double>(pen + glyph.x_offset) / text::kUnitsPerPoint;
      const double y = glyph.y_offset == 0 ? base_y : base_y + glyph.y_offset / text::kUnitsPerPoint;
      glyphs.push_back({glyph.id, x, y});
    }
    pen += glyph.advance;
  }
  cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
  cairo_restore(cr);
  if (had_point) {
    cairo_move_to(cr, base_x, base_y);
  } else {
    cairo_new_path(cr);
  }
}

void DrawPath(cairo_t* cr, const std::vector<figures::PathOp>& path) {
  cairo_new_path(cr);
  for (const figures::PathOp& op : path) {
    switch (op.kind) {
      case figures::PathOp::kMoveTo: cairo_move_to(cr, op.x, op.y); break;
      case figures::PathOp::kLineTo: cairo_line_to(cr, op.x, op.y); break;
      case figures::PathOp::kArc: cairo_arc(cr, op.x, op.y, op.radius, op.angle0, op.angle1); break;
      case figures::PathOp::kArcNegative:
        cairo_arc_negative(cr, op.x, op.y, op.radius, op.angle0, op.angle1);
        break;
      case figures::PathOp::kClose: cairo_close_path(cr); break;
    }
  }
}

// Draws line `i` of a paragraph with its left edge at `x` and its baseline at `baseline`: the glyph runs of
// text bytes [from, to), each where it stands in the whole line. The line starts at its own offset (alignment,
// or a negative one where its first glyph protrudes into the margin).
void DrawLine(cairo_t* cr, const text::ShapedParagraph& paragraph, int i, double x, double baseline, int from = 0,
              int to = std::numeric_limits<int>::max()) {
  const text::ShapedParagraph::Line& line = paragraph.line(i);
  double left = x + line.x;
  // A scaled line (glyph scaling) is drawn in a coordinate system stretched about its left edge: its glyphs and
  // widened word spaces together.
  const bool scaled = line.scale != 1;
  if (scaled) {
    cairo_save(cr);
    cairo_translate(cr, left, 0);
    cairo_scale(cr, line.scale, 1);
    left = 0;
  }
  int64_t pen = 0;
  for (const text::GlyphRun& run : line.runs) {
    if (run.offset < from || run.offset >= to) {
      pen += run.Width();
      continue;
    }
    cairo_set_source_rgb(cr, run.colour.r, run.colour.g, run.colour.b);
    cairo_move_to(cr, left + static_cast<double>(pen) / text::kUnitsPerPoint,
                  baseline - run.rise / text::kUnitsPerPoint);
    ShowGlyphRun(cr, run);
    pen += run.Width();
  }
  if (scaled) cairo_restore(cr);
}

}  // namespace

void DrawLines(cairo_t* cr, const text::ShapedParagraph& paragraph, int first, int count, double x, double top,
               int from, int to) {
  for (int i = 0; i < count; ++i) {
    DrawLine(cr, paragraph, first + i, x, top + paragraph.Height(i) + paragraph.BaselineOffset(), from, to);
  }
}

void DrawChart(cairo_t* cr, const figures::Chart& chart, double x, double y) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  for (const figures::Shape& shape : chart.shapes) {
    if (shape.path.empty()) continue;
    DrawPath(cr, shape.path);
    if (shape.filled) {
      cairo_set_source_rgb(cr, shape.fill.r, shape.fill.g, shape.fill.b);
      if (shape.stroke_width > 0) {
        cairo_fill_preserve(cr);
      } else {
        cairo_fill(cr);
      }
    }
    if (shape.stroke_width > 0) {
      cairo_set_source_rgb(cr, shape.stroke.r, shape.stroke.g, shape.stroke.b);
      cairo_set_line_width(cr, shape.stroke_width);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
      cairo_stroke(cr);
    }
    cairo_new_path(cr);
  }
  // Labels are drawn as plain text: no cairo_tag_begin here. The caller wraps the whole chart in one Figure
  // element with its alt text; a structure element per label would put the labels into the reading order
  // twice (once as text, once as the figure's alternative).
  for (const figures::Label& label : chart.labels) {
    if (!label.text) continue;
    const text::ShapedParagraph& paragraph = *label.text;
    for (int i = 0; i < paragraph.line_count(); ++i) {
      double baseline = label.y + i * paragraph.leading() + paragraph.BaselineOffset();
      DrawLine(cr, paragraph, i, label.x, baseline);
    }
  }
  cairo_restore(cr);
}

}  // namespace barometer::render
