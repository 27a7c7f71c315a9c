// Glyph runs: shaped text as plain data. A run is one font at one size and one colour, its glyphs in visual
// order with their advances and offsets, and the text and cluster map they came from, so a writer can draw the
// glyphs and still give a PDF reader the text behind them (copy, search, screen readers).
//
// Lengths are in units of 1/1024 pt (Pango's units), whole numbers as shaping gave them: a writer that adds
// advances in these units places every glyph exactly where shaping measured it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/template.h"

namespace barometer::text {

inline constexpr double kUnitsPerPoint = 1024;

/// Glyph ids as the font numbers them, and two special values.
inline constexpr uint32_t kEmptyGlyph = 0x0FFFFFFF;        ///< takes its advance, draws nothing (U+200B)
inline constexpr uint32_t kUnknownGlyphFlag = 0x10000000;  ///< no glyph in the font (shaping reports an error)

/// The loaded font behind a FontRef. Defined in text/font_face.h, which only writers include.
class FontFace;

/// A font at a size, as shaping chose it.
struct FontRef {
  std::string description;  ///< the face and size, e.g. "Inter Semi-Bold 7.6"
  double size = 0;          ///< points
  std::shared_ptr<const FontFace> face;  ///< what a writer draws with; one per font and size per Shaper

  bool operator==(const FontRef& other) const { return description == other.description; }
};

struct Glyph {
  uint32_t id = 0;
  int advance = 0;               ///< units; justification has widened word spaces already
  int x_offset = 0, y_offset = 0;  ///< units, from the pen position (y down)
  int cluster = 0;               ///< byte offset in the run's text of the cluster the glyph belongs to
};

struct GlyphRun {
  FontRef font;
  model::Rgb colour;
  int rise = 0;                ///< units the baseline is raised by (superscripts)
  bool right_to_left = false;  ///< glyphs then run against the text's order
  std::string text;            ///< UTF-8; a soft hyphen at a line break is drawn as a hyphen glyph
  int offset = 0;              ///< byte offset of `text` in its paragraph's text
  std::vector<Glyph> glyphs;   ///< in visual order

  /// The sum of the advances, in units.
  int64_t Width() const {
    int64_t width = 0;
    for (const Glyph& glyph : glyphs) width += glyph.advance;
    return width;
  }
};

}  // namespace barometer::text
