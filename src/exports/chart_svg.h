// A chart as SVG, written from the chart's plain data: its shapes as paths (arcs as SVG arcs) and its labels as
// glyph outlines, each glyph defined once and placed with <use>, so the figure looks the same without its fonts.
//
// Cairo's SVG surface wrote the same drawing, but it records the chart, replays it and prints every coordinate
// through printf: the SVG exports were a tenth of a build with many figures. This writer formats numbers with
// std::to_chars and takes each glyph's outline once per document from Cairo's glyph cache.
#pragma once

#include <string>

#include "figures/chart.h"

namespace barometer::exports {

/// The chart as an SVG 1.1 document, its size in WholePoints, coordinates to a thousandth of a point.
/// Deterministic: ids are numbered in order of first use. Throws std::runtime_error when Cairo cannot give a
/// glyph's outline.
std::string ChartSvg(const figures::Chart& chart);

/// "#rrggbb", each channel rounded to 8 bits.
std::string HexColour(const model::Rgb& colour);

/// A chart's width or height as the exports give it: rounded up to whole points (at least 1), so the SVG's
/// width and height are plain numbers and the PNG covers the same area.
double WholePoints(double points);

}  // namespace barometer::exports
