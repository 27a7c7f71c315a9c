// Layout rules, checked on every page of the real 2021 edition in both languages and on the mini fixture:
// nothing overflows, no widows or orphans, headings are not stranded, footnotes sit on their reference's page.
#include "layout/layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "layout/flow.h"
#include "layout/layout_fixture.h"

using namespace barometer;

namespace {

using testing::Laid;
using testing::LayOut;

std::string ReadSource(const std::string& path) {
  std::ifstream in(BAROMETER_SOURCE_DIR "/" + path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first line where two texts differ, with its number, for a readable failure.
std::string FirstDifference(const std::string& got, const std::string& expected) {
  std::istringstream a(got), b(expected);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, la)), more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "none";
    if (la != lb || more_a != more_b) {
      return "line " + std::to_string(line) + ":\n  got      " + (more_a ? la : "(end)") + "\n  expected " +
             (more_b ? lb : "(end)");
    }
  }
}

bool HasTag(const layout::Item& item, const std::string& tag) {
  for (const auto& step : item.tags) {
    if (step.tag == tag) return true;
  }
  return false;
}

// Checks the rules on every page; returns how many paragraphs were split across columns or pages.
int CheckRules(const Laid& laid) {
  const model::Template& design = laid.edition.design;
  const double bottom = design.page_height - design.margins.bottom + 0.01;
  int split_parts = 0;
  for (const layout::Page& page : laid.document.pages) {
    INFO("page " << page.number);
    std::set<std::string> referenced;
    std::map<double, int> notes_per_column, refs_per_column;
    const layout::Item* heading = nullptr;
    for (const layout::Item& item : page.items) {
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (!lines) continue;
      const text::ShapedParagraph& p = *lines->paragraph;
      // Nothing runs off the page or out of its column.
      if (!item.tags.empty()) CHECK(lines->y + p.Height(lines->count) <= bottom);
      for (int i = lines->first; i < lines->first + lines->count; ++i) {
        // Only punctuation hanging into the margin (optical margin alignment) may pass the column's edges.
        const auto& line = p.line(i);
        CHECK_MESSAGE(line.x + line.width - line.protrude_right <= p.width() + 0.5, "overflows: " << p.LineText(i));
        CHECK_MESSAGE(line.x + line.protrude_left >= -0.01, "starts left of its column: " << p.LineText(i));
        CHECK(line.protrude_right <= 0.6 * p.size());
        CHECK(line.protrude_left <= 0.6 * p.size());
        for (const std::string& id : p.FootnotesOnLine(i)) {
          if (referenced.insert(id).second) refs_per_column[lines->x]++;
        }
      }
      if (HasTag(item, "Note")) notes_per_column[lines->x]++;
      // No heading is hyphenated, nor a caption's first line.
      for (const char* tag : {"H1", "H2", "H3", "H4", "Caption"}) {
        if (!HasTag(item, tag)) continue;
        const int last = std::string(tag) == "Caption" ? std::min(lines->first + lines->count, 1)
                                                       : lines->first + lines->count;
        for (int i = lines->first; i < last; ++i) CHECK_FALSE(p.line(i).hyphenated);
      }
      bool body = HasTag(item, "P") || HasTag(item, "LBody");
      // A paragraph split across columns or pages: each part has at least two lines (no widow, no orphan).
      // (Identical short paragraphs may share one shaped paragraph, so only partial placements count.)
      if (body && lines->count < p.line_count()) {
        INFO("split paragraph: " << p.LineText(lines->first));
        CHECK(lines->count >= 2);
        ++split_parts;
      }
      // A heading is followed, on the same page, by at least two lines (or all) of what comes next.
      if (heading && body) {
        int wanted = std::min(2, p.line_count());
        CHECK_MESSAGE(lines->count >= wanted, "heading stranded before: " << p.LineText(lines->first));
        heading = nullptr;
      }
      if ((HasTag(item, "H2") || HasTag(item, "H3")) && !HasTag(item, "Sect") && !HasTag(item, "Div")) heading = &item;
    }
    // Every footnote sits at the foot of the column that references it, on this page.
    CHECK(notes_per_column == refs_per_column);
  }
  return split_parts;
}

// The typographic figures of a laid-out document, from the line breaker's own data (line widths, word spaces,
// hyphens). Justified lines are the lines of justified paragraphs but the last and those ended by a line break;
// body lines are all the lines of justified paragraphs.
struct Typography {
  int body_lines = 0, justified = 0;
  int ragged = 0;          // justified lines set ragged
  int hyphenated = 0;      // body lines ending in a hyphen
  int longest_run = 0;     // most hyphenated lines in a row in one paragraph
  int loose = 0;           // word spaces over 1.6 times the paragraph's median
  int wide = 0;            // word spaces over 1.6 times the font's natural space
  int broken_hyphens = 0;  // hyphenated lines that end a column or page
  int scaled = 0, protruded = 0;
  double Share(int count, int of) const { return of ? 100.0 * count / of : 0; }
};

bool EndsAtLineBreak(const text::ShapedParagraph& p, int i) {
  const auto& line = p.line(i);
  return line.length > 0 && p.text()[line.start + line.length - 1] == '\n';
}

Typography Measure(const layout::Document& document) {
  Typography t;
  std::map<const text::ShapedParagraph*, double> medians;
  auto median_space = [&](const text::ShapedParagraph& p) {
    auto [it, added] = medians.emplace(&p, 0);
    if (!added) return it->second;
    std::vector<double> spaces;
    for (int i = 0; i + 1 < p.line_count(); ++i) {
      if (p.line(i).spaces > 0 && !EndsAtLineBreak(p, i)) spaces.push_back(p.line(i).word_space);
    }
    if (!spaces.empty()) {
      std::sort(spaces.begin(), spaces.end());
      size_t n = spaces.size();
      it->second = n % 2 ? spaces[n / 2] : (spaces[n / 2 - 1] + spaces[n / 2]) / 2;
    }
    return it->second;
  };
  std::set<const text::ShapedParagraph*> runs_seen;
  for (const auto& page : document.pages) {
    for (const auto& item : page.items) {
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (!lines || !lines->paragraph->justified()) continue;
      const text::ShapedParagraph& p = *lines->paragraph;
      if (runs_seen.insert(&p).second) {
        int run = 0;
        for (int i = 0; i < p.line_count(); ++i) {
          run = p.line(i).hyphenated ? run + 1 : 0;
          t.longest_run = std::max(t.longest_run, run);
        }
      }
      const int end = lines->first + lines->count;
      if (end < p.line_count() && p.line(end - 1).hyphenated) ++t.broken_hyphens;
      for (int i = lines->first; i < end; ++i) {
        const auto& line = p.line(i);
        ++t.body_lines;
        t.hyphenated += line.hyphenated;
        t.scaled += line.scale != 1;
        t.protruded += line.protrude_left > 0 || line.protrude_right > 0;
        if (i + 1 == p.line_count() || EndsAtLineBreak(p, i)) continue;
        ++t.justified;
        t.ragged += line.ragged;
        if (line.spaces == 0) continue;
        t.loose += line.word_space > 1.6 * median_space(p) + 1e-6;
        t.wide += line.word_space > 1.6 * p.natural_space() + 1e-6;
      }
    }
  }
  return t;
}


// The pages' figures of issue 14's "Floats and pages", from the compiler's own layout.
struct Pages {
  int section_ends = 0;       // pages ending a section whose text runs in two or more columns
  int unbalanced = 0;         // of those, pages whose column bottoms differ by more than a line
  double total_difference = 0, worst_difference = 0;
  std::string differences;    // "page: points" of each such page
  std::string blanks;         // "page: share" of the body pages that do not end a section
  double worst_blank = 0;     // the most blank of those, a share of the content height
  int lone_box_pages = 0;     // pages of boxes alone leaving more than a third of their content area blank
  int floats = 0;             // figures and tips boxes found
  int misplaced_floats = 0;   // before the page of the paragraph introducing them, or after the next one
  int bottom_floats = 0;      // page-wide figures and boxes ending at a page's foot
};

bool InBox(const layout::Item& item) {
  for (const char* tag : {"Sect", "Div", "Note", "Caption", "Figure", "Table"}) {
    if (HasTag(item, tag)) return true;
  }
  return false;
}

// Text of the flow (paragraphs, list items, headings), not of a box.
bool IsFlowText(const layout::Item& item, double column_width) {
  const auto* lines = std::get_if<layout::TextLines>(&item.content);
  if (!lines || InBox(item)) return false;
  if (!(HasTag(item, "P") || HasTag(item, "LBody") || HasTag(item, "H2") || HasTag(item, "H3"))) return false;
  return lines->paragraph->width() <= column_width + 1;
}

std::string WithoutSoftHyphens(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00AD") == 0) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

// The first and last page holding text that begins with `prefix` (0, 0 when none does).
std::pair<int, int> PagesOfText(const layout::Document& document, const std::string& prefix) {
  std::pair<int, int> found{0, 0};
  for (const layout::Page& page : document.pages) {
    for (const layout::Item& item : page.items) {
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (!lines || WithoutSoftHyphens(lines->paragraph->text()).rfind(prefix, 0) != 0) continue;
      if (!found.first) found.first = page.number;
      found.second = page.number;
    }
  }
  return found;
}

Pages MeasurePages(const Laid& laid, const std::string& language_code) {
  const model::Template& design = laid.edition.design;
  const layout::Document& document = laid.document;
  const double page_bottom = design.page_height - design.margins.bottom;
  const double leading = design.Style("body").leading;
  Pages result;
  std::set<int> section_starts;
  for (const layout::OutlineEntry& entry : document.outline) {
    if (entry.level == 1) section_starts.insert(entry.page);
  }
  for (const layout::Page& page : document.pages) {
    auto master = design.masters.find(page.master);
    if (master == design.masters.end() || master->second.columns < 2) continue;
    const int columns = master->second.columns;
    const double width = design.ColumnWidth(columns);
    std::vector<double> tops(columns, page_bottom), bottoms(columns, 0);
    double lowest = design.margins.top;
    bool flow = false;
    // A column ends with its lowest text or column box (not a footnote, not a page-wide box).
    auto extend_column = [&](double x, double y, double w, double bottom) {
      const int column = static_cast<int>((x - design.margins.inner + 1) / (width + design.gutter));
      if (w > width + 1 || column < 0 || column >= columns) return;
      tops[column] = std::min(tops[column], y);
      bottoms[column] = std::max(bottoms[column], bottom);
    };
    for (const layout::Item& item : page.items) {
      if (const auto* chart = std::get_if<layout::PlacedChart>(&item.content)) {
        lowest = std::max(lowest, chart->y + chart->chart->height);
        extend_column(chart->x, chart->y, chart->chart->width, chart->y + chart->chart->height);
        continue;
      }
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (!lines || item.tags.empty() || HasTag(item, "Note")) continue;
      const double bottom = lines->y + lines->paragraph->Height(lines->count);
      lowest = std::max(lowest, bottom);
      flow = flow || IsFlowText(item, width);
      if (!HasTag(item, "Sect")) extend_column(lines->x, lines->y, lines->paragraph->width(), bottom);
    }
    if (!flow) {
      // A page of boxes alone: at most a third of its content area blank.
      const double blank = 1 - (lowest - design.margins.top) / design.ContentHeight();
      INFO("page " << page.number << " holds boxes alone, " << blank * 100 << "% blank");
      CHECK(blank <= 1.0 / 3 + 1e-6);
      result.lone_box_pages += blank > 1.0 / 3 + 1e-6;
      continue;
    }
    const bool ends_section = section_starts.count(page.number + 1) ||
                              page.number == static_cast<int>(document.pages.size());
    if (!ends_section) {
      // A page inside a section is filled: its lowest text, figure or box near the content area's foot.
      double bottom = lowest;
      for (const layout::Item& item : page.items) {
        const auto* rect = std::get_if<layout::FilledRect>(&item.content);
        // A box's tint; not a page's background nor a band from the page's top edge.
        if (rect && rect->y > design.margins.top - 1 && rect->y + rect->h < page_bottom + 1) {
          bottom = std::max(bottom, rect->y + rect->h);
        }
      }
      const double blank = 1 - (bottom - design.margins.top) / design.ContentHeight();
      std::ostringstream entry;
      entry << " p" << page.number << ": " << static_cast<int>(blank * 100 + 0.5) << "%";
      result.blanks += entry.str();
      result.worst_blank = std::max(result.worst_blank, blank);
      continue;
    }
    // An empty column starts and ends where the others' text starts.
    const double first_top = *std::min_element(tops.begin(), tops.end());
    for (int c = 0; c < columns; ++c) {
      if (bottoms[c] == 0) bottoms[c] = first_top;
    }
    const double difference =
        *std::max_element(bottoms.begin(), bottoms.end()) - *std::min_element(bottoms.begin(), bottoms.end());
    ++result.section_ends;
    result.total_difference += difference;
    result.worst_difference = std::max(result.worst_difference, difference);
    std::ostringstream entry;
    entry << " p" << page.number << ": " << std::fixed << std::setprecision(1) << difference;
    result.differences += entry.str();
    CHECK_MESSAGE(difference <= leading + 0.01,
                  "page " << page.number << " ends a section; its columns end " << difference << "pt apart");
    result.unbalanced += difference > leading + 0.01;
  }
  // Each figure and tips box on the page of the paragraph that introduces it or the next one.
  const model::LanguageEdition* language = nullptr;
  for (const auto& l : laid.edition.languages) {
    if (l.code == language_code) language = &l;
  }
  REQUIRE(language);
  for (const model::Section& section : language->sections) {
    std::string intro;
    for (const model::Block& block : section.blocks) {
      if (const auto* paragraph = std::get_if<model::Paragraph>(&block.content)) {
        intro = paragraph->text.Plain().substr(0, 40);
        continue;
      }
      std::pair<int, int> placed{0, 0};
      if (const auto* figure = std::get_if<model::FigureRef>(&block.content)) {
        for (const layout::Page& page : document.pages) {
          for (const layout::Item& item : page.items) {
            const auto* chart = std::get_if<layout::PlacedChart>(&item.content);
            if (!chart || chart->chart->figure_id != figure->figure_id) continue;
            placed = {page.number, page.number};
            const bool page_wide = chart->chart->width > design.ColumnWidth(2) + 1;
            if (page_wide && chart->y > design.margins.top + design.ContentHeight() / 2) ++result.bottom_floats;
          }
        }
      } else if (const auto* tips = std::get_if<model::TipsBox>(&block.content)) {
        placed = PagesOfText(document, tips->title.Plain().substr(0, 30));
      } else {
        continue;
      }
      ++result.floats;
      if (intro.empty()) continue;
      const std::pair<int, int> introduced = PagesOfText(document, intro);
      INFO(section.id << "/" << block.id << " on page " << placed.first << ", introduced on pages "
                      << introduced.first << "-" << introduced.second);
      const bool in_place = placed.first && introduced.first && placed.first >= introduced.first &&
                            placed.first <= introduced.second + 1;
      CHECK(in_place);
      result.misplaced_floats += !in_place;
    }
  }
  return result;
}

// Footnote marks and notes lead to each other, and links inside notes are clickable.
void CheckFootnoteLinks(const layout::Document& document) {
  std::set<std::string> destinations, targets;
  int notes = 0, note_links = 0;
  for (const layout::Page& page : document.pages) {
    for (const layout::Item& item : page.items) {
      if (const auto* destination = std::get_if<layout::Destination>(&item.content)) {
        destinations.insert(destination->name);
      } else if (const auto* link = std::get_if<layout::LinkArea>(&item.content)) {
        targets.insert(link->target);
        if (HasTag(item, "Note") && link->target.rfind('#', 0) != 0) ++note_links;
      } else if (HasTag(item, "Note")) {
        const auto* lines = std::get_if<layout::TextLines>(&item.content);
        if (!lines) continue;
        ++notes;
        // The note's links all have areas on the page.
        int boxes = 0;
        for (int i = 0; i < lines->paragraph->line_count(); ++i) {
          for (const auto& box : lines->paragraph->LinkBoxes(i)) boxes += box.target.rfind('#', 0) != 0;
        }
        CHECK(boxes > 0);  // the edition's footnote gives a web address
      }
    }
  }
  for (int number = 1; number <= notes; ++number) {
    INFO("footnote " << number);
    CHECK(destinations.count(layout::NoteDestination(number)));
    CHECK(destinations.count(layout::NoteMarkDestination(number)));
    CHECK(targets.count("#" + layout::NoteDestination(number)));      // the mark leads to the note
    CHECK(targets.count("#" + layout::NoteMarkDestination(number)));  // and the note's number back
  }
  CHECK(note_links > 0);
}
}  // namespace

TEST_CASE("layout: the 2021 edition keeps every rule on every page, in both languages") {
  for (std::string language : {"da", "en"}) {
    INFO("language " << language);
    auto laid = LayOut(BAROMETER_SOURCE_DIR "/content/2021", language);
    CHECK_FALSE(laid->diags.HasErrors());
    CHECK(laid->document.pages.size() >= 16);
    // The widow and orphan rules are checked on real splits: the edition has many.
    CHECK(CheckRules(*laid) > 10);
    // One footnote in the edition, and it is on a page.
    int notes = 0;
    for (const auto& page : laid->document.pages) {
      for (const auto& item : page.items) {
        notes += HasTag(item, "Note") && std::holds_alternative<layout::TextLines>(item.content);
      }
    }
    CHECK(notes == 1);
    // Few paragraphs end in a last line shorter than a fifth of the column (without the line breaker's rule
    // against them, one in five did; with it, about one in nine).
    std::set<const text::ShapedParagraph*> seen;
    int paragraphs = 0, short_last_lines = 0;
    for (const auto& page : laid->document.pages) {
      for (const auto& item : page.items) {
        const auto* lines = std::get_if<layout::TextLines>(&item.content);
        if (!lines || !seen.insert(lines->paragraph.get()).second) continue;
        const text::ShapedParagraph& p = *lines->paragraph;
        if (p.line_count() < 2 || p.width() < 200) continue;
        ++paragraphs;
        short_last_lines += p.line(p.line_count() - 1).width < p.width() * 0.2;
      }
    }
    CHECK(paragraphs > 100);
    CHECK(short_last_lines * 8 <= paragraphs);
    const Typography t = Measure(laid->document);
    CHECK(t.justified > 600);
    MESSAGE(language << ": " << t.body_lines << " body lines, " << t.justified << " justified; ragged " << t.ragged
                     << "; hyphenated " << t.hyphenated << " (" << t.Share(t.hyphenated, t.body_lines)
                     << "% of body lines), longest run " << t.longest_run << ", at a column end "
                     << t.broken_hyphens << "; loose " << t.loose << " (" << t.Share(t.loose, t.justified)
                     << "%); spaces over 1.6x natural " << t.wide << " (" << t.Share(t.wide, t.justified)
                     << "%); scaled " << t.scaled << ", protruding " << t.protruded);
    // Issue 14's figures for lines and paragraphs (before: Danish 7 ragged lines, 26% hyphenated, runs of 3, 3
    // hyphens at a column end, 33% wide; English 5 ragged, 21% hyphenated, runs of 5, 5 at a column end, 29% wide).
    CHECK(t.body_lines > 700);
    CHECK(t.ragged == 0);                             // no ragged line inside a justified paragraph
    CHECK(t.hyphenated * 100 <= t.body_lines * 18);   // at most 18% of body lines hyphenated
    CHECK(t.longest_run <= 2);                        // never more than two in a row
    CHECK(t.broken_hyphens == 0);                     // never a hyphen across a column or page break
    CHECK(t.loose * 100 <= t.justified * 4);          // loose lines at most 4%
    CHECK(t.wide * 100 <= t.justified * 15);          // spaces over 1.6x natural on at most 15%
    CHECK(t.scaled > 0);                              // the template allows glyph scaling, and it is used
    CHECK(t.protruded > 0);                           // and optical margins
    // Issue 14's floats and pages.
    const Pages pages = MeasurePages(*laid, language);
    MESSAGE(language << ": " << pages.section_ends << " pages end a section, " << pages.unbalanced
                     << " with columns more than a line apart (mean " << pages.total_difference / pages.section_ends
                     << "pt, worst " << pages.worst_difference << "pt); " << pages.lone_box_pages
                     << " pages of boxes alone with over a third blank; " << pages.floats << " figures and boxes, "
                     << pages.misplaced_floats << " away from their text, " << pages.bottom_floats
                     << " page-wide ones at a page's foot; column feet apart (pt):" << pages.differences
                     << "; blank at the foot of pages inside a section:" << pages.blanks);
    CHECK(pages.section_ends >= 8);
    // Every page ending a section has its columns' feet within a line of each other (checked per page above;
    // before vertical justification, three pages a language were 14-31pt apart).
    const double leading = laid->edition.design.Style("body").leading;
    CHECK(pages.unbalanced == 0);
    CHECK(pages.worst_difference <= leading + 0.01);
    // Pages inside a section are full but for page 10, which holds the figure and the text before the tips box
    // (the section is 43pt too long for two pages; 51% and 46% blank before the cut kept that page fullest).
    // The goal is 25%.
    CHECK(pages.worst_blank <= 0.41);
    CHECK(pages.lone_box_pages == 0);
    CHECK(pages.floats == 12);  // ten figures and two tips boxes
    CHECK(pages.misplaced_floats == 0);
    CheckFootnoteLinks(laid->document);
    // Ten figures, each with alt text.
    REQUIRE(laid->document.figure_alts.size() == 10);
    for (const std::string& alt : laid->document.figure_alts) CHECK(alt.size() > 20);
  }
}

TEST_CASE("layout: the mini edition and the 2021 edition in both languages lay out exactly as recorded") {
  // To record a layout that changed on purpose: `make record-layout`, then review the diff of the .expected files.
  for (const testing::RecordedLayout& recorded : testing::kRecordedLayouts) {
    INFO(recorded.expected);
    auto laid = LayOut(std::string(BAROMETER_SOURCE_DIR "/") + recorded.content, recorded.language);
    CHECK_FALSE(laid->diags.HasErrors());
    CheckRules(*laid);
    const std::string dump = layout::DumpDocument(laid->document);
    const std::string expected = ReadSource(recorded.expected);
    REQUIRE_MESSAGE(!expected.empty(), "no recorded layout; run make record-layout");
    CHECK_MESSAGE(dump == expected, "first difference at " << FirstDifference(dump, expected));
  }
}

TEST_CASE("layout: the dump shows every line of a split paragraph and every glyph run") {
  auto laid = LayOut(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", "en");
  const std::string dump = layout::DumpDocument(laid->document);
  int lines = 0, runs = 0;
  for (const layout::Page& page : laid->document.pages) {
    for (const layout::Item& item : page.items) {
      const auto* text = std::get_if<layout::TextLines>(&item.content);
      if (!text) continue;
      lines += text->count;
      for (int i = text->first; i < text->first + text->count; ++i) {
        runs += static_cast<int>(text->paragraph->line(i).runs.size());
      }
    }
  }
  size_t dumped_lines = 0, dumped_runs = 0;
  std::istringstream in(dump);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("    line ", 0) == 0) ++dumped_lines;
    if (line.rfind("      run ", 0) == 0) ++dumped_runs;
  }
  CHECK(lines > 20);
  CHECK(dumped_lines == static_cast<size_t>(lines));
  CHECK(dumped_runs == static_cast<size_t>(runs));
}

TEST_CASE("layout: page references and the contents show where sections landed") {
  auto laid = LayOut(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", "en");
  const std::string dump = layout::DumpDocument(laid->document);
  // The story refers to the first section, which starts on page 3 (after the cover and the contents).
  CHECK(dump.find("Now text, see page 3.") != std::string::npos);
  CHECK(dump.find("link") != std::string::npos);
  REQUIRE(laid->document.outline.size() >= 3);
  CHECK(laid->document.outline[1].title == "First section");
  CHECK(laid->document.outline[1].page == 3);
}

TEST_CASE("layout: page references that do not settle within the template's passes give a warning") {
  // One pass prints the stand-in page numbers and never sees where things landed.
  auto laid = LayOut(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", "en",
                     [](model::Edition& edition) { edition.design.geometry.passes = 1; });
  CHECK_FALSE(laid->diags.HasErrors());
  const std::vector<base::Diagnostic> found = laid->diags.Sorted();
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == base::Severity::kWarning);
  CHECK(found[0].message == "page references and the contents did not settle within layout.passes (1): a printed "
                            "page number may be wrong");
  // With the template's passes, the same edition settles without a word.
  auto settled = LayOut(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", "en");
  CHECK(settled->diags.Sorted().empty());
}

TEST_CASE("layout: a cover without a series name prints no lone year") {
  auto laid = LayOut(BAROMETER_SOURCE_DIR "/content/2021", "en",
                     [](model::Edition& edition) { edition.languages[1].series.clear(); });
  REQUIRE(laid->edition.languages[1].code == "en");
  const layout::Page& cover = laid->document.pages.at(0);
  int texts = 0;
  for (const layout::Item& item : cover.items) {
    const auto* lines = std::get_if<layout::TextLines>(&item.content);
    if (!lines) continue;
    ++texts;
    CHECK(lines->paragraph->LineText(0).find("2021") == std::string::npos);
  }
  CHECK(texts == 3);  // title, subtitle and publisher
  auto with_series = LayOut(BAROMETER_SOURCE_DIR "/content/2021", "en");
  int series_lines = 0;
  for (const layout::Item& item : with_series->document.pages.at(0).items) {
    const auto* lines = std::get_if<layout::TextLines>(&item.content);
    series_lines += lines && lines->paragraph->LineText(0) == "THE INNOVATION BAROMETER 2021";
  }
  CHECK(series_lines == 1);
}

TEST_CASE("layout: the colophon's date follows the language's date style") {
  for (auto [language, expected] : {std::pair{"da", "15. juni 2021"}, std::pair{"en", "15 June 2021"}}) {
    INFO("language " << language);
    auto laid = LayOut(BAROMETER_SOURCE_DIR "/content/2021", language,
                       [](model::Edition& edition) { edition.publication_date = {2021, 6, 15}; });
    int found = 0;
    for (const layout::Item& item : laid->document.pages.back().items) {
      const auto* lines = std::get_if<layout::TextLines>(&item.content);
      if (lines && lines->paragraph->LineText(0).find(expected) != std::string::npos) ++found;
    }
    CHECK(found == 1);
  }
}
