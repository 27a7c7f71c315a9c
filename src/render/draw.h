// Drawing plain data with Cairo: glyph runs, lines of shaped paragraphs and charts. The PDF renderer and the
// figure exports (SVG, PNG) draw through these, so a chart looks the same in all three.
#pragma once

#include <cairo.h>

#include <limits>

#include "figures/chart.h"
#include "text/glyph_run.h"
#include "text/paragraph.h"

namespace barometer::render {

/// Draws a glyph run with its pen starting at the current point (the baseline, before the run's rise), as
/// Pango's Cairo renderer would: on a surface that keeps text (PDF) the run's text and cluster map go with the
/// glyphs, so the text can be extracted and a soft hyphen at a break reads as U+00AD. Leaves the source, the
/// font and the current point as it found them, apart from the font.
/// REQUIRES: the run's font has a face (it came from a Shaper).
void ShowGlyphRun(cairo_t* cr, const text::GlyphRun& run);

/// Draws lines [first, first + count) of a paragraph, the first line's box top at (x, top): of those, the glyph
/// runs of text bytes [from, to), each where it stands in its line.
void DrawLines(cairo_t* cr, const text::ShapedParagraph& paragraph, int first, int count, double x, double top,
               int from = 0, int to = std::numeric_limits<int>::max());

/// Draws a chart with its top-left corner at (x, y). Opens no PDF structure tags (the caller tags the whole
/// figure) and leaves the cairo state as it found it.
void DrawChart(cairo_t* cr, const figures::Chart& chart, double x, double y);

}  // namespace barometer::render
