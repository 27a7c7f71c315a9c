#include "render/pdf_content.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "text/font_face.h"

namespace barometer::render::pdf {
namespace {

// Whether bytes [start, end) of `text` are only invisible break hints: soft hyphens (U+00AD) and zero-width spaces
// (U+200B), which the shaper adds for line breaking. A cluster of those that draws nothing is left out, so text
// copied or searched from the PDF holds no hints inside words.
bool OnlyBreakHints(const std::string& text, size_t start, size_t end) {
  static const std::string kSoftHyphen = "\u00AD", kZeroWidthSpace = "\u200B";
  for (size_t at = start; at < end;) {
    if (text.compare(at, kSoftHyphen.size(), kSoftHyphen) == 0) {
      at += kSoftHyphen.size();
    } else if (text.compare(at, kZeroWidthSpace.size(), kZeroWidthSpace) == 0) {
      at += kZeroWidthSpace.size();
    } else {
      return false;
    }
  }
  return true;
}

bool Drawn(uint32_t id) { return id != text::kEmptyGlyph && !(id & text::kUnknownGlyphFlag); }

// A glyph id as the two bytes of its code (Identity-H) in a literal string: half the bytes of hex, for the
// compressor as well. A CR is escaped, since a reader takes an unescaped one for a line end.
void AppendGlyph(std::string& out, uint32_t id) {
  for (const char byte : {static_cast<char>(id >> 8), static_cast<char>(id & 0xFF)}) {
    if (byte == '(' || byte == ')' || byte == '\\') {
      out += '\\';
    } else if (byte == '\r') {
      out += "\\r";
      continue;
    }
    out += byte;
  }
}

// A TJ array being written: glyphs in strings, moves between them as numbers.
class ShowText {
 public:
  ShowText(std::string& out, double size) : out_(out), size_(size) {}
  ~ShowText() { Close(); }

  /// Shows `glyph` with its origin at `x` (text space, points from the run's start), `width` thousandths wide.
  void Glyph(uint32_t glyph, double x, double width) {
    if (!open_) {
      out_ += '[';
      open_ = true;
    }
    // A move under half a thousandth of the em is left out: the glyph stands within that of where shaping put
    // it (the fonts' widths and the shaper's advances, in 1/1024 pt, differ by such crumbs at nearly every
    // glyph), and the pen follows where the glyphs really are, so the crumbs never add up.
    const double move = (pen_ - x) * 1000 / size_;
    if (std::abs(move) >= 0.5) {
      if (in_string_) out_ += ')';
      in_string_ = false;
      const double written = std::round(move * 10) / 10;  // as written, so the rounding never adds up either
      AppendNumber(out_, written, 1);
      pen_ -= written * size_ / 1000;
    }
    if (!in_string_) out_ += '(';
    in_string_ = true;
    AppendGlyph(out_, glyph);
    pen_ += width * size_ / 1000;
  }
  void Close() {
    if (!open_) return;
    if (in_string_) out_ += ')';
    out_ += "] TJ\n";
    open_ = in_string_ = false;
  }

 private:
  std::string& out_;
  double size_;
  double pen_ = 0;
  bool open_ = false, in_string_ = false;
};

}  // namespace

Content::Content(Fonts& fonts, double page_height) : fonts_(fonts) {
  out_ = "1 0 0 -1 0 " + Number(page_height) + " cm\n";
}

void Content::Add(double value) {
  AppendNumber(out_, value);
  out_ += ' ';
}

void Content::Fill(const model::Rgb& colour) { SetColour(colour, "rg\n", fill_); }

void Content::Stroke(const model::Rgb& colour) { SetColour(colour, "RG\n", stroke_); }

void Content::SetColour(const model::Rgb& colour, const char* op, std::optional<model::Rgb>& set) {
  if (set == colour) return;
  Add(colour.r), Add(colour.g), Add(colour.b);
  out_ += op;
  set = colour;
}

void Content::BeginMarked(const std::string& tag, int mcid) {
  out_ += mcid < 0 ? "/Artifact BMC\n" : Name(tag) + " << /MCID " + std::to_string(mcid) + " >> BDC\n";
}

void Content::EndMarked() { out_ += "EMC\n"; }

void Content::Rect(double x, double y, double w, double h, const model::Rgb& colour) {
  Fill(colour);
  Add(x), Add(y), Add(w), Add(h);
  out_ += "re f\n";
}

void Content::Rule(double x0, double y0, double x1, double y1, double width, const model::Rgb& colour) {
  Stroke(colour);
  Add(width);
  out_ += "w ";
  Add(x0), Add(y0);
  out_ += "m ";
  Add(x1), Add(y1);
  out_ += "l S\n";
}

void Content::Lines(const text::ShapedParagraph& paragraph, int first, int count, double x, double top, int from,
                    int to) {
  for (int i = 0; i < count; ++i) {
    Line(paragraph, first + i, x, top + paragraph.Height(i) + paragraph.BaselineOffset(), from, to);
  }
}

// A scaled line (glyph scaling) is drawn stretched about its left edge: its glyphs and widened word spaces
// together.
void Content::Line(const text::ShapedParagraph& paragraph, int i, double x, double baseline, int from, int to) {
  const text::ShapedParagraph::Line& line = paragraph.line(i);
  const double left = x + line.x;
  int64_t pen = 0;
  bool open = false;
  for (const text::GlyphRun& run : line.runs) {
    if (run.offset >= from && run.offset < to && !run.glyphs.empty()) {
      if (!open) out_ += "BT\n";
      open = true;
      Run(run, left + line.scale * static_cast<double>(pen) / text::kUnitsPerPoint,
          baseline - run.rise / text::kUnitsPerPoint, line.scale);
    }
    pen += run.Width();
  }
  if (open) out_ += "ET\n";
}

void Content::Run(const text::GlyphRun& run, double x, double y, double scale) {
  const int font = fonts_.Use(*run.font.face);
  const double size = run.font.size;
  Fill(run.colour);
  if (font != font_ || size != size_) {
    out_ += '/';
    out_ += fonts_.ResourceName(font);
    out_ += ' ';
    AppendNumber(out_, size, 4);
    out_ += " Tf ";
    font_ = font;
    size_ = size;
  }
  Add(scale);
  out_ += "0 0 -1 ";
  Add(x), Add(y);
  out_ += "Tm\n";

  ShowText show(out_, size);
  double rise = 0;
  int64_t pen = 0;
  const int count = static_cast<int>(run.glyphs.size());
  for (int g = 0; g < count;) {
    // A cluster: the glyphs that share a cluster value; its text runs to the next cluster's (the glyph after it,
    // or before it in a right-to-left run), or to the end.
    const int cluster = run.glyphs[g].cluster;
    int end = g, drawn = 0;
    uint32_t only = 0;
    while (end < count && run.glyphs[end].cluster == cluster) {
      if (Drawn(run.glyphs[end].id)) {
        ++drawn;
        only = run.glyphs[end].id;
      }
      ++end;
    }
    const int next = run.right_to_left ? g - 1 : end;
    const size_t text_start = static_cast<size_t>(cluster);
    const size_t text_stop = next >= 0 && next < count && run.glyphs[next].cluster > cluster
                                 ? static_cast<size_t>(run.glyphs[next].cluster)
                                 : run.text.size();
    const std::string_view chars(run.text.data() + text_start, text_stop - text_start);
    bool actual = false;
    if (drawn == 0) {
      actual = !OnlyBreakHints(run.text, text_start, text_stop);
    } else if (drawn > 1 || chars == "\u00AD" || !fonts_.MapGlyph(font, only, chars)) {
      actual = true;
    }
    if (actual) {
      show.Close();
      out_ += "/Span << /ActualText " + TextString(chars) + " >> BDC\n";
    }
    for (; g < end; ++g) {
      const text::Glyph& glyph = run.glyphs[g];
      if (Drawn(glyph.id)) {
        const double glyph_rise = -glyph.y_offset / text::kUnitsPerPoint;
        if (glyph_rise != rise) {
          show.Close();
          AppendNumber(out_, glyph_rise);
          out_ += " Ts\n";
          rise = glyph_rise;
        }
        show.Glyph(glyph.id, static_cast<double>(pen + glyph.x_offset) / text::kUnitsPerPoint,
                   fonts_.Width(font, glyph.id));
      }
      pen += glyph.advance;
    }
    if (actual) {
      show.Close();
      out_ += "EMC\n";
    }
  }
  show.Close();
  if (rise != 0) out_ += "0 Ts\n";
}

void Content::Path(const std::vector<figures::PathOp>& path) {
  bool has_point = false;
  for (const figures::PathOp& op : path) {
    switch (op.kind) {
      case figures::PathOp::kMoveTo:
        Add(op.x), Add(op.y);
        out_ += "m\n";
        has_point = true;
        break;
      case figures::PathOp::kLineTo:
        Add(op.x), Add(op.y);
        out_ += has_point ? "l\n" : "m\n";
        has_point = true;
        break;
      case figures::PathOp::kArc:
      case figures::PathOp::kArcNegative: {
        // As cairo_arc: a line to the arc's start, then Bézier curves of at most a quarter turn each.
        const bool negative = op.kind == figures::PathOp::kArcNegative;
        double a0 = op.angle0, a1 = op.angle1;
        const double turn = 2 * std::numbers::pi;
        if (!negative) {
          while (a1 < a0) a1 += turn;
        } else {
          while (a1 > a0) a1 -= turn;
        }
        const double r = op.radius;
        Add(op.x + r * std::cos(a0)), Add(op.y + r * std::sin(a0));
        out_ += has_point ? "l\n" : "m\n";
        has_point = true;
        const int segments = std::max(1, static_cast<int>(std::ceil(std::abs(a1 - a0) / (std::numbers::pi / 2) - 1e-9)));
        const double step = (a1 - a0) / segments;
        const double h = 4.0 / 3.0 * std::tan(step / 4) * r;
        for (int k = 0; k < segments; ++k) {
          const double s = a0 + k * step, e = s + step;
          Add(op.x + r * std::cos(s) - h * std::sin(s)), Add(op.y + r * std::sin(s) + h * std::cos(s));
          Add(op.x + r * std::cos(e) + h * std::sin(e)), Add(op.y + r * std::sin(e) - h * std::cos(e));
          Add(op.x + r * std::cos(e)), Add(op.y + r * std::sin(e));
          out_ += "c\n";
        }
        break;
      }
      case figures::PathOp::kClose: out_ += "h\n"; break;
    }
  }
}

void Content::Chart(const figures::Chart& chart, double x, double y) {
  out_ += "q 1 0 0 1 ";
  Add(x), Add(y);
  out_ += "cm\n";
  for (const figures::Shape& shape : chart.shapes) {
    if (shape.path.empty()) continue;
    // The state first: between a path and its painting operator, PDF allows no other operator.
    if (shape.filled) Fill(shape.fill);
    if (shape.stroke_width > 0) {
      Stroke(shape.stroke);
      Add(shape.stroke_width);
      out_ += "w 0 J 0 j\n";
    }
    Path(shape.path);
    out_ += shape.filled ? (shape.stroke_width > 0 ? "B\n" : "f\n") : (shape.stroke_width > 0 ? "S\n" : "n\n");
  }
  for (const figures::Label& label : chart.labels) {
    if (!label.text) continue;
    const text::ShapedParagraph& paragraph = *label.text;
    for (int i = 0; i < paragraph.line_count(); ++i) {
      Line(paragraph, i, label.x, label.y + i * paragraph.leading() + paragraph.BaselineOffset(), 0,
           std::numeric_limits<int>::max());
    }
  }
  out_ += "Q\n";
  fill_.reset();  // Q restored the state from before the chart
  stroke_.reset();
  font_ = -1;
}

}  // namespace barometer::render::pdf
