// The line breaker on made-up widths: total fit for justified text, first fit otherwise, and the limits on
// word spaces.
#include "text/line_breaker.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using barometer::text::BreakCandidate;
using barometer::text::BreakLines;
using barometer::text::BreakOptions;
using barometer::text::LineBreak;

namespace {

constexpr double kSpace = 3;

// A paragraph of words of the given widths, one space between them. A width written as a negative number is a
// word that may be hyphenated after its first -width/2 points (the hyphen is 2 points wide).
std::vector<BreakCandidate> Words(const std::vector<double>& widths) {
  std::vector<BreakCandidate> candidates(1);
  double x = 0;
  int spaces = 0;
  for (size_t i = 0; i < widths.size(); ++i) {
    double width = std::abs(widths[i]);
    if (widths[i] < 0) {
      BreakCandidate hyphen;
      hyphen.start_x = hyphen.end_x = x + width / 2;
      hyphen.end_x += 2;
      hyphen.start_spaces = hyphen.end_spaces = spaces;
      hyphen.hyphen = true;
      candidates.push_back(hyphen);
    }
    x += width;
    BreakCandidate after;
    after.end_x = x;
    after.end_spaces = spaces;
    if (i + 1 < widths.size()) {
      x += kSpace;
      ++spaces;
    }
    after.start_x = x;
    after.start_spaces = spaces;
    after.forced = i + 1 == widths.size();
    candidates.push_back(after);
  }
  return candidates;
}

// `count` words 8 to 45 points wide from a fixed pseudo-random sequence; `hyphenable(i, width)` says which words
// may be hyphenated.
template <typename Hyphenable>
std::vector<BreakCandidate> RandomWords(unsigned seed, int count, Hyphenable hyphenable) {
  std::vector<double> widths;
  unsigned state = seed;
  for (int i = 0; i < count; ++i) {
    state = state * 1103515245u + 12345u;
    double width = 8 + static_cast<double>((state >> 16) % 38);
    widths.push_back(hyphenable(i, width) ? -width : width);
  }
  return Words(widths);
}

BreakOptions Justified(double width) {
  BreakOptions options;
  options.width = width;
  options.space = kSpace;
  options.max_word_space = 2.6;
  options.min_word_space = 0.8;
  return options;
}

// The widest word space of any line but the last, as a multiple of a normal space.
double LoosestSpace(const std::vector<BreakCandidate>& c, const std::vector<LineBreak>& lines, double width) {
  double loosest = 1;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    int spaces = c[lines[i].to].end_spaces - c[lines[i].from].start_spaces;
    if (spaces > 0) loosest = std::max(loosest, 1 + (width - lines[i].natural_width) / spaces / kSpace);
  }
  return loosest;
}

// How unevenly the lines but the last are spaced: the sum of squares of each line's word-space change, in
// multiples of a normal space.
double Unevenness(const std::vector<BreakCandidate>& c, const std::vector<LineBreak>& lines, double width) {
  double sum = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    int spaces = c[lines[i].to].end_spaces - c[lines[i].from].start_spaces;
    double change = spaces > 0 ? (width - lines[i].natural_width) / spaces / kSpace : width / kSpace;
    sum += change * change;
  }
  return sum;
}

bool Covers(const std::vector<BreakCandidate>& c, const std::vector<LineBreak>& lines) {
  if (lines.empty() || lines.front().from != 0 || lines.back().to != static_cast<int>(c.size()) - 1) return false;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].from != lines[i - 1].to) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("line breaker: total fit evens out the word spaces that first fit leaves uneven") {
  // A long paragraph, every third word hyphenable where it is long enough.
  auto c = RandomWords(12345, 300, [](int i, double width) { return i % 3 == 2 && width > 20; });
  BreakOptions justified = Justified(200);
  BreakOptions first_fit = justified;
  first_fit.total_fit = false;
  auto total = BreakLines(c, justified);
  auto greedy = BreakLines(c, first_fit);
  REQUIRE(Covers(c, total));
  REQUIRE(Covers(c, greedy));
  CHECK(LoosestSpace(c, total, 200) < LoosestSpace(c, greedy, 200));
  CHECK(Unevenness(c, total, 200) < 0.7 * Unevenness(c, greedy, 200));
  int greedy_ragged = 0;
  for (size_t i = 0; i + 1 < greedy.size(); ++i) greedy_ragged += LoosestSpace(c, {greedy[i], greedy.back()}, 200) > 2.6;
  CHECK(greedy_ragged > 0);  // first fit leaves lines that cannot be justified; total fit finds a way round them
  for (size_t i = 0; i + 1 < total.size(); ++i) {
    int spaces = c[total[i].to].end_spaces - c[total[i].from].start_spaces;
    CHECK_FALSE(total[i].ragged);
    CHECK(total[i].natural_width + total[i].extra_per_space * spaces == doctest::Approx(200));
    CHECK(total[i].extra_per_space >= -0.2 * kSpace - 1e-9);  // shrunk at most to min_word_space
  }
  CHECK(total.back().extra_per_space <= 0);  // the last line is never stretched
  for (const LineBreak& line : greedy) CHECK(line.natural_width <= 200);
}

TEST_CASE("line breaker: spaces shrink to the template's minimum, never further") {
  // Four words are 107 points at natural spacing: they fit in 100 only with each space 7/3 points narrower.
  // Three words leave 19 points for two spaces, far beyond the limit on stretching.
  auto c = Words({25, 25, 25, 23, 40});
  BreakOptions options = Justified(100);
  options.min_word_space = 0.2;
  auto lines = BreakLines(c, options);
  REQUIRE(Covers(c, lines));
  CHECK(lines[0].to == 4);
  CHECK(lines[0].extra_per_space == doctest::Approx(-7.0 / 3));
  CHECK_FALSE(lines[0].ragged);
  options.min_word_space = 0.8;
  lines = BreakLines(c, options);
  REQUIRE(Covers(c, lines));
  CHECK(lines[0].to == 3);
  // No breaking keeps the spaces within 2.6 times; the emergency pass justifies the line rather than leave it short.
  CHECK_FALSE(lines[0].ragged);
  CHECK(lines[0].extra_per_space == doctest::Approx(9.5));
}

TEST_CASE("line breaker: where no breaking fits the limits, the emergency pass spreads the stretch and sets no line ragged") {
  // Two 45-point words fill a line to 93 points: one space would have to grow to 10 points (3.3 times).
  auto c = Words({45, 45, 45, 45, 45});
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(Covers(c, lines));
  REQUIRE(lines.size() == 3);
  CHECK_FALSE(lines[0].ragged);
  CHECK_FALSE(lines[1].ragged);
  CHECK(lines[0].extra_per_space == doctest::Approx(7));
  // A narrow column of long words: the stretch lands on several lines, each justified.
  auto narrow = RandomWords(2024, 120, [](int, double) { return false; });
  lines = BreakLines(narrow, Justified(90));
  REQUIRE(Covers(narrow, lines));
  int stretched_past_limit = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    int spaces = narrow[lines[i].to].end_spaces - narrow[lines[i].from].start_spaces;
    if (spaces == 0) continue;  // a lone word: nothing to stretch
    CHECK_FALSE(lines[i].ragged);
    CHECK(lines[i].drawn_width == doctest::Approx(90));
    stretched_past_limit += kSpace + lines[i].extra_per_space > 2.6 * kSpace;
  }
  CHECK(stretched_past_limit > 1);
}

TEST_CASE("line breaker: glyph scaling takes up part of the slack, within its range, evening the spaces") {
  auto c = RandomWords(31337, 400, [](int i, double width) { return i % 4 == 1 && width > 20; });
  BreakOptions plain = Justified(200);
  BreakOptions scaled = plain;
  scaled.glyph_scaling = 0.02;
  auto count_wide = [&](const std::vector<LineBreak>& lines) {
    int wide = 0;
    for (size_t i = 0; i + 1 < lines.size(); ++i) wide += lines[i].scale * (kSpace + lines[i].extra_per_space) > 1.6 * kSpace;
    return wide;
  };
  auto without = BreakLines(c, plain);
  auto with = BreakLines(c, scaled);
  REQUIRE(Covers(c, with));
  int changed = 0;
  for (size_t i = 0; i + 1 < with.size(); ++i) {
    CHECK(with[i].scale >= 0.98 - 1e-9);
    CHECK(with[i].scale <= 1.02 + 1e-9);
    CHECK(with[i].drawn_width == doctest::Approx(200));
    changed += with[i].scale != 1;
  }
  CHECK(with.back().scale == 1);  // the last line keeps its natural width
  CHECK(changed > 0);
  for (const LineBreak& line : without) CHECK(line.scale == 1);
  CHECK(count_wide(with) < count_wide(without));
  // The same input gives the same breaks and scales.
  auto again = BreakLines(c, scaled);
  REQUIRE(again.size() == with.size());
  for (size_t i = 0; i < with.size(); ++i) CHECK((again[i].to == with[i].to && again[i].scale == with[i].scale));
}

TEST_CASE("line breaker: glyph scales take steps of a fifth of the limit, and the spaces still fill the line") {
  // Each scale is a font instance of its own in the PDF renderer, so a few steps, not one scale a line.
  auto c = RandomWords(4242, 600, [](int i, double width) { return i % 3 == 1 && width > 18; });
  BreakOptions scaled = Justified(180);
  scaled.glyph_scaling = 0.02;
  auto lines = BreakLines(c, scaled);
  REQUIRE(Covers(c, lines));
  std::vector<double> scales;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const LineBreak& line = lines[i];
    if (line.ragged) continue;
    const double steps = (line.scale - 1) / 0.004;
    CHECK(steps == doctest::Approx(std::round(steps)).epsilon(1e-9));
    CHECK(std::abs(steps) <= 5 + 1e-9);
    CHECK(line.drawn_width == doctest::Approx(180));
    // The spaces stay within the template's limits; only a line the emergency pass stretched beyond them (its
    // glyphs at the widest) has wider ones.
    CHECK(kSpace + line.extra_per_space >= kSpace * scaled.min_word_space - 0.01);
    if (line.scale < 1.02 - 1e-9)
      CHECK(line.scale * (kSpace + line.extra_per_space) <= kSpace * scaled.max_word_space + 0.01);
    if (std::find(scales.begin(), scales.end(), line.scale) == scales.end()) scales.push_back(line.scale);
  }
  CHECK(scales.size() > 2);
  CHECK(scales.size() <= 11);
}

TEST_CASE("line breaker: the search that first leaves out lines as loose as the cap finds the full search's breaks") {
  // Paragraphs of every kind: short and long, narrow columns (where only very loose lines or the emergency pass
  // will do), ragged, glyph scaling, hyphen limits and lines that must not end in a hyphen.
  int compared = 0, loose = 0;
  for (unsigned seed = 1; seed <= 240; ++seed) {
    const int count = 3 + static_cast<int>(seed * 7 % 90);
    auto c = RandomWords(seed, count,
                         [&](int i, double width) { return (i + static_cast<int>(seed)) % 3 == 0 && width > 16; });
    BreakOptions o = Justified(seed % 4 == 0 ? 70 : seed % 4 == 1 ? 120 : 200);
    o.justify = seed % 5 != 0;
    o.glyph_scaling = seed % 3 == 0 ? 0.02 : 0;
    o.max_hyphens_in_row = static_cast<int>(seed % 3);
    if (seed % 7 == 0) o.unhyphenated_lines = {0, 2, 3};
    BreakOptions full = o;
    full.full_search = true;
    const auto fast = BreakLines(c, o), slow = BreakLines(c, full);
    INFO("seed " << seed);
    REQUIRE(fast.size() == slow.size());
    for (size_t i = 0; i < fast.size(); ++i) {
      CHECK(fast[i].from == slow[i].from);
      CHECK(fast[i].to == slow[i].to);
      CHECK(fast[i].scale == slow[i].scale);
      CHECK(fast[i].extra_per_space == slow[i].extra_per_space);
      CHECK(fast[i].ragged == slow[i].ragged);
      loose += i + 1 < slow.size() && slow[i].extra_per_space > 1.5 * kSpace;
    }
    ++compared;
  }
  CHECK(compared == 240);
  CHECK(loose > 0);  // some paragraphs needed lines beyond the comfortable stretch
}

TEST_CASE("line breaker: punctuation hanging into the margin gives a justified line that much more room") {
  // "48 50" is 101 points: one too many for the line unless its last character may hang out by 1.5.
  auto c = Words({48, 50, 30});
  BreakOptions options = Justified(100);
  options.min_word_space = 1;
  CHECK(BreakLines(c, options)[0].to == 1);
  c[2].hang_right = 1.5;
  auto lines = BreakLines(c, options);
  REQUIRE(Covers(c, lines));
  CHECK(lines[0].to == 2);
  CHECK(lines[0].hang_right == 1.5);
  CHECK(lines[0].drawn_width == doctest::Approx(101.5));
  CHECK(lines[0].extra_per_space == doctest::Approx(0.5));
  CHECK(lines[1].hang_right == 0);  // the last line is not justified: nothing hangs on its right
}

TEST_CASE("line breaker: a line that must not end in a hyphen does not, where the paragraph has another way") {
  auto c = Words({40, 31, -40, 30, 20, -40, 30});
  BreakOptions options = Justified(100);
  auto free = BreakLines(c, options);
  REQUIRE(Covers(c, free));
  REQUIRE(c[free[0].to].hyphen);
  options.unhyphenated_lines = {0};
  auto kept = BreakLines(c, options);
  REQUIRE(Covers(c, kept));
  CHECK_FALSE(c[kept[0].to].hyphen);
  options.unhyphenated_lines = {1};
  auto second = BreakLines(c, options);
  REQUIRE(second.size() > 1);
  CHECK_FALSE(c[second[1].to].hyphen);
}

TEST_CASE("line breaker: a hyphen is taken where the line would otherwise be far too loose") {
  // Without the hyphen, line one would be "40 31" with one space stretched to nearly ten times its width.
  auto c = Words({40, 31, -40, 30});
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(Covers(c, lines));
  REQUIRE(lines.size() == 2);
  CHECK(c[lines[0].to].hyphen);
  CHECK(lines[0].natural_width == doctest::Approx(99));
  CHECK(lines[0].extra_per_space == doctest::Approx(0.5));
}

TEST_CASE("line breaker: forced breaks end lines, the end of the paragraph is not justified") {
  auto c = Words({20, 20, 20});
  c[2].forced = true;  // a hard line break after the second word
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].to == 2);
  CHECK(lines[0].extra_per_space == 0);
  CHECK(lines[1].to == 3);
}

TEST_CASE("line breaker: a line that cannot be justified within the limit is set ragged") {
  // Two short words and a long one: line one has a single space and would have to grow it far beyond 2.6.
  auto c = Words({20, 20, 95});
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(Covers(c, lines));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].ragged);
  CHECK(lines[0].extra_per_space == 0);

  // A line with no space at all cannot be justified either.
  auto lone = Words({90, 95});
  lines = BreakLines(lone, Justified(100));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].ragged);
}

TEST_CASE("line breaker: a word wider than the line gets a line of its own") {
  auto c = Words({30, 150, 30, 30});
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(Covers(c, lines));
  bool overfull = false;
  for (const LineBreak& line : lines) overfull |= line.natural_width > 100;
  CHECK(overfull);
  CHECK(lines.size() == 3);
}

TEST_CASE("line breaker: no more hyphenated lines in a row than the template allows, where there is a way round") {
  auto c = RandomWords(777, 400, [](int, double width) { return width > 18; });  // most words hyphenable
  auto longest_run = [&](const std::vector<LineBreak>& lines) {
    int run = 0, longest = 0;
    for (const LineBreak& line : lines) {
      run = c[line.to].hyphen ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    return longest;
  };
  BreakOptions options = Justified(200);
  options.max_hyphens_in_row = 10;
  const int unlimited = longest_run(BreakLines(c, options));
  options.max_hyphens_in_row = 1;
  auto limited = BreakLines(c, options);
  REQUIRE(Covers(c, limited));
  CHECK(unlimited > 1);
  CHECK(longest_run(limited) == 1);
}

TEST_CASE("line breaker: ragged text is broken for an even rag, hyphenating only where it pays") {
  auto c = RandomWords(4242, 300, [](int i, double width) { return i % 3 == 2 && width > 20; });
  BreakOptions ragged = Justified(200);
  ragged.justify = false;
  BreakOptions first_fit = ragged;
  first_fit.total_fit = false;
  auto even = BreakLines(c, ragged);
  auto greedy = BreakLines(c, first_fit);
  REQUIRE(Covers(c, even));
  auto shortest = [&](const std::vector<LineBreak>& lines) {
    double length = 200;
    for (size_t i = 0; i + 1 < lines.size(); ++i) length = std::min(length, lines[i].natural_width);
    return length;
  };
  auto hyphens = [&](const std::vector<LineBreak>& lines) {
    int count = 0;
    for (const LineBreak& line : lines) count += c[line.to].hyphen;
    return count;
  };
  CHECK(shortest(even) > shortest(greedy));
  CHECK(hyphens(even) < hyphens(greedy));
  for (const LineBreak& line : even) {
    CHECK(line.extra_per_space == 0);
    CHECK_FALSE(line.ragged);  // "ragged" flags justified lines that could not be justified
    CHECK(line.natural_width <= 200);
  }
}

TEST_CASE("line breaker: a word is brought down rather than leave a very short last line") {
  // Eight words fit the first line with spaces shrunk a little, which would leave the ninth alone on the last
  // line; seven words on the first line, stretched, give the last line two.
  auto c = Words({10, 10, 10, 10, 10, 10, 10, 10, 8});
  auto lines = BreakLines(c, Justified(100));
  REQUIRE(Covers(c, lines));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].to == 7);
  CHECK(lines[0].extra_per_space > 0);
  CHECK(lines[1].natural_width >= 20);
}
