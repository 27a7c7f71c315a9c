// The Builder's text: rich text to runs (footnote marks, page references), shaping through the cache kept
// across passes, and footnote numbering.
#include <algorithm>
#include <set>

#include "base/cache_key.h"
#include "layout/builder.h"

namespace barometer::layout {

std::string Label(const model::LanguageEdition& language, const std::string& key) {
  auto it = language.labels.find(key);
  return it == language.labels.end() ? key : it->second;
}

std::vector<text::TextRun> Builder::Runs(const RichText& rich, const model::Section* section) {
  std::vector<text::TextRun> runs;
  for (const model::Span& span : rich.spans) {
    text::TextRun run;
    run.emphasis = span.emphasis;
    run.strong = span.strong;
    run.link = span.link;
    run.language = span.language_tag;
    if (!span.footnote.empty()) {
      std::string key = (section ? section->id : std::string()) + "/" + span.footnote;
      const int number = FootnoteNumber(key, section, span.footnote);
      run.text = std::to_string(number);
      run.superscript = true;
      run.footnote = key;
      run.link = "#" + NoteDestination(number);  // the mark leads to its note, and the note's number back
    } else if (!span.page_ref.empty()) {
      auto it = pages_.first_page.find(span.page_ref);
      // Before the first pass has placed anything, a two-digit stand-in keeps the line breaks close.
      run.text = it == pages_.first_page.end() ? "00" : std::to_string(it->second);
      if (run.link.empty()) {
        bool section_ref = std::any_of(language_.sections.begin(), language_.sections.end(),
                                       [&](const model::Section& s) { return s.id == span.page_ref; });
        run.link = "#" + (section_ref ? SectionDestination(span.page_ref) : BlockDestination(span.page_ref));
        if (!section_ref) anchors_.insert(span.page_ref);
      }
    } else {
      run.text = span.text;
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

std::shared_ptr<const text::ShapedParagraph> Builder::Shape(std::vector<text::TextRun> runs,
                                                            const std::string& style_name, double width,
                                                            const base::SourceLoc& loc,
                                                            const std::string& link_colour,
                                                            const std::vector<int>& unhyphenated_lines) {
  const TextStyle& style = design_.Style(style_name);
  base::CacheKey fields;
  fields.Add(style_name).Add(width).Add(link_colour).Add(static_cast<double>(unhyphenated_lines.size()));
  for (int line : unhyphenated_lines) fields.Add(line);
  for (const text::TextRun& r : runs) {
    fields.Add(r.text).Add(r.emphasis + 2 * r.strong + 4 * r.superscript).Add(r.link).Add(r.footnote).Add(r.language);
  }
  std::string key = fields.Take();
  auto cached = cache_.find(key);
  if (cached != cache_.end()) {
    ShapeCache::Entry& entry = cached->second;
    entry.used = true;
    for (base::Diagnostic d : entry.diagnostics) {
      if (d.loc == entry.loc) d.loc = loc;  // the same text elsewhere, or moved by an edit above it
      diags_.Add(std::move(d));
    }
    return entry.paragraph;
  }
  text::ParagraphInput input;
  input.runs = std::move(runs);
  input.style = style;
  input.colour = design_.Colour(style.colour);
  input.link_colour = design_.Colour(link_colour);
  input.width = width;
  input.max_word_space = design_.max_word_space;
  input.min_word_space = design_.min_word_space;
  input.max_hyphens_in_row = design_.max_hyphens_in_row;
  input.superscript_rise = design_.geometry.superscript.rise;
  input.superscript_size = design_.geometry.superscript.size;
  input.hyphenate = !IsHeading(style_name);
  input.glyph_scaling = design_.glyph_scaling;
  input.margins = design_.optical_margins;
  input.unhyphenated_lines = unhyphenated_lines;
  base::Diagnostics found;
  auto shaped = shaper_.Shape(input, loc, found);
  std::vector<base::Diagnostic> diagnostics = found.Sorted();
  for (const base::Diagnostic& d : diagnostics) diags_.Add(d);
  cache_.emplace(std::move(key), ShapeCache::Entry{shaped, std::move(diagnostics), loc, true});
  return shaped;
}

std::shared_ptr<const text::ShapedParagraph> Builder::ShapePlain(const std::string& text, const std::string& style_name,
                                                                 double width, const base::SourceLoc& loc) {
  text::TextRun run;
  run.text = text;
  return Shape({run}, style_name, width, loc);
}

bool Builder::IsHeading(const std::string& style_name) const {
  static const std::set<std::string> headings = {"h1",        "h2",          "h3",
                                                 "box-title", "box-heading", "toc-title", "cover-title"};
  if (headings.count(style_name)) return true;
  return std::any_of(design_.masters.begin(), design_.masters.end(),
                     [&](const auto& master) { return master.second.title_style == style_name; });
}

int Builder::FootnoteNumber(const std::string& key, const model::Section* section, const std::string& id) {
  auto it = footnote_numbers_.find(key);
  if (it != footnote_numbers_.end()) return it->second;
  int number = static_cast<int>(footnote_numbers_.size()) + 1;
  footnote_numbers_[key] = number;
  if (section) {
    for (const model::Footnote& note : section->footnotes) {
      if (note.id != id) continue;
      std::vector<text::TextRun> runs;
      text::TextRun mark, space;
      mark.text = std::to_string(number);
      mark.link = "#" + NoteMarkDestination(number);
      space.text = "\u2002";
      runs.push_back(mark);
      runs.push_back(space);
      for (text::TextRun& r : Runs(note.text, section)) runs.push_back(std::move(r));
      auto paragraph = Shape(std::move(runs), "footnote", column_width_, note.loc);
      footnotes_[key] = {number, paragraph, PhraseTags(*paragraph)};
    }
  }
  return number;
}

}  // namespace barometer::layout
