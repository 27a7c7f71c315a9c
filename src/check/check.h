// Cross-checks of a loaded edition that no single file can show: every language has the same blocks as the
// source language, every reference (footnote, figure, page) resolves, every label model/requirements.h declares exists in every language.
// Figure and table checks live in figures_check.h.
#pragma once

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

/// Whether a translated text equal to its source text is probably not translated yet: identical texts of more
/// than one word. A single word both languages share is usually a name, an acronym or a loanword ("Apps", "Web").
bool PossiblyUntranslated(const std::string& text, const std::string& source_text);

void CheckEdition(const model::Edition& edition, base::Diagnostics& diags);

}  // namespace barometer::check
