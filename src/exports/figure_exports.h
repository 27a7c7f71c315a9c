// Per-figure exports beside the PDF, as a statistics user or a web editor wants them ("get the data"): the chart as
// SVG and as a 150 dpi PNG, the values it draws as CSV, and a JSON sidecar with everything needed to rebuild the
// chart (title, question, population, base, note, source, alt text, values, colours).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "figures/chart.h"
#include "model/edition.h"

namespace barometer::exports {

/// One figure of one language, as the build has it.
struct FigureExport {
  const figures::Chart* chart = nullptr;
  const model::FigureSpec* spec = nullptr;
  const model::Table* table = nullptr;  ///< null for figures without numbers (zones)
  const model::FigureText* text = nullptr;
  const model::LanguageEdition* language = nullptr;  ///< its locale, and labels.yaml's words for headers
};

/// Returns (relative path, bytes) for `figures/<code>/figure-NN.svg`, `.png`, `.csv` and `.json` (NN is the
/// figure's number with at least two digits), in that order. The bytes depend only on the inputs: no dates, and
/// the SVG's ids are numbered per document, so two runs (or two calls in one process) give identical files.
///
/// - SVG: the chart at its size in points (text as glyph outlines), with `role="img"`, the language as
///   `xml:lang`, the figure's title as `<title>` and its alt text as `<desc>`.
/// - PNG: 150 dpi on white, RGB.
/// - CSV: UTF-8 with a byte-order mark (so Excel reads the letters right when the file is opened by double-click),
///   RFC 4180 with ',' and '\n'. A header row in the figure's language with units; one row per drawn value in
///   drawing order, then the excluded answers (e.g. "don't know"), each marked in the last column; values with
///   '.' decimals, as in the tables. The zones figure has one row per label with its zone.
/// - JSON: UTF-8, keys in English (they are field names), texts in the figure's language; values carry the
///   English ids of the tables and the colour each mark is drawn in.
/// A fixed word missing from labels.yaml is an error in `diags` and shows as its key.
/// Throws std::runtime_error when Cairo fails.
std::vector<std::pair<std::string, std::string>> ExportFigure(const FigureExport& figure, base::Diagnostics& diags);

/// The CSV export alone (see ExportFigure).
std::string FigureCsv(const FigureExport& figure, base::Diagnostics& diags);

/// The JSON sidecar alone (see ExportFigure).
std::string FigureJson(const FigureExport& figure, base::Diagnostics& diags);

/// `svg` (as ChartSvg writes it) with `role="img"`, `xml:lang`, `<title>` and `<desc>` on its root element.
std::string AccessibleSvg(const std::string& svg, const std::string& locale, const std::string& title,
                          const std::string& description);

}  // namespace barometer::exports
