// A page's content stream: the drawing operators for glyph runs, lines of shaped paragraphs, rules, fills and
// charts, in the page's own coordinates (points, origin at the top left, y down, as layout places them).
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "figures/chart.h"
#include "model/template.h"
#include "render/pdf_fonts.h"
#include "text/paragraph.h"

namespace barometer::render::pdf {

class Content {
 public:
  /// Starts a page `page_height` points high (the stream first turns PDF's y-up space into layout's y-down).
  Content(Fonts& fonts, double page_height);

  /// Lines [first, first + count) of a paragraph, the first line's box top at (x, top): of those, the glyph runs
  /// of text bytes [from, to), each where it stands in its line. Each glyph run carries its text: the fonts map
  /// glyphs back to it, and a cluster whose text is not its glyph's (a soft hyphen at a break drawn as a hyphen,
  /// say) is marked with /ActualText.
  void Lines(const text::ShapedParagraph& paragraph, int first, int count, double x, double top, int from = 0,
             int to = std::numeric_limits<int>::max());
  void Rect(double x, double y, double w, double h, const model::Rgb& colour);
  void Rule(double x0, double y0, double x1, double y1, double width, const model::Rgb& colour);
  /// A chart with its top-left corner at (x, y).
  void Chart(const figures::Chart& chart, double x, double y);

  /// Opens marked content: "/Tag << /MCID n >> BDC", or "/Artifact BMC" with mcid < 0.
  void BeginMarked(const std::string& tag, int mcid);
  void EndMarked();

  std::string& bytes() { return out_; }

 private:
  void Line(const text::ShapedParagraph& paragraph, int i, double x, double baseline, int from, int to);
  void Run(const text::GlyphRun& run, double x, double y, double scale);
  void Fill(const model::Rgb& colour);
  void Stroke(const model::Rgb& colour);
  void SetColour(const model::Rgb& colour, const char* op, std::optional<model::Rgb>& set);
  void Add(double value);
  void Path(const std::vector<figures::PathOp>& path);

  Fonts& fonts_;
  std::string out_;
  // The state set, to leave out setting it again (it lasts across text objects, until a Q).
  std::optional<model::Rgb> fill_, stroke_;
  int font_ = -1;
  double size_ = 0;
};

}  // namespace barometer::render::pdf
