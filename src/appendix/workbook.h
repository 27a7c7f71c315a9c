// The Excel appendix: one workbook per language with a contents sheet and one sheet per figure, every value from
// the same tables the figures are drawn from.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::appendix {

/// Builds the workbook of one language and returns its bytes (an .xlsx file). The bytes depend only on the
/// inputs: the document dates come from edition.publication_date, never the clock.
/// REQUIRES: the edition passed the checks (every figure's table and labels exist).
/// Throws std::runtime_error when libxlsxwriter fails.
std::string BuildWorkbook(const model::Edition& edition, const model::LanguageEdition& language,
                          base::Diagnostics& diags);

}  // namespace barometer::appendix
