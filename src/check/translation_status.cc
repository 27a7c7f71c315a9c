#include "check/translation_status.h"

#include <algorithm>

#include "base/file_system.h"
#include "check/check.h"
#include "check/staleness.h"

namespace barometer::check {
namespace {

// Text identical to the source's that has words to translate (a figure placement or a lone name has none).
bool StillSource(const Unit& unit, const Unit& source) {
  return unit.fingerprint == source.fingerprint && PossiblyUntranslated(source.words, source.words);
}

// A figure's texts: untranslated when its title or a label of several words is the source's.
bool FigureStillSource(const model::FigureText& text, const model::FigureText& source) {
  if (PossiblyUntranslated(text.title, source.title)) return true;
  for (const auto& [key, label] : text.labels) {
    auto it = source.labels.find(key);
    if (it != source.labels.end() && PossiblyUntranslated(label, it->second)) return true;
  }
  return false;
}

}  // namespace

const char* UnitStateName(UnitState state) {
  switch (state) {
    case UnitState::kTranslated: return "translated";
    case UnitState::kStale: return "stale";
    case UnitState::kMissing: return "missing";
    case UnitState::kUntranslated: return "untranslated";
  }
  return "";
}

std::vector<UnitStatus> TranslationStatus(const model::Edition& edition, const model::LanguageEdition& language) {
  std::vector<UnitStatus> out;
  if (edition.languages.empty()) return out;
  const model::LanguageEdition& source = edition.languages.front();
  const std::string folder = base::JoinPath(edition.root, language.code);
  const std::map<std::string, Unit> source_units = Units(source);
  const std::map<std::string, Unit> units = Units(language);
  for (const auto& [id, source_unit] : source_units) {
    UnitStatus status;
    status.unit = id;
    const std::string section = id.substr(0, id.find_first_of("/^"));
    status.file = base::JoinPath(folder, section + ".yaml");
    auto it = units.find(id);
    if (it == units.end()) {
      status.state = UnitState::kMissing;
      status.loc = source_unit.loc;
    } else {
      status.loc = it->second.loc;
      if (StillSource(it->second, source_unit)) {
        status.state = UnitState::kUntranslated;
      } else if (!language.translation_lock_file.empty()) {
        auto recorded = language.translation_lock.find(id);
        if (recorded == language.translation_lock.end() || recorded->second != source_unit.fingerprint) {
          status.state = UnitState::kStale;
        }
      }
    }
    out.push_back(status);
  }
  const std::string figures_file = base::JoinPath(folder, "figures.yaml");
  for (const auto& [id, source_text] : source.figures) {
    UnitStatus status;
    status.unit = "figure " + id;
    status.file = figures_file;
    auto it = language.figures.find(id);
    if (it == language.figures.end()) {
      status.state = UnitState::kMissing;
      status.loc = source_text.loc;
    } else {
      status.loc = it->second.loc;
      if (FigureStillSource(it->second, source_text)) status.state = UnitState::kUntranslated;
    }
    out.push_back(status);
  }
  std::stable_sort(out.begin(), out.end(), [](const UnitStatus& a, const UnitStatus& b) { return a.file < b.file; });
  return out;
}

void CheckUntranslated(const model::Edition& edition, const model::LanguageEdition& language, bool as_errors,
                       base::Diagnostics& diags) {
  if (edition.languages.empty() || &language == &edition.languages.front()) return;
  const std::string& source = edition.languages.front().code;
  for (const UnitStatus& status : TranslationStatus(edition, language)) {
    if (status.state != UnitState::kUntranslated) continue;
    // The message is written out in each call, so the diagnostic-code table can match it to its code.
    if (as_errors) {
      diags.Error(status.loc,
                  "'" + status.unit + "' is not translated: it is still the text of language '" + source + "'",
                  {"translate it, or build a draft with --draft, which marks it in the margin"});
    } else {
      diags.Warning(status.loc,
                    "'" + status.unit + "' is not translated: it is still the text of language '" + source + "'");
    }
  }
}

}  // namespace barometer::check
