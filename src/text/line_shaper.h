// A paragraph shaped as one unbroken line, as a PangoLayout without a width shapes it, but without the layout:
// Pango itemizes the text and finds its break opportunities, and each item is shaped word by word through a cache
// kept for the language, where the font allows it.
//
// Why not PangoLayout: it shapes every item whole, so a word is shaped again at each of its occurrences, and each
// layout measures the ink of every glyph (a debugging call at the end of pango_layout_check_lines), which the line
// breaker never uses. For the 2021 edition this took the shaping of paragraphs from 637 to 515 million
// instructions, with the same glyphs to the bit.
//
// When a word's glyphs may be reused elsewhere: when no GSUB or GPOS lookup of the font involves the space glyph
// (no kerning against a space, no ligature or contextual rule that looks across one), no lookup can match across
// a space, so a word's glyphs do not depend on the words around it. This is the test browsers apply to their word
// caches. Noto Serif passes it; Inter does not (its case-sensitive forms look across spaces for capitals), so
// Inter's items are shaped whole. Only Latin and common-script items are cut (other scripts may join or reorder
// across words using the text around them). Words not yet in the cache are shaped together, one call for each
// stretch of them, with the paragraph around them as context, as Pango shapes an item.
//
// What the layout does that is left to it: paragraphs with hard line breaks or tabs, letter-spaced text and
// right-to-left items. Shape() returns null for those, and the caller lays them out with PangoLayout.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

// Pango's and HarfBuzz's types appear here only as pointers: outside text/*.cc, no file sees the libraries.
typedef struct _PangoAttrList PangoAttrList;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFont PangoFont;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoGlyphItem PangoGlyphItem;
typedef struct _PangoGlyphString PangoGlyphString;
typedef struct _PangoItem PangoItem;
typedef struct _PangoLogAttr PangoLogAttr;
typedef struct hb_face_t hb_face_t;

namespace barometer::text {

/// The shaped runs of one paragraph, in logical order, and Pango's break opportunities.
struct ShapedLine {
  ShapedLine() = default;
  ~ShapedLine();
  ShapedLine(const ShapedLine&) = delete;
  ShapedLine& operator=(const ShapedLine&) = delete;

  std::vector<PangoGlyphItem*> runs;  ///< owned
  PangoLogAttr* log_attrs = nullptr;  ///< owned: one per character, and one after the last
  int log_attr_count = 0;
};

/// Shapes paragraphs of one language. Not thread-safe (one per Shaper).
class LineShaper {
 public:
  explicit LineShaper(PangoContext* context);
  ~LineShaper();
  LineShaper(const LineShaper&) = delete;
  LineShaper& operator=(const LineShaper&) = delete;

  /// `text` in `font` with `attrs` (which this leaves unchanged), or null when the paragraph needs PangoLayout (see
  /// the file comment).
  std::unique_ptr<ShapedLine> Shape(const std::string& text, PangoAttrList* attrs, const PangoFontDescription* font);

 private:
  /// The glyphs of `item`, shaped word by word where the item allows it.
  PangoGlyphString* ShapeItem(PangoItem* item, const std::string& text, PangoLogAttr* log_attrs);
  /// Whether no lookup of the font's GSUB or GPOS involves its space glyph (see the file comment).
  bool WordsShapeApart(PangoFont* font);

  struct Word;
  PangoContext* context_;
  std::unordered_map<std::string, std::unique_ptr<Word>> words_;
  std::map<hb_face_t*, bool> apart_;  ///< per font face (all sizes); holds a reference to each
};

}  // namespace barometer::text
