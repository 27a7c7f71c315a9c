#include "layout/layout.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "layout/builder.h"

namespace barometer::layout {
namespace {

Document LayoutPass(const LayoutInput& input, const PageMap& previous, PageMap& placed, ShapeCache::Map& cache,
                    base::Diagnostics& diags) {
  const model::Template& design = input.edition->design;
  const model::LanguageEdition& language = *input.language;
  Document document;
  document.page_width = design.page_width;
  document.page_height = design.page_height;
  Builder builder(input, previous, cache, diags);
  builder.column_width_ = design.ColumnWidth(design.masters.at("body").columns);

  std::vector<SectionFlow> sections;
  for (const model::Section& section : language.sections) sections.push_back(builder.Section(section));

  Distributor distributor(design, builder.footnotes(), document, placed, diags);
  distributor.SetAnchors(builder.anchors());
  distributor.AddSinglePage(design.masters.at("cover"), builder.Cover(), design.margins.top);
  FlowBox contents = builder.Contents(sections);
  distributor.AddSinglePage(design.masters.at("contents"), contents, design.margins.top);
  placed.first_page.emplace("contents", 2);
  for (const SectionFlow& section : sections) distributor.AddSection(section);
  distributor.Finish();
  builder.AddFooters(document);

  document.outline.push_back({Label(language, "contents"), "contents", 1, 2});
  for (const SectionFlow& section : sections) {
    auto it = placed.first_page.find(section.id);
    // A section with no title (a back cover) has no entry; its subheadings then stand at the top level.
    if (!section.title.empty()) {
      document.outline.push_back({section.title, SectionDestination(section.id), 1,
                                  it == placed.first_page.end() ? 0 : it->second});
    }
    const int sub_level = section.title.empty() ? 1 : 2;
    for (const auto& [title, destination] : section.subheadings) {
      auto sub = placed.first_page.find(destination);
      document.outline.push_back({title, destination, sub_level, sub == placed.first_page.end() ? 0 : sub->second});
    }
  }

  document.metadata.title = language.title;
  document.metadata.subject = language.subtitle;
  document.metadata.author = language.publisher;
  std::string keywords;
  for (const std::string& keyword : language.keywords) keywords += (keywords.empty() ? "" : ", ") + keyword;
  document.metadata.keywords = keywords;
  document.metadata.creator = input.creator;
  document.metadata.date = input.edition->publication_date.IsoTimestamp();
  document.metadata.language = language.locale;
  for (const Page& page : document.pages) {
    for (const Item& item : page.items) {
      if (std::holds_alternative<PlacedChart>(item.content)) document.figure_alts.push_back(item.alt);
    }
  }
  return document;
}

}  // namespace

void ShapeCache::DropUnused() {
  for (auto it = entries.begin(); it != entries.end();) {
    if (!it->second.used) {
      it = entries.erase(it);
    } else {
      it->second.used = false;
      ++it;
    }
  }
}

Document LayoutEdition(const LayoutInput& input, base::Diagnostics& diags) {
  // Page references and the contents depend on where things land, and where things land can depend on the
  // numbers printed. Lay out until the page map stops changing (twice in practice), with the template's cap.
  const model::Template& design = input.edition->design;
  const int passes = std::max(1, design.geometry.passes);
  PageMap previous;
  Document document;
  ShapeCache own;
  ShapeCache::Map& cache = input.shapes ? input.shapes->entries : own.entries;
  for (int pass = 0; pass < passes; ++pass) {
    PageMap placed;
    base::Diagnostics pass_diags;
    document = LayoutPass(input, previous, placed, cache, pass_diags);
    bool settled = placed == previous;
    previous = placed;
    if (settled || pass + 1 == passes) {
      for (const base::Diagnostic& d : pass_diags.Sorted()) diags.Add(d);
      if (!settled) {
        diags.Warning({design.path, 0, 0},
                      "page references and the contents did not settle within layout.passes (" +
                          std::to_string(passes) + "): a printed page number may be wrong",
                      {"raise layout.passes in the template, or look for a reference whose page number moves "
                       "the text it points to"});
      }
      break;
    }
  }
  if (input.shapes) input.shapes->DropUnused();
  if (static_cast<int>(document.pages.size()) > kMaxPages) {
    // Said at the section that runs past the limit.
    const model::Section* culprit = nullptr;
    for (const model::Section& section : input.language->sections) {
      auto it = previous.first_page.find(section.id);
      if (culprit && it != previous.first_page.end() && it->second > kMaxPages) break;
      culprit = &section;
    }
    diags.Error(culprit ? culprit->loc : base::SourceLoc{input.edition->root, 0, 0},
                "the edition runs to " + std::to_string(document.pages.size()) + " pages in language '" +
                    input.language->code + "'; the limit is " + std::to_string(kMaxPages));
  }
  return document;
}

}  // namespace barometer::layout
