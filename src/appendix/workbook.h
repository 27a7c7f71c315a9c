// The Excel appendix: one workbook per language, laid out as the UK Analysis Function's guidance "Releasing
// statistics in spreadsheets" asks: a cover sheet, a contents sheet with links, a notes sheet, then one table per
// sheet (an Excel table object with a header row, title in A1) with the figure's native chart on a chart sheet
// of its own. Every value comes from the same tables the figures are drawn from.
#pragma once

#include <string>

#include "appendix/plan.h"
#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::appendix {

/// Builds the workbook of one language and returns its bytes (an .xlsx file). The bytes depend only on the
/// inputs: the document dates come from edition.publication_date, never the clock. `charts` are the language's
/// drawn figures, whose colours the native charts take; a figure missing there takes the template's palette.
/// REQUIRES: the edition passed the checks (every figure's table and labels exist).
/// Throws std::runtime_error when libxlsxwriter or the package rewrite fails.
std::string BuildWorkbook(const model::Edition& edition, const model::LanguageEdition& language,
                          const DrawnCharts& charts, base::Diagnostics& diags);

}  // namespace barometer::appendix
