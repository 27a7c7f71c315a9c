// Per-figure exports beside the PDF: the chart as SVG and as a 150 dpi PNG, and the values it draws as CSV, so
// a reader can reuse a figure and an auditor can compare its numbers with the tables.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/number_style.h"
#include "figures/chart.h"

namespace barometer::exports {

/// Returns (relative path, bytes) for `figures/<language>/figure-NN.svg`, `.png` and `.csv` (NN is `number`
/// with at least two digits), in that order. The bytes depend only on the chart: no dates, and the SVG's ids are
/// numbered per document, so two runs (or two calls in one process) give identical files.
///
/// - SVG: the chart at its size in points, drawn by DrawChart (text as glyph outlines).
/// - PNG: 150 dpi (scale 150/72) on white, RGB.
/// - CSV: UTF-8, '\n' line ends, header `category,series,category_label,series_label,value,n`, one row per
///   drawn value in drawing order; ids in English as in the tables, labels in the chart's language quoted per
///   RFC 4180 when they need it, values with '.' decimals and as few digits as the value needs (34, 12.5), as in
///   the tables. Items without a number (the zones diagram) have empty value and n.
///
/// `numbers` is the language's number style; the CSV deliberately does not use it (machine-readable values),
/// it is accepted so callers pass the same context to every export.
/// Throws std::runtime_error when Cairo fails.
std::vector<std::pair<std::string, std::string>> ExportFigure(const figures::Chart& chart, int number,
                                                              const std::string& language,
                                                              const base::NumberStyle& numbers);

/// The CSV export alone (see ExportFigure).
std::string ChartCsv(const figures::Chart& chart);

/// A plain decimal with '.' and the fewest digits that give back the value (34, 12.5, 0.125); no exponent.
std::string PlainNumber(double value);

}  // namespace barometer::exports
