#include "check/figures_check.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/edit_distance.h"
#include "base/file_system.h"
#include "base/number_style.h"
#include "check/check.h"

namespace barometer::check {
namespace {

using base::Diagnostics;

using base::DidYouMean;

// '.' decimals, at most two, no trailing zeros: 97, 99.5.
std::string Number(double value) { return base::PlainNumber(std::round(value * 100) / 100); }

void CheckZones(const model::FigureSpec& spec, Diagnostics& diags) {
  std::map<std::string, std::string> zone_of;
  for (const std::string& zone : spec.zone_order) {
    for (const std::string& item : spec.zones.at(zone)) {
      auto [it, inserted] = zone_of.emplace(item, zone);
      if (!inserted) {
        diags.Error(spec.loc, "figure '" + spec.id + "': item '" + item + "' is in zone '" + it->second +
                                  "' and in zone '" + zone + "'");
      }
    }
  }
}

void CheckListedOnce(const model::FigureSpec& spec, Diagnostics& diags) {
  std::set<std::string> seen;
  for (const auto* list : {&spec.categories, &spec.excluded}) {
    for (const std::string& id : *list) {
      if (!seen.insert(id).second) {
        diags.Error(spec.loc, "figure '" + spec.id + "': category '" + id + "' is listed twice (drawn or excluded)");
      }
    }
  }
  std::set<std::string> series;
  for (const std::string& id : spec.series) {
    if (!series.insert(id).second) diags.Error(spec.loc, "figure '" + spec.id + "': series '" + id + "' is listed twice");
  }
  for (const std::string& id : spec.highlight) {
    if (std::find(spec.categories.begin(), spec.categories.end(), id) == spec.categories.end()) {
      diags.Error(spec.loc, "figure '" + spec.id + "': highlighted category '" + id + "' is not drawn",
                  DidYouMean(id, spec.categories));
    }
  }
  for (const std::string& id : spec.significant) {
    if (std::find(spec.categories.begin(), spec.categories.end(), id) == spec.categories.end()) {
      diags.Error(spec.loc, "figure '" + spec.id + "': significant category '" + id + "' is not drawn",
                  DidYouMean(id, spec.categories));
    }
  }
  auto drawn_series = [&](const std::string& id) {
    return std::find(spec.series.begin(), spec.series.end(), id) != spec.series.end();
  };
  for (const auto& [a, b] : spec.significant_pairs) {
    for (const std::string* id : {&a, &b}) {
      if (!drawn_series(*id)) {
        diags.Error(spec.loc, "figure '" + spec.id + "': significant pair names '" + *id + "', which is no series of the figure",
                    DidYouMean(*id, spec.series));
      }
    }
    if (a == b) diags.Error(spec.loc, "figure '" + spec.id + "': significant pair compares '" + a + "' with itself");
  }
  if (!spec.group_base_n.empty()) {
    std::set<std::string> given;
    for (const auto& [id, n] : spec.group_base_n) {
      given.insert(id);
      if (!drawn_series(id)) {
        diags.Error(spec.loc, "figure '" + spec.id + "': base_n names group '" + id + "', which is no series of the figure",
                    DidYouMean(id, spec.series));
      }
    }
    for (const std::string& id : spec.series) {
      if (!given.count(id)) {
        diags.Error(spec.loc, "figure '" + spec.id + "': base_n gives no base for series '" + id + "'",
                    {"give every series its n, or one number for the whole figure"});
      }
    }
  }
  if (!spec.show_series_name && spec.series.size() != 1) {
    diags.Error(spec.loc, "figure '" + spec.id + "': show_series_name: false is for a figure of one series, not " +
                              std::to_string(spec.series.size()),
                {"a figure of several series needs their names to tell them apart"});
  }
}

void CheckSpec(const model::Edition& edition, const model::FigureSpec& spec, const std::vector<base::Diagnostic>& before,
               const std::set<std::string>& files_with_errors, Diagnostics& diags) {
  if (spec.kind == model::ChartKind::kZones) {
    CheckZones(spec, diags);
    return;
  }
  CheckListedOnce(spec, diags);
  if (spec.table.empty()) return;  // the loader said why (missing, or not a plain name)
  auto table_it = edition.tables.find(spec.table);
  if (table_it == edition.tables.end()) {
    // The loader reports a table file that does not exist at the same place; say it once.
    const std::string loader_says = "figure '" + spec.id + "' names table '" + spec.table + "'";
    for (const base::Diagnostic& d : before) {
      if (d.loc == spec.loc && d.message.rfind(loader_says, 0) == 0) return;
    }
    std::vector<std::string> names;
    for (const auto& entry : edition.tables) names.push_back(entry.first);
    diags.Error(spec.loc, "figure '" + spec.id + "' names table '" + spec.table + "', which does not exist",
                DidYouMean(spec.table, names));
    return;
  }
  const model::Table& table = table_it->second;
  // A table with errors lost the rows in error; checking rows again would only repeat the loader's messages.
  if (files_with_errors.count(table.path)) return;

  std::vector<std::string> indicators, categories, series;
  for (const model::TableRow& row : table.rows) {
    auto add = [](std::vector<std::string>& list, const std::string& id) {
      if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    };
    add(indicators, row.indicator);
    if (row.indicator != spec.indicator) continue;
    add(categories, row.category);
    add(series, row.series);
  }
  const std::string where = "table '" + spec.table + "' (indicator '" + spec.indicator + "')";
  if (std::find(indicators.begin(), indicators.end(), spec.indicator) == indicators.end()) {
    diags.Error(spec.loc, "figure '" + spec.id + "': table '" + spec.table + "' has no indicator '" + spec.indicator + "'",
                DidYouMean(spec.indicator, indicators));
    return;
  }
  auto contains = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  std::vector<std::string> good_categories, good_series;
  for (const auto* list : {&spec.categories, &spec.excluded}) {
    for (const std::string& id : *list) {
      if (contains(categories, id)) {
        good_categories.push_back(id);
      } else {
        diags.Error(spec.loc, "figure '" + spec.id + "': category '" + id + "' is not in " + where,
                    DidYouMean(id, categories));
      }
    }
  }
  for (const std::string& id : spec.series) {
    if (contains(series, id)) {
      good_series.push_back(id);
    } else {
      diags.Error(spec.loc, "figure '" + spec.id + "': series '" + id + "' is not in " + where, DidYouMean(id, series));
    }
  }
  for (const std::string& s : good_series) {
    double sum = 0;
    bool complete = true;
    for (const std::string& c : good_categories) {
      const model::TableRow* row = table.Find(spec.indicator, s, c);
      if (!row) {
        diags.Error(spec.loc, "figure '" + spec.id + "': table '" + spec.table + "' has no row for series '" + s +
                                  "', category '" + c + "'");
        complete = false;
        continue;
      }
      sum += row->value;
    }
    const bool all_found = good_categories.size() == spec.categories.size() + spec.excluded.size();
    if (!spec.single_choice || !all_found) continue;  // a misspelt id was reported; its row would be "unlisted"
    // Every answer of a single-choice question is either drawn or excluded, or the shares cannot add up.
    for (const std::string& c : categories) {
      if (!contains(spec.categories, c) && !contains(spec.excluded, c) && table.Find(spec.indicator, s, c)) {
        diags.Warning(spec.loc, "figure '" + spec.id + "': category '" + c + "' of " + where +
                                    " is neither drawn nor excluded");
      }
    }
    if (complete && std::fabs(sum - 100) > 1 + 1e-9) {
      diags.Error(spec.loc, "figure '" + spec.id + "': the shares of series '" + s + "' add up to " + Number(sum) +
                                ", not 100 (a single-choice figure allows ±1 for rounding)");
    }
  }
}

// The label keys a figure needs, in the order they are reported.
std::vector<std::string> NeededLabels(const model::Edition& edition, const model::FigureSpec& spec) {
  std::vector<std::string> ids;
  auto add = [&ids](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const std::string& id : spec.categories) add(id);
  // A single series whose name is not shown needs no label; the figure's title stands for it.
  if (spec.show_series_name || spec.series.size() != 1) {
    for (const std::string& id : spec.series) add(id);
  }
  for (const std::string& id : spec.excluded) add(id);
  if (!spec.highlight.empty()) {
    if (auto table = edition.tables.find(spec.table); table != edition.tables.end()) {
      for (const std::string& s : spec.series) {
        if (const model::TableRow* row = model::GroupRow(table->second, spec, s)) add(row->category);
      }
    }
  }
  for (const std::string& zone : spec.zone_order) add(zone);
  for (const std::string& zone : spec.zone_order) {
    for (const std::string& item : spec.zones.at(zone)) add(item);
  }
  return ids;
}

void CheckTexts(const model::Edition& edition, const model::LanguageEdition& language, Diagnostics& diags) {
  // A figures.yaml that did not load has said so; comparing against it would only repeat that.
  if (edition.figures_unreadable || language.figures_unreadable) return;
  const std::string path = base::JoinPath(base::JoinPath(edition.root, language.code), "figures.yaml");
  std::vector<std::string> spec_ids;
  for (const auto& entry : edition.figures) spec_ids.push_back(entry.first);
  for (const auto& [id, spec] : edition.figures) {
    if (!language.figures.count(id)) {
      diags.Error({path, 0, 0}, "figure '" + id + "' is missing (every figure of figures.yaml needs its texts in "
                                "every language)");
    }
  }
  const model::LanguageEdition& source = edition.languages.front();
  const bool translation = &language != &source;
  for (const auto& [id, text] : language.figures) {
    auto spec_it = edition.figures.find(id);
    if (spec_it == edition.figures.end()) {
      diags.Error(text.loc, "unknown figure '" + id + "' (not in figures.yaml)", DidYouMean(id, spec_ids));
      continue;
    }
    const std::vector<std::string> needed = NeededLabels(edition, spec_it->second);
    std::vector<std::string> missing;
    for (const std::string& key : needed) {
      if (!text.labels.count(key)) {
        diags.Error(text.loc, "figure '" + id + "' has no label for '" + key + "'");
        missing.push_back(key);
      }
    }
    for (const auto& [key, label] : text.labels) {
      auto loc_it = text.label_locs.find(key);
      const base::SourceLoc loc = loc_it != text.label_locs.end() ? loc_it->second : text.loc;
      if (std::find(needed.begin(), needed.end(), key) == needed.end()) {
        diags.Warning(loc, "label '" + key + "' of figure '" + id + "' is not used by the figure",
                      DidYouMean(key, missing));
      }
      if (translation) {
        auto source_text = source.figures.find(id);
        if (source_text == source.figures.end()) continue;
        auto source_label = source_text->second.labels.find(key);
        if (source_label != source_text->second.labels.end() && PossiblyUntranslated(label, source_label->second)) {
          diags.Warning(loc, "label '" + key + "' of figure '" + id + "' is the same as in language '" + source.code +
                                 "' ('" + label + "'): possibly untranslated",
                        {"translate it in this language's figures.yaml"});
        }
      }
    }
  }
}

}  // namespace

void CheckFigures(const model::Edition& edition, base::Diagnostics& diags) {
  const std::vector<base::Diagnostic> before = diags.Sorted();
  std::set<std::string> files_with_errors;
  for (const base::Diagnostic& d : before) {
    if (d.severity == base::Severity::kError) files_with_errors.insert(d.loc.file);
  }
  for (const auto& [id, spec] : edition.figures) CheckSpec(edition, spec, before, files_with_errors, diags);
  for (const model::LanguageEdition& language : edition.languages) CheckTexts(edition, language, diags);
}

}  // namespace barometer::check
