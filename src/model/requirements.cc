#include "model/requirements.h"

#include <set>
#include <variant>

#include "model/edition.h"

namespace barometer::model {

namespace {

// The optional labels `language` of `edition` prints.
std::set<std::string> PrintedOptionalLabels(const Edition& edition, const LanguageEdition& language) {
  std::set<std::string> used;
  for (const Section& section : language.sections) {
    ForEachBlock(section.blocks, [&](const Block& block) {
      if (const auto* story = std::get_if<CaseStory>(&block.content)) {
        if (!story->before.empty()) used.insert("before");
        if (!story->now.empty()) used.insert("now");
        if (!story->contacts.empty()) used.insert(story->contacts.size() == 1 ? "contact" : "contacts");
      } else if (const auto* tips = std::get_if<TipsBox>(&block.content)) {
        if (!tips->giver.name.empty()) used.insert("tips-by");
      } else if (std::holds_alternative<Methodology>(block.content)) {
        used.insert("methodology-facts");
      } else if (std::holds_alternative<Colophon>(block.content)) {
        used.insert("published");
        if (!edition.web.empty()) used.insert("web");
      }
    });
  }
  if (!language.isbn.empty()) used.insert("isbn");  // the colophon and the workbook's cover print it
  if (!edition.figures.empty()) used.insert("figure");
  // Every figure's sheet ends in a source line: its own, else the edition's.
  bool all_have_sources = !edition.figures.empty();
  for (const auto& [id, spec] : edition.figures) {
    auto text = language.figures.find(id);
    const bool has_source = text != language.figures.end() && !text->second.source.empty();
    all_have_sources = all_have_sources && has_source;
    if (has_source) used.insert("figure-source");
    if (!spec.group_base_n.empty()) {
      used.insert("figure-base");
      used.insert("appendix-base-groups");
    }
    if (!spec.significant_pairs.empty()) used.insert("significant-pair");
  }
  if (!all_have_sources) used.insert("source");
  return used;
}

}  // namespace

const std::vector<std::string>& RequiredColours() {
  static const std::vector<std::string> names = {"text", "muted", "accent", "accent-2", "rule", "paper", "cover-text",
                                                 "box-tint", "case-tint", "link", "gridline"};
  return names;
}

const std::vector<std::string>& RequiredStyles() {
  static const std::vector<std::string> names = {
      "body",         "lead",         "h1",          "h2",           "h3",           "kicker",
      "list",         "quote",        "footnote",    "footer",       "toc-title",    "toc-entry",
      "cover-series", "cover-title",  "cover-subtitle", "cover-publisher", "box-title", "box-heading",
      "box-body",     "box-small",    "fact-label",  "fact-value",   "figure-title", "figure-note", "figure-label",
      "figure-value", "figure-headline", "colophon"};
  return names;
}

const std::vector<std::string>& RequiredMasters() {
  static const std::vector<std::string> names = {"cover", "contents", "body", "case", "tips", "methodology",
                                                 "back-cover"};
  return names;
}

const std::vector<std::string>& RequiredPhrases() {
  static const std::vector<std::string> keys = {
      "and",           "share",          "value",          "category",       "categories",
      "groups",         "extremes",       "compare",        "at",
      "chart-of",      "chart-of-parts", "stacked-bar",    "diverging",      "bars",
      "donut",         "donut-group",    "zones",          "kind-stacked-bars", "kind-columns",
      "kind-bars",     "all-values",     "value-of",       "in-category",    "gap"};
  return keys;
}

const std::vector<LabelRequirement>& RequiredLabels() {
  static const std::string kLayout = "the layout", kExports = "the figure exports", kAppendix = "the Excel appendix";
  static const std::vector<LabelRequirement> labels = [] {
    std::vector<LabelRequirement> out = {
        {"contents", kLayout},
        {"publisher", kLayout},
        {"figure", kLayout, true},
        {"before", kLayout, true},
        {"now", kLayout, true},
        {"contact", kLayout, true},
        {"contacts", kLayout, true},
        {"tips-by", kLayout, true},
        {"methodology-facts", kLayout, true},
        {"published", kLayout, true},
        {"web", kLayout, true},
        {"isbn", kLayout, true},
        {"figure-source", kLayout, true},
        {"figure-base", kLayout, true},
        {"significant-pair", kLayout, true},
        {"source", kExports, true},
        {"export-series", kExports},
        {"export-share", kExports},
        {"export-shown", kExports},
        {"export-shown-yes", kExports},
        {"export-shown-excluded", kExports},
        {"appendix-base-groups", kAppendix, true},
    };
    for (const char* key :
         {"title", "about", "about-heading", "source-heading", "published", "cover", "contents", "contents-link",
          "contents-intro", "notes-title", "notes-link", "notes-intro", "notes-line", "note-ref", "note-number",
          "note-text", "sheet", "sheet-title", "sheet-chart", "sheet-excluded", "sheet-further", "figure",
          "one-table", "chart-line", "category", "n", "percent-unit", "question", "population", "base",
          "base-figure", "base-note", "weighting", "significance", "significant-categories", "significant-overall",
          "excluded", "excluded-note", "other-values", "x-note", "zone", "zone-item", "zones-note"}) {
      out.push_back({std::string("appendix-") + key, kAppendix});
    }
    return out;
  }();
  return labels;
}

std::vector<std::string> NeededLabels(const Edition& edition, const LanguageEdition& language) {
  const std::set<std::string> printed = PrintedOptionalLabels(edition, language);
  std::vector<std::string> keys;
  for (const LabelRequirement& label : RequiredLabels()) {
    if (!label.optional || printed.count(label.key)) keys.push_back(label.key);
  }
  return keys;
}

}  // namespace barometer::model
