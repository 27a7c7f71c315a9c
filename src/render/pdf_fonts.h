// The fonts of a PDF: each font file the text uses, embedded once as a subset (HarfBuzz's subsetter, glyph ids
// kept, so pages can be written before the subset is known) with the widths and the map from glyphs back to
// text that make the PDF's text searchable and readable aloud.
#pragma once

#include <hb.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf_file.h"
#include "text/font_face.h"

namespace barometer::render::pdf {

class Fonts {
 public:
  Fonts() = default;
  ~Fonts();
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  /// The font of `face` (any size), added at its first use: its index, for the other calls.
  int Use(const text::FontFace& face);
  /// The resource name pages use for font `font` ("F1").
  std::string ResourceName(int font) const { return "F" + std::to_string(font + 1); }
  /// The glyph's advance width in thousandths of the em, as the PDF's /W gives it.
  double Width(int font, uint32_t glyph) {
    Font& face = fonts_[font];
    if (glyph < face.widths.size() && face.widths[glyph] >= 0) return face.widths[glyph];
    return MeasureWidth(face, glyph);
  }
  /// Records that `glyph` stands for `text`. False when the glyph already stands for other text (the caller
  /// then gives this use the text as /ActualText): a glyph has one text in the font's map.
  bool MapGlyph(int font, uint32_t glyph, std::string_view text);
  /// Writes every font used, subset, into `file`; returns the entries of the pages' /Font resources.
  std::string Write(File& file);

 private:
  struct Font {
    hb_face_t* face = nullptr;
    hb_font_t* unscaled = nullptr;  ///< at the em's size in font units, for widths
    unsigned units_per_em = 1000;
    bool cff = false;
    std::string postscript_name;
    std::vector<std::string> text;         ///< by glyph id: the text it stands for, "" for none yet
    std::vector<double> widths;            ///< by glyph id: width as /W gives it, kUnused for a glyph not drawn
  };
  static constexpr double kUnused = -1;
  static double MeasureWidth(Font& font, uint32_t glyph);
  void WriteFont(File& file, const Font& font, int type0);

  std::vector<Font> fonts_;
  std::map<hb_face_t*, int> by_face_;
};

}  // namespace barometer::render::pdf
