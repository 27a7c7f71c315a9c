// The Pango font behind a text::FontRef, for the writers that draw glyph runs (render, exports). Other stages
// see only the forward declaration in text/glyph_run.h and treat a FontRef as a name and a size.
#pragma once

#include <pango/pango.h>

#include "text/glyph_run.h"

namespace barometer::text {

class FontFace {
 public:
  /// Holds a reference to `font` for as long as the face lives.
  explicit FontFace(PangoFont* font) : font_(PANGO_FONT(g_object_ref(font))) {}
  ~FontFace() { g_object_unref(font_); }
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  PangoFont* pango_font() const { return font_; }

 private:
  PangoFont* font_;
};

}  // namespace barometer::text
