// The layout dump: every placed item of every page as text, so a change of layout shows as a reviewable diff of
// a recorded .expected file (as SILE's debug outputter).
#include <cstdio>
#include <sstream>

#include "base/number_style.h"
#include "layout/layout.h"

namespace barometer::layout {
namespace {

class Dumper {
 public:
  std::string Finish() { return out_.str(); }

  void DumpPages(const layout::Document& document) {
    out_ << "document " << Number(document.page_width) << 'x' << Number(document.page_height) << ' '
         << document.pages.size() << " pages, language " << document.metadata.language << '\n';
    for (const OutlineEntry& entry : document.outline) {
      out_ << "outline " << entry.level << " page " << entry.page << ' ' << Quoted(entry.title) << " -> "
           << entry.destination << '\n';
    }
    for (const Page& page : document.pages) {
      out_ << "page " << page.number << " (" << page.master << ") label " << Quoted(page.label) << '\n';
      for (const layout::Item& item : page.items) DumpItem(item);
    }
  }

 private:
  static std::string Number(double v) { return base::TwoDecimals(v); }

  static std::string Hex(const model::Rgb& c) {
    auto channel = [](double v) { return static_cast<int>(v * 255 + 0.5); };
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    return buffer;
  }

  // Text in double quotes, with the invisible characters that matter for layout made visible.
  static std::string Quoted(const std::string& text) {
    std::string out = "\"";
    for (size_t i = 0; i < text.size(); ++i) {
      if (text.compare(i, 2, "\u00AD") == 0) {
        out += "<shy>";
        ++i;
      } else if (text.compare(i, 3, "\u200B") == 0) {
        out += "<zwsp>";
        i += 2;
      } else if (text[i] == '\n') {
        out += "\\n";
      } else if (text[i] == '"' || text[i] == '\\') {
        out += '\\';
        out += text[i];
      } else {
        out += text[i];
      }
    }
    return out + "\"";
  }

  static std::string Tags(const TagPath& tags) {
    if (tags.empty()) return "artifact";
    std::string out;
    for (const TagStep& step : tags) {
      out += (out.empty() ? "" : "/") + step.tag + ":" + std::to_string(step.id);
      if (!step.lang.empty()) out += "[" + step.lang + "]";
    }
    return out;
  }

  void DumpLines(const text::ShapedParagraph& paragraph, int first, int count, const std::string& indent) {
    for (int i = first; i < first + count; ++i) {
      const text::ShapedParagraph::Line& line = paragraph.line(i);
      out_ << indent << "line " << i << " x " << Number(line.x) << " w " << Number(line.width)
           << (line.ragged ? " ragged" : "");
      if (line.scale != 1) out_ << " scale " << Number(line.scale * 100) << '%';
      if (line.protrude_left != 0 || line.protrude_right != 0) {
        out_ << " protrude " << Number(line.protrude_left) << '/' << Number(line.protrude_right);
      }
      out_ << ' ' << Quoted(paragraph.text().substr(line.start, line.length))
           << '\n';
      for (const text::GlyphRun& run : line.runs) {
        out_ << indent << "  run " << Quoted(run.font.description) << ' ' << Hex(run.colour) << " bytes "
             << run.offset << '+' << run.text.size() << ' ' << run.glyphs.size() << " glyphs w "
             << Number(static_cast<double>(run.Width()) / text::kUnitsPerPoint);
        if (run.rise != 0) out_ << " rise " << Number(run.rise / text::kUnitsPerPoint);
        if (run.right_to_left) out_ << " rtl";
        out_ << '\n';
      }
    }
  }

  void DumpItem(const layout::Item& item) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, TextLines>) {
            const text::ShapedParagraph& p = *c.paragraph;
            out_ << "  text " << Number(c.x) << ',' << Number(c.y) << " lines " << c.first << '+' << c.count
                 << " of " << p.line_count();
            if (c.from != 0 || c.to != TextLines::kWholeText) {
              out_ << " bytes " << c.from << '-' << (c.to == TextLines::kWholeText ? "end" : std::to_string(c.to));
            }
            out_ << " leading " << Number(p.leading()) << " width " << Number(p.width()) << ' ' << Tags(item.tags)
                 << '\n';
            DumpLines(p, c.first, c.count, "    ");
          } else if constexpr (std::is_same_v<T, FilledRect>) {
            out_ << "  rect " << Number(c.x) << ',' << Number(c.y) << ' ' << Number(c.w) << 'x' << Number(c.h)
                 << ' ' << Hex(c.colour) << ' ' << Tags(item.tags) << '\n';
          } else if constexpr (std::is_same_v<T, RuleLine>) {
            out_ << "  rule " << Number(c.x0) << ',' << Number(c.y0) << " -> " << Number(c.x1) << ','
                 << Number(c.y1) << " width " << Number(c.width) << ' ' << Hex(c.colour) << ' ' << Tags(item.tags)
                 << '\n';
          } else if constexpr (std::is_same_v<T, PlacedChart>) {
            DumpChart(*c.chart, c.x, c.y, item);
          } else if constexpr (std::is_same_v<T, LinkArea>) {
            out_ << "  link " << Number(c.x) << ',' << Number(c.y) << ' ' << Number(c.w) << 'x' << Number(c.h) << ' '
                 << c.target << ' ' << Tags(item.tags) << '\n';
          } else if constexpr (std::is_same_v<T, Destination>) {
            out_ << "  dest " << c.name << ' ' << Number(c.x) << ',' << Number(c.y) << '\n';
          }
        },
        item.content);
  }

  void DumpChart(const figures::Chart& chart, double x, double y, const layout::Item& item) {
    out_ << "  chart " << chart.figure_id << ' ' << Number(x) << ',' << Number(y) << ' ' << Number(chart.width)
         << 'x' << Number(chart.height) << ' ' << Tags(item.tags) << " alt " << Quoted(item.alt) << '\n';
    for (const figures::Shape& shape : chart.shapes) {
      out_ << "    shape " << shape.role;
      if (!shape.category.empty() || !shape.series.empty()) {
        out_ << " [" << shape.category << '/' << shape.series << ' ' << Number(shape.value) << ']';
      }
      if (shape.filled) out_ << " fill " << Hex(shape.fill);
      if (shape.stroke_width > 0) out_ << " stroke " << Number(shape.stroke_width) << ' ' << Hex(shape.stroke);
      out_ << ':';
      for (const figures::PathOp& op : shape.path) {
        switch (op.kind) {
          case figures::PathOp::kMoveTo: out_ << " M " << Number(op.x) << ',' << Number(op.y); break;
          case figures::PathOp::kLineTo: out_ << " L " << Number(op.x) << ',' << Number(op.y); break;
          case figures::PathOp::kArc:
          case figures::PathOp::kArcNegative:
            out_ << (op.kind == figures::PathOp::kArc ? " A " : " A- ") << Number(op.x) << ',' << Number(op.y)
                 << " r " << Number(op.radius) << ' ' << Number(op.angle0) << ".." << Number(op.angle1);
            break;
          case figures::PathOp::kClose: out_ << " Z"; break;
        }
      }
      out_ << '\n';
    }
    for (const figures::Label& label : chart.labels) {
      if (!label.text) continue;
      out_ << "    label " << label.role << ' ' << Number(label.x) << ',' << Number(label.y) << '\n';
      DumpLines(*label.text, 0, label.text->line_count(), "      ");
    }
  }

  std::ostringstream out_;
};

}  // namespace

std::string DumpDocument(const Document& document) {
  Dumper dumper;
  dumper.DumpPages(document);
  return dumper.Finish();
}

}  // namespace barometer::layout
