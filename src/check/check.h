// Cross-checks of a loaded edition that no single file can show: every language has the same blocks as the
// source language, every reference (footnote, figure, page) resolves, every fixed label exists in every language.
// Figure and table checks live in figures_check.h.
#pragma once

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

/// Every label key the layout, the workbook's cover and the figures' notes may print.
const std::vector<std::string>& LayoutLabels();

/// The label keys `language`'s edition prints, and so must have (from its profile or labels.yaml): a label for a
/// field the edition does not use (an ISBN it has not got, a case without contacts) is not required.
std::vector<std::string> RequiredLabels(const model::Edition& edition, const model::LanguageEdition& language);

/// Whether a translated text equal to its source text is probably not translated yet: identical texts of more
/// than one word. A single word both languages share is usually a name, an acronym or a loanword ("Apps", "Web").
bool PossiblyUntranslated(const std::string& text, const std::string& source_text);

void CheckEdition(const model::Edition& edition, base::Diagnostics& diags);

}  // namespace barometer::check
