// Drawing plain data with Cairo: glyph runs, lines of shaped paragraphs and charts, for the figure PNGs (and the
// glyph outlines of the SVGs). The PDF writer draws the same data with PDF's own operators (pdf_content.h).
#pragma once

#include <cairo.h>

#include <limits>

#include "figures/chart.h"
#include "text/glyph_run.h"
#include "text/paragraph.h"

namespace barometer::render {

/// Draws lines [first, first + count) of a paragraph, the first line's box top at (x, top): of those, the glyph
/// runs of text bytes [from, to), each where it stands in its line.
void DrawLines(cairo_t* cr, const text::ShapedParagraph& paragraph, int first, int count, double x, double top,
               int from = 0, int to = std::numeric_limits<int>::max());

/// Draws a chart with its top-left corner at (x, y). Opens no PDF structure tags (the caller tags the whole
/// figure) and leaves the cairo state as it found it.
void DrawChart(cairo_t* cr, const figures::Chart& chart, double x, double y);

}  // namespace barometer::render
