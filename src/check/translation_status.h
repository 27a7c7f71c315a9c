// Where a translation stands, unit by unit: translated, stale (the source changed since `mark-translated`),
// missing, or untranslated (still the source language's text). Behind `barometer translation-status`, the
// build's refusal of untranslated text, and `--draft`.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

enum class UnitState { kTranslated, kStale, kMissing, kUntranslated };

/// "translated", "stale", "missing", "untranslated".
const char* UnitStateName(UnitState state);

struct UnitStatus {
  std::string unit;  ///< "intro/in-p1", "intro^kl-radar", "intro" (title), "figure fig04"
  UnitState state = UnitState::kTranslated;
  std::string file;  ///< the translation's file that holds (or should hold) the unit
  base::SourceLoc loc;  ///< the unit in the translation, or in the source language when missing
};

/// Every unit of the source language and its state in `language`, in file then unit order.
std::vector<UnitStatus> TranslationStatus(const model::Edition& edition, const model::LanguageEdition& language);

/// Reports each untranslated unit of `language` at its place: an error when `as_errors` (a build), else a
/// warning (`check`, and a `--draft` build, which marks the units in the margin).
void CheckUntranslated(const model::Edition& edition, const model::LanguageEdition& language, bool as_errors,
                       base::Diagnostics& diags);

}  // namespace barometer::check
