// Numbers bound to tables. Prose cites a table value as {fig04/efficiency/technological} (README "Inline
// markup"); the loader fills each reference in with the value formatted in the language's number style and
// rounded as the figure prints it, so no number of the prose can disagree with the tables.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::model {

/// What a reference stands for once resolved.
struct BoundNumber {
  double value = 0;     ///< the printed (rounded) value: a percentage, a count or a difference in points
  int decimals = 0;     ///< decimals it is printed with
  bool percent = true;  ///< printed with the percent sign
};

/// Resolves one reference (the text between the braces). Problems are reported at `loc`; nullopt then.
std::optional<BoundNumber> ResolveNumber(const Edition& edition, const std::string& reference, const SourceLoc& loc,
                                         base::Diagnostics& diags);

/// `number` in `style`: "47 %", "1.877", "12".
std::string FormatBound(const BoundNumber& number, const base::NumberStyle& style);

/// Fills in every number reference of every language's sections.
void BindNumbers(Edition& edition, base::Diagnostics& diags);

/// The decimals a table's values of `indicator` are printed with (0 to 2): the most any of them needs.
int PrintedDecimals(const Table& table, const std::string& indicator);

}  // namespace barometer::model
