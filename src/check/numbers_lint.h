// Literal numbers in prose that the tables hold. A number typed by hand can disagree with the figure beside it
// (the 2021 original printed "35% of technological innovations" where the table says non-technological); this
// finds such numbers so they can be bound with {figure/category/series} (model/numbers.h).
#pragma once

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

/// Warns at every literal percentage in a section's prose that equals or is within one point of a value of a
/// figure placed in the same section, and at every literal count equal to a figure's base n, naming the
/// candidate references and their values.
void LintNumbers(const model::Edition& edition, base::Diagnostics& diags);

}  // namespace barometer::check
