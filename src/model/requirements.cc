#include "model/requirements.h"

#include "model/edition.h"

namespace barometer::model {

namespace {

bool HasWeb(const Edition& edition, const LanguageEdition&) { return !edition.web.empty(); }
bool HasIsbn(const Edition&, const LanguageEdition& language) { return !language.isbn.empty(); }

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
      "kind-bars"};
  return keys;
}

const std::vector<LabelRequirement>& RequiredLabels() {
  static const std::string kLayout = "the layout", kExports = "the figure exports", kAppendix = "the Excel appendix";
  static const std::vector<LabelRequirement> labels = [] {
    std::vector<LabelRequirement> out = {
        {"contents", kLayout},  {"figure", kLayout},           {"before", kLayout},
        {"now", kLayout},       {"contact", kLayout},          {"contacts", kLayout},
        {"tips-by", kLayout},   {"methodology-facts", kLayout}, {"publisher", kLayout},
        {"published", kLayout}, {"web", kLayout, HasWeb},      {"isbn", kLayout, HasIsbn},
        {"source", kExports},   {"export-series", kExports},   {"export-share", kExports},
        {"export-shown", kExports}, {"export-shown-yes", kExports}, {"export-shown-excluded", kExports},
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
  std::vector<std::string> keys;
  for (const LabelRequirement& label : RequiredLabels()) {
    if (!label.needed_when || label.needed_when(edition, language)) keys.push_back(label.key);
  }
  return keys;
}

}  // namespace barometer::model
