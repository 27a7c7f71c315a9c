// Layout rules, checked on every page of the real 2021 edition in both languages and on the mini fixture:
// nothing overflows, no widows or orphans, headings are not stranded, footnotes sit on their reference's page.
#include "layout/layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <vector>

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
      for (const auto& item : page.items) notes += HasTag(item, "Note");
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
