#include "exports/chart_svg.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <utility>

#include "base/number_style.h"
#include "text/font_face.h"
#include "text/glyph_run.h"
#include "text/paragraph.h"

namespace barometer::exports {
namespace {

// A thousandth of a point: finer than any screen or printer resolves, and short.
void AppendNumber(std::string& out, double value) { base::AppendFixed(out, value, 3); }

void AppendPoint(std::string& out, char command, double x, double y) {
  out += command;
  out += ' ';
  AppendNumber(out, x);
  out += ' ';
  AppendNumber(out, y);
  out += ' ';
}

// cairo_arc's semantics in SVG path data: a line from the current point to the arc's start (a move when there is
// none), then the arc in pieces of at most a quarter turn, so no piece needs the large-arc flag.
void AppendArc(std::string& out, const figures::PathOp& op, bool has_point) {
  const bool positive = op.kind == figures::PathOp::kArc;
  double a0 = op.angle0, a1 = op.angle1;
  if (positive) {
    while (a1 < a0) a1 += 2 * std::numbers::pi;
  } else {
    while (a1 > a0) a1 -= 2 * std::numbers::pi;
  }
  AppendPoint(out, has_point ? 'L' : 'M', op.x + op.radius * std::cos(a0), op.y + op.radius * std::sin(a0));
  if (op.radius <= 0) return;
  const int pieces = std::max(1, static_cast<int>(std::ceil(std::abs(a1 - a0) / (std::numbers::pi / 2) - 1e-9)));
  for (int i = 1; i <= pieces; ++i) {
    const double angle = a0 + (a1 - a0) * i / pieces;
    out += "A ";
    AppendNumber(out, op.radius);
    out += ' ';
    AppendNumber(out, op.radius);
    out += positive ? " 0 0 1 " : " 0 0 0 ";
    AppendNumber(out, op.x + op.radius * std::cos(angle));
    out += ' ';
    AppendNumber(out, op.y + op.radius * std::sin(angle));
    out += ' ';
  }
}

std::string PathData(const std::vector<figures::PathOp>& path) {
  std::string d;
  bool has_point = false;
  for (const figures::PathOp& op : path) {
    switch (op.kind) {
      case figures::PathOp::kMoveTo: AppendPoint(d, 'M', op.x, op.y); break;
      case figures::PathOp::kLineTo: AppendPoint(d, has_point ? 'L' : 'M', op.x, op.y); break;
      case figures::PathOp::kArc:
      case figures::PathOp::kArcNegative: AppendArc(d, op, has_point); break;
      case figures::PathOp::kClose: d += "Z "; break;
    }
    has_point = true;
  }
  if (!d.empty()) d.pop_back();
  return d;
}

void AppendShape(std::string& out, const figures::Shape& shape) {
  out += "<path style=\"fill:";
  out += shape.filled ? HexColour(shape.fill) : "none";
  if (shape.stroke_width > 0) {
    // Cairo's butt caps, miter joins and miter limit 10, as the PDF and the PNG draw the stroke.
    out += ";stroke:" + HexColour(shape.stroke) + ";stroke-width:";
    AppendNumber(out, shape.stroke_width);
    out += ";stroke-linecap:butt;stroke-linejoin:miter;stroke-miterlimit:10";
  } else {
    out += ";stroke:none";
  }
  out += "\" d=\"" + PathData(shape.path) + "\"/>\n";
}

struct CairoContext {
  cairo_surface_t* surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* cr = cairo_create(surface);
  ~CairoContext() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
};

// Each glyph drawn, once per font and glyph, as path data at the font's size with its origin at (0, 0).
class GlyphDefinitions {
 public:
  /// The id of the glyph's definition, made on first use; empty for a glyph with no outline (a space).
  const std::string& Id(const text::FontRef& font, uint32_t glyph) {
    auto [it, added] = ids_.try_emplace({font.description, glyph});
    if (added) {
      const std::string outline = Outline(font, glyph);
      if (!outline.empty()) {
        it->second = "glyph" + std::to_string(defined_++);
        defs_ += "<path id=\"" + it->second + "\" d=\"" + outline + "\"/>\n";
      }
    }
    return it->second;
  }
  const std::string& defs() const { return defs_; }

 private:
  std::string Outline(const text::FontRef& font, uint32_t glyph) {
    cairo_t* cr = context_.cr;
    cairo_new_path(cr);
    cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font.face->pango_font())));
    cairo_glyph_t placed = {glyph, 0, 0};
    cairo_glyph_path(cr, &placed, 1);
    cairo_path_t* path = cairo_copy_path(cr);
    if (!path || path->status != CAIRO_STATUS_SUCCESS) {
      cairo_path_destroy(path);
      throw std::runtime_error("cairo cannot give the outline of glyph " + std::to_string(glyph) + " of " +
                               font.description);
    }
    std::string d;
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
      const cairo_path_data_t* data = &path->data[i];
      switch (data->header.type) {
        case CAIRO_PATH_MOVE_TO: AppendPoint(d, 'M', data[1].point.x, data[1].point.y); break;
        case CAIRO_PATH_LINE_TO: AppendPoint(d, 'L', data[1].point.x, data[1].point.y); break;
        case CAIRO_PATH_CURVE_TO:
          AppendPoint(d, 'C', data[1].point.x, data[1].point.y);
          for (int k = 2; k <= 3; ++k) {
            AppendNumber(d, data[k].point.x);
            d += ' ';
            AppendNumber(d, data[k].point.y);
            d += ' ';
          }
          break;
        case CAIRO_PATH_CLOSE_PATH: d += "Z "; break;
      }
    }
    cairo_path_destroy(path);
    if (!d.empty()) d.pop_back();
    return d;
  }

  CairoContext context_;
  std::map<std::pair<std::string, uint32_t>, std::string> ids_;
  int defined_ = 0;
  std::string defs_;
};

const std::string kNone;

// Line `i` of a label, as render::DrawLine draws it: a scaled line (glyph scaling) stretched about its left edge,
// each run from where it stands in the line, each glyph at its advance and offsets.
void AppendLine(std::string& out, GlyphDefinitions& glyphs, const text::ShapedParagraph& paragraph, int i, double x,
                double baseline) {
  const text::ShapedParagraph::Line& line = paragraph.line(i);
  double left = x + line.x;
  const bool scaled = line.scale != 1;
  if (scaled) {
    out += "<g transform=\"matrix(";
    AppendNumber(out, line.scale);
    out += " 0 0 1 ";
    AppendNumber(out, left);
    out += " 0)\">\n";
    left = 0;
  }
  int64_t pen = 0;
  for (const text::GlyphRun& run : line.runs) {
    const double base_x = left + static_cast<double>(pen) / text::kUnitsPerPoint;
    const double base_y = baseline - run.rise / text::kUnitsPerPoint;
    pen += run.Width();
    std::string uses;
    int64_t glyph_pen = 0;
    for (const text::Glyph& glyph : run.glyphs) {
      const std::string& id = glyph.id != text::kEmptyGlyph && !(glyph.id & text::kUnknownGlyphFlag)
                                  ? glyphs.Id(run.font, glyph.id)
                                  : kNone;
      if (!id.empty()) {
        uses += "<use xlink:href=\"#" + id + "\" x=\"";
        AppendNumber(uses, base_x + static_cast<double>(glyph_pen + glyph.x_offset) / text::kUnitsPerPoint);
        uses += "\" y=\"";
        AppendNumber(uses, base_y + glyph.y_offset / text::kUnitsPerPoint);
        uses += "\"/>\n";
      }
      glyph_pen += glyph.advance;
    }
    if (!uses.empty()) out += "<g style=\"fill:" + HexColour(run.colour) + "\">\n" + uses + "</g>\n";
  }
  if (scaled) out += "</g>\n";
}

}  // namespace

double WholePoints(double points) { return std::max(1.0, std::ceil(points)); }

std::string HexColour(const model::Rgb& c) {
  auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
  return buffer;
}

std::string ChartSvg(const figures::Chart& chart) {
  const std::string width = std::to_string(static_cast<int>(WholePoints(chart.width)));
  const std::string height = std::to_string(static_cast<int>(WholePoints(chart.height)));
  std::string body;
  for (const figures::Shape& shape : chart.shapes) {
    if (!shape.path.empty()) AppendShape(body, shape);
  }
  GlyphDefinitions glyphs;
  for (const figures::Label& label : chart.labels) {
    if (!label.text) continue;
    const text::ShapedParagraph& paragraph = *label.text;
    for (int i = 0; i < paragraph.line_count(); ++i) {
      AppendLine(body, glyphs, paragraph, i, label.x, label.y + i * paragraph.leading() + paragraph.BaselineOffset());
    }
  }
  std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"" + width +
         "pt\" height=\"" + height + "pt\" viewBox=\"0 0 " + width + " " + height + "\" version=\"1.1\">\n";
  if (!glyphs.defs().empty()) svg += "<defs>\n" + glyphs.defs() + "</defs>\n";
  svg += body;
  svg += "</svg>\n";
  return svg;
}

}  // namespace barometer::exports
