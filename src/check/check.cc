#include "check/check.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/edit_distance.h"
#include "check/staleness.h"
#include "model/requirements.h"
#include "model/text_visit.h"

namespace barometer::check {
namespace {

using model::Block;
using model::ForEachText;
using model::RichText;
using model::Section;

void CheckReferences(const model::Edition& edition, const model::LanguageEdition& language,
                     base::Diagnostics& diags) {
  std::set<std::string> targets;  // ids a page reference may name
  // A file that did not load hides its ids: what it would have defined or placed cannot be told missing.
  bool all_loaded = true;
  for (const Section& section : language.sections) {
    targets.insert(section.id);
    model::ForEachBlock(section.blocks, [&](const Block& block) { targets.insert(block.id); });
    all_loaded = all_loaded && !section.unreadable;
  }
  std::vector<std::string> figure_ids;
  for (const auto& [id, spec] : edition.figures) figure_ids.push_back(id);
  std::map<std::string, const Block*> figure_uses;

  for (const Section& section : language.sections) {
    std::set<std::string> notes, used_notes;
    std::vector<std::string> note_ids;
    for (const model::Footnote& note : section.footnotes) {
      notes.insert(note.id);
      note_ids.push_back(note.id);
    }
    auto check_text = [&](const RichText& text) {
      for (const model::Span& span : text.spans) {
        if (!span.footnote.empty()) {
          used_notes.insert(span.footnote);
          if (!notes.count(span.footnote)) {
            diags.Error(span.loc, "footnote '" + span.footnote + "' is not defined in this section's footnotes",
                        base::DidYouMean(span.footnote, note_ids));
          }
        }
        if (!span.page_ref.empty() && !targets.count(span.page_ref) && all_loaded) {
          diags.Error(span.loc, "page reference to '" + span.page_ref + "', which is no section or block id");
        }
        if (!span.link.empty() && span.link.rfind("http://", 0) != 0 && span.link.rfind("https://", 0) != 0) {
          diags.Error(span.loc, "link target '" + span.link + "' must start with http:// or https://");
        }
      }
    };
    for (const Block& block : section.blocks) ForEachText(block, check_text);  // a case's story included
    model::ForEachBlock(section.blocks, [&](const Block& block) {
      if (const auto* figure = std::get_if<model::FigureRef>(&block.content)) {
        if (!edition.figures.count(figure->figure_id)) {
          if (edition.figures_unreadable) return;
          diags.Error(block.loc, "figure '" + figure->figure_id + "' does not exist in figures.yaml",
                      base::DidYouMean(figure->figure_id, figure_ids));
        } else if (!figure_uses.emplace(figure->figure_id, &block).second) {
          diags.Error(block.loc, "figure '" + figure->figure_id + "' is placed twice");
        }
      }
    });
    for (const model::Footnote& note : section.footnotes) {
      check_text(note.text);
      if (!used_notes.count(note.id)) diags.Warning(note.loc, "footnote '" + note.id + "' is never referenced");
    }
    check_text(section.title);
  }
  if (language.code == edition.source_language && all_loaded) {
    for (const std::string& id : figure_ids) {
      if (!figure_uses.count(id)) {
        diags.Warning(edition.figures.at(id).loc, "figure '" + id + "' is not placed in any section");
      }
    }
  }
}

// A translation must have the source's blocks, in the same order and of the same kinds.
void CheckTranslation(const model::LanguageEdition& source, const model::LanguageEdition& other,
                      base::Diagnostics& diags) {
  for (size_t s = 0; s < source.sections.size() && s < other.sections.size(); ++s) {
    const Section& a = source.sections[s];
    const Section& b = other.sections[s];
    if (a.unreadable || b.unreadable) continue;
    // A case's story counts block by block, in reading order, like the section's own blocks.
    std::vector<const Block*> a_blocks, b_blocks;
    model::ForEachBlock(a.blocks, [&](const Block& block) { a_blocks.push_back(&block); });
    model::ForEachBlock(b.blocks, [&](const Block& block) { b_blocks.push_back(&block); });
    std::map<std::string, const Block*> source_blocks, other_blocks;
    for (const Block* block : a_blocks) source_blocks[block->id] = block;
    for (const Block* block : b_blocks) other_blocks[block->id] = block;
    for (const Block* block_ptr : a_blocks) {
      const Block& block = *block_ptr;
      auto it = other_blocks.find(block.id);
      if (it == other_blocks.end()) {
        diags.Error(b.loc, "block '" + block.id + "' (" + model::BlockKindName(block.content) + ", " +
                               block.loc.file + ":" + std::to_string(block.loc.line) + ") is missing in language '" +
                               other.code + "'");
      } else if (it->second->content.index() != block.content.index()) {
        diags.Error(it->second->loc, "block '" + block.id + "' is a " + model::BlockKindName(it->second->content) +
                                         " here but a " + model::BlockKindName(block.content) + " in language '" +
                                         source.code + "'");
      }
    }
    for (const Block* block : b_blocks) {
      if (!source_blocks.count(block->id)) {
        diags.Error(block->loc, "block '" + block->id + "' is not in the source language '" + source.code + "'");
      }
    }
    // Same ids, different order: the translation reads differently.
    std::vector<std::string> order_a, order_b;
    for (const Block* block : a_blocks) {
      if (other_blocks.count(block->id)) order_a.push_back(block->id);
    }
    for (const Block* block : b_blocks) {
      if (source_blocks.count(block->id)) order_b.push_back(block->id);
    }
    for (size_t i = 0; i < order_a.size() && i < order_b.size(); ++i) {
      if (order_a[i] != order_b[i]) {
        diags.Error(other_blocks[order_b[i]]->loc, "block '" + order_b[i] + "' is out of order: language '" +
                                                       source.code + "' has '" + order_a[i] + "' here");
        break;
      }
    }
    std::set<std::string> notes_a, notes_b;
    for (const model::Footnote& note : a.footnotes) notes_a.insert(note.id);
    for (const model::Footnote& note : b.footnotes) notes_b.insert(note.id);
    for (const model::Footnote& note : a.footnotes) {
      if (!notes_b.count(note.id)) diags.Error(b.loc, "footnote '" + note.id + "' is missing in language '" + other.code + "'");
    }
    for (const model::Footnote& note : b.footnotes) {
      if (!notes_a.count(note.id)) {
        diags.Error(note.loc, "footnote '" + note.id + "' is not in the source language '" + source.code + "'");
      }
    }
    if (a.master != b.master) {
      diags.Error(b.loc, "section uses master '" + b.master + "' but language '" + source.code + "' uses '" +
                             a.master + "'");
    }
  }
}

}  // namespace

bool PossiblyUntranslated(const std::string& text, const std::string& source_text) {
  return text == source_text && text.find(' ') != std::string::npos;
}

void CheckEdition(const model::Edition& edition, base::Diagnostics& diags) {
  if (edition.languages.empty()) return;
  const model::LanguageEdition& source = edition.languages.front();
  for (const model::LanguageEdition& language : edition.languages) {
    CheckReferences(edition, language, diags);
    for (const Section& section : language.sections) {
      if (!edition.design.masters.empty() && !edition.design.masters.count(section.master)) {
        diags.Error(section.loc, "master page '" + section.master + "' is not in template '" +
                                     edition.design.name + "'");
      }
      if (!section.unreadable && model::ListedInContents(section.master) && section.TitleForContents().empty()) {
        diags.Error(section.loc, "section '" + section.id + "' has no title, and the contents list it",
                    {"give it a 'title:', or open it with a level-2 heading or a tips box with a title (the contents "
                     "take that)"});
      }
    }
    const std::vector<std::string> needed = model::NeededLabels(edition, language);
    for (const std::string& key : needed) {
      if (!language.labels.count(key) && !language.labels_unreadable) {
        diags.Error(language.LabelsLoc(), "label '" + key + "' is missing");
      }
    }
    if (&language == &source) continue;
    CheckTranslation(source, language, diags);
    CheckStaleness(source, language, diags);
    if (source.labels_unreadable || language.labels_unreadable) continue;
    for (const auto& [key, text] : language.labels) {
      auto source_label = source.labels.find(key);
      if (source_label == source.labels.end()) {
        diags.Error(language.label_locs.at(key), "label '" + key + "' is not in the source language '" + source.code + "'");
      } else if (language.label_locs.at(key).file == language.labels_file &&
                 PossiblyUntranslated(text, source_label->second)) {
        // Only the edition's own labels: a profile's defaults were written in their language.
        diags.Warning(language.label_locs.at(key), "label '" + key + "' is the same as in language '" + source.code +
                                                       "' ('" + text + "'): possibly untranslated");
      }
    }
    for (const auto& [key, text] : source.labels) {
      // A missing needed label is reported above; a declared label this language does not print is not needed.
      const auto& declared = model::RequiredLabels();
      const bool is_declared = std::any_of(declared.begin(), declared.end(),
                                           [&](const model::LabelRequirement& label) { return label.key == key; });
      if (!language.labels.count(key) && !is_declared) {
        diags.Error(language.LabelsLoc(), "label '" + key + "' of language '" + source.code + "' is missing");
      }
    }
  }
}

}  // namespace barometer::check
