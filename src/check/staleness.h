// Translation staleness. A translation folder may hold `translation.lock`: for each block (and section title and
// footnote) of the source language, a fingerprint of its text when the translation was last brought up to date.
// When the source text changes, its fingerprint no longer matches and the check warns that the translation of
// that block is stale. `barometer mark-translated` rewrites the lock after the translator has caught up.
#pragma once

#include <map>
#include <string>

#include "base/diagnostics.h"
#include "model/edition.h"

namespace barometer::check {

/// A translatable unit of one language: a section's title and kicker, a block, or a footnote.
struct Unit {
  std::string fingerprint;
  std::string words;  ///< its visible text, for telling an untranslated copy from a shared name
  base::SourceLoc loc;
  std::string file;
};

/// Every unit of a language by id ("intro", "intro/in-p1", "intro^kl-radar").
std::map<std::string, Unit> Units(const model::LanguageEdition& language);

/// Fingerprints of every translatable unit of a language: section titles ("intro"), blocks ("intro/in-p1") and
/// footnotes ("intro^kl-radar"). A fingerprint is the first 16 hex digits of the SHA-256 of the unit's text and
/// markup, so a change of a word, a link or a footnote reference changes it; a change of layout does not.
std::map<std::string, std::string> Fingerprints(const model::LanguageEdition& language);

/// The text of a translation.lock for `source`.
std::string LockFileText(const model::LanguageEdition& source);

/// Warns about every unit whose source fingerprint differs from the one recorded in `language.translation_lock`,
/// and about units the lock does not know. Nothing is checked for a language without a lock file.
void CheckStaleness(const model::LanguageEdition& source, const model::LanguageEdition& language,
                    base::Diagnostics& diags);

}  // namespace barometer::check
