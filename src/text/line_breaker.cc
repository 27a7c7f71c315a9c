#include "text/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace barometer::text {
namespace {

// After TeX: a line costs 10, a hyphen 100 (TeX: 50; both squared into the demerits), two hyphenated lines in a
// row 10000, a hyphen on the last full line 5000, neighbouring lines of very different tightness 3000 (TeX: 10000).
// A line that ends at a hyphen written in the text ("it-" of "it-systems") counts as hyphenated.
constexpr double kLinePenalty = 10;
constexpr double kHyphenPenalty = 100;
// Where a paragraph can afford it, hyphens cost more: these penalties are tried, highest first, and the first whose
// breaks add no ragged line and at most one line with wide spaces for every hyphen saved is taken.
constexpr double kAffordableHyphenPenalties[] = {1000, 300};
// A justified line's word spaces are wide beyond this multiple of their natural width, and such a line costs extra
// (as much as a hyphen at about 300).
constexpr double kWideSpace = 1.6;
constexpr double kWideDemerits = 1e5;
// Ragged text needs hyphens less: one is worth it only where the line would otherwise fall well short.
constexpr double kRaggedHyphenPenalty = 100;
constexpr double kDoubleHyphenDemerits = 10000;
constexpr double kFinalHyphenDemerits = 5000;
constexpr double kFitnessDemerits = 3000;
// A paragraph's last line shorter than a fifth of the column (a lone word or the tail of a hyphenated one) costs as
// much as a line whose spaces stretch to about twice their width.
constexpr double kShortLastLine = 0.2;
constexpr double kShortLastLineDemerits = 1e6;
// A hyphen beyond the allowed run is taken only where the paragraph has no other way, and then costs as much as a
// line whose spaces stretch to the limit (2.6 times).
constexpr double kHyphenLadderDemerits = 1e7;
constexpr double kMaxBadness = 10000;
// In the emergency pass a ragged line costs as much as a justified one with spaces about twelve times their width
// (badness 1e6: stretched 21.5 times half a space).
constexpr double kEmergencyRagged = 100;
// The stretch at which badness reaches 100, as a share of a space: TeX's interword glue stretches by half a space.
constexpr double kComfortableStretch = 0.5;
// A ragged line's gap at which badness reaches 100, in spaces: about three ems.
constexpr double kRaggedStretch = 12;
constexpr double kEpsilon = 0.01;  // points; measurements are exact to far better than this
constexpr double kInfinity = std::numeric_limits<double>::infinity();
// A justified line's glyph scale moves in steps of a fifth of the limit (microtype's default for font expansion).
constexpr double kScaleStepsPerLimit = 5;

struct Fit {
  bool feasible = false;
  double badness = 0;
  int fitness = 1;  ///< 0 tight, 1 decent, 2 loose, 3 very loose
  double extra_per_space = 0;
  bool ragged = false;
  double scale = 1;
  double hang_left = 0, hang_right = 0;
};

// How a line from `a` to `b` fits the width. In the emergency pass a justified line whose spaces would stretch
// beyond the limit is still justified, its badness not capped, so the extra stretch is spread over many lines.
Fit FitLine(const BreakCandidate& a, const BreakCandidate& b, const BreakOptions& o, bool emergency) {
  Fit fit;
  const double natural = b.end_x - a.start_x;
  const int spaces = b.end_spaces - a.start_spaces;
  const bool last = b.forced;
  // Optical margins: punctuation at a justified line's ends hangs out, so the line has that much more room. The
  // last line of a justified paragraph hangs only on the left, where it is aligned.
  double target = o.width;
  if (o.justify) {
    fit.hang_left = a.hang_left;
    if (!last) fit.hang_right = b.hang_right;
    target += fit.hang_left + fit.hang_right;
  }
  const double gap = target - natural;
  const double glyph = o.justify ? o.glyph_scaling : 0;
  if (gap < -kEpsilon) {  // too long: only shrinking spaces (and glyphs) can save it
    const double space_shrink = spaces * o.space * (1 - o.min_word_space);
    const double glyph_shrink = glyph * natural;
    if (!o.justify || space_shrink + glyph_shrink <= 0 || -gap > space_shrink + glyph_shrink + kEpsilon) return fit;
    const double ratio = std::min(1.0, -gap / (space_shrink + glyph_shrink));
    fit.feasible = true;
    fit.badness = 100 * ratio * ratio * ratio;
    fit.fitness = ratio > 0.5 ? 0 : 1;
    fit.scale = spaces > 0 ? 1 - ratio * glyph : target / natural;
    if (spaces > 0) fit.extra_per_space = (target / fit.scale - natural) / spaces;
    return fit;
  }
  fit.feasible = true;
  if (last) return fit;  // the last line keeps its natural spaces
  if (!o.justify) {
    // Ragged text: the shorter a line falls, the worse, measured against a rag of about three ems.
    double ratio = gap / (kRaggedStretch * o.space);
    fit.badness = std::min(kMaxBadness, 100 * ratio * ratio * ratio);
    return fit;
  }
  // The slack is shared between spaces and glyphs in proportion to how far each may comfortably go (as pdfTeX
  // shares it between glue and font expansion); past that, the glyphs stay at their limit and spaces take the rest.
  const double space_stretch = std::max(spaces, 1) * o.space * kComfortableStretch;
  const double glyph_stretch = glyph * natural;
  const double shared = gap / (space_stretch + glyph_stretch);
  fit.scale = 1 + std::min(1.0, shared) * glyph;
  double ratio = shared <= 1 ? shared : (gap - glyph_stretch) / space_stretch;
  fit.badness = 100 * ratio * ratio * ratio;
  if (!emergency) fit.badness = std::min(kMaxBadness, fit.badness);
  fit.fitness = ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
  if (spaces == 0 && natural * fit.scale >= target - kEpsilon) {  // scaling alone fills it
    fit.scale = target / natural;
    return fit;
  }
  // Set ragged: of two ragged lines, the fuller one is better; in the emergency pass, a justified line is unless
  // its spaces would grow to about twelve times their width.
  const double ragged_badness = kMaxBadness * (emergency ? kEmergencyRagged : 1) * (1 + gap / o.width);
  if (spaces > 0) {
    const double extra = (target / fit.scale - natural) / spaces;
    const bool within = fit.scale * (o.space + extra) <= o.space * o.max_word_space + kEpsilon;
    if (within || (emergency && fit.badness <= ragged_badness)) {
      fit.extra_per_space = extra;
      return fit;
    }
  }
  fit.ragged = true;
  fit.scale = 1;
  fit.hang_right = 0;
  fit.badness = ragged_badness;
  return fit;
}

// Every distinct scale is a font of its own to Cairo, which loads each glyph again for it: with one scale a line,
// loading glyphs was a tenth of drawing the PDF. As pdfTeX expands fonts, the scale takes steps; the word spaces
// take up the difference, so the line still fills the measure. A step that would take the spaces past their
// limits is not taken (the nearer one first, then the other; failing both, the exact scale stays).
void StepScale(Fit& fit, double natural, int spaces, const BreakOptions& o) {
  if (fit.scale == 1 || spaces == 0 || fit.ragged || o.glyph_scaling <= 0) return;
  const double step = o.glyph_scaling / kScaleStepsPerLimit;
  const double target = o.width + fit.hang_left + fit.hang_right;
  const double steps = (fit.scale - 1) / step;
  const double nearer = std::round(steps);
  for (double n : {nearer, nearer > steps ? std::floor(steps) : std::ceil(steps)}) {
    const double scale = 1 + n * step;
    const double extra = (target / scale - natural) / spaces;
    if (o.space + extra < o.space * o.min_word_space - kEpsilon) continue;
    if (scale * (o.space + extra) >
        std::max(o.space * o.max_word_space, fit.scale * (o.space + fit.extra_per_space)) + kEpsilon) {
      continue;
    }
    fit.scale = scale;
    fit.extra_per_space = extra;
    return;
  }
}

LineBreak MakeLine(const std::vector<BreakCandidate>& c, int from, int to, const BreakOptions& o, bool emergency) {
  LineBreak line;
  line.from = from;
  line.to = to;
  line.natural_width = c[to].end_x - c[from].start_x;
  line.drawn_width = line.natural_width;
  Fit fit = FitLine(c[from], c[to], o, emergency);
  if (fit.feasible) {
    StepScale(fit, line.natural_width, c[to].end_spaces - c[from].start_spaces, o);
    line.extra_per_space = fit.extra_per_space;
    line.ragged = fit.ragged;
    line.scale = fit.scale;
    line.hang_left = fit.hang_left;
    line.hang_right = fit.hang_right;
    const int spaces = c[to].end_spaces - c[from].start_spaces;
    line.drawn_width = (line.natural_width + line.extra_per_space * spaces) * line.scale;
  }
  return line;
}

// Each line as long as it can be, like a word processor; a word that fits nowhere gets a line of its own.
std::vector<LineBreak> FirstFit(const std::vector<BreakCandidate>& c, const BreakOptions& o) {
  BreakOptions no_shrink = o;
  no_shrink.min_word_space = 1;
  std::vector<LineBreak> lines;
  const int last = static_cast<int>(c.size()) - 1;
  int from = 0;
  while (from < last) {
    int to = from + 1;
    for (int b = from + 1; b <= last; ++b) {
      if (c[b].end_x - c[from].start_x > o.width + kEpsilon) break;
      to = b;
      if (c[b].forced) break;
    }
    lines.push_back(MakeLine(c, from, to, no_shrink, false));
    from = to;
  }
  return lines;
}

struct Node {
  int candidate = 0;
  int fitness = 1;
  int hyphens = 0;  ///< hyphenated lines in a row that end here
  int lines = 0;    ///< lines before this break, capped one past the last line that must not end in a hyphen
  double demerits = 0;
  int previous = -1;  ///< index into the node list
};

// The demerits of a line as loose as the badness cap allows (or ragged, which costs more): see TotalFit.
constexpr double kLooseLineDemerits = (kLinePenalty + kMaxBadness) * (kLinePenalty + kMaxBadness);

// The best breaks by total fit among the ways whose every line costs less than `line_limit` demerits of its own;
// no lines when there is none without an overfull line. `best_total` (when given) receives the way's demerits.
// With `ladders` false, no more hyphenated lines in a row than the template allows; else they are a last resort.
std::vector<LineBreak> SearchTotalFit(const std::vector<BreakCandidate>& c, const BreakOptions& o,
                                      double hyphen_penalty, bool emergency, bool ladders, double line_limit,
                                      double* best_total) {
  const int last = static_cast<int>(c.size()) - 1;
  std::vector<Node> nodes = {Node{}};
  std::vector<int> active = {0};
  // The best way to each candidate is kept per fitness class, per run of hyphens (the run capped one past the
  // limit) and, up to the last line that must not end in a hyphen, per line number, since a worse way there may
  // be the better start for what follows.
  const int runs = std::max(0, o.max_hyphens_in_row) + 2;
  int counted_lines = 0;
  for (int line : o.unhyphenated_lines) counted_lines = std::max(counted_lines, line + 1);
  std::vector<bool> unhyphenated(counted_lines, false);
  for (int line : o.unhyphenated_lines) {
    if (line >= 0) unhyphenated[line] = true;
  }
  const int slots = 4 * runs * (counted_lines + 1);
  std::vector<double> best(slots);
  std::vector<int> best_from(slots);
  std::vector<int> still_active;
  for (int b = 1; b <= last && !active.empty(); ++b) {
    std::fill(best.begin(), best.end(), kInfinity);
    still_active.clear();
    // The nodes at one candidate are next to each other in `active` and share the line to `b`: it is fitted once.
    Fit fit;
    int fitted_from = -1;
    for (int n : active) {
      const Node& a = nodes[n];
      if (a.candidate != fitted_from) {
        fit = FitLine(c[a.candidate], c[b], o, emergency);
        fitted_from = a.candidate;
      }
      if (!fit.feasible) continue;  // overfull, and lines from `a` only grow from here on
      still_active.push_back(n);
      double demerits = (kLinePenalty + fit.badness) * (kLinePenalty + fit.badness);
      if (demerits >= line_limit) continue;
      if (c[b].hyphen) {
        if (a.lines < counted_lines && unhyphenated[a.lines]) continue;  // this line must not end in a hyphen
        demerits += hyphen_penalty * hyphen_penalty;
      }
      const bool previous_hyphen = c[a.candidate].hyphen;
      if (previous_hyphen && c[b].hyphen) demerits += kDoubleHyphenDemerits;
      if (previous_hyphen && c[b].forced) demerits += kFinalHyphenDemerits;
      if (b == last && a.candidate > 0 && c[b].end_x - c[a.candidate].start_x < kShortLastLine * o.width) {
        demerits += kShortLastLineDemerits;
      }
      if (std::abs(fit.fitness - a.fitness) > 1) demerits += kFitnessDemerits;
      if (fit.scale * (o.space + fit.extra_per_space) > kWideSpace * o.space + kEpsilon) demerits += kWideDemerits;
      const int hyphens = c[b].hyphen ? std::min(a.hyphens + 1, runs - 1) : 0;
      if (hyphens > o.max_hyphens_in_row) {
        if (!ladders) continue;
        demerits += kHyphenLadderDemerits;
      }
      double total = a.demerits + demerits;
      const int lines = std::min(a.lines + 1, counted_lines);
      const int slot = (lines * 4 + fit.fitness) * runs + hyphens;
      if (total < best[slot]) {
        best[slot] = total;
        best_from[slot] = n;
      }
    }
    // After a forced break no line may span it.
    if (c[b].forced) still_active.clear();
    active.swap(still_active);
    for (int slot = 0; slot < slots; ++slot) {
      if (best[slot] == kInfinity) continue;
      const int lines = slot / (4 * runs);
      nodes.push_back(Node{b, (slot / runs) % 4, slot % runs, lines, best[slot], best_from[slot]});
      active.push_back(static_cast<int>(nodes.size()) - 1);
    }
  }

  int end = -1;
  for (int n = 0; n < static_cast<int>(nodes.size()); ++n) {
    if (nodes[n].candidate == last && (end < 0 || nodes[n].demerits < nodes[end].demerits)) end = n;
  }
  std::vector<LineBreak> lines;
  if (end < 0) return lines;
  if (best_total) *best_total = nodes[end].demerits;
  for (int n = end; nodes[n].previous >= 0; n = nodes[n].previous) {
    lines.push_back(MakeLine(c, nodes[nodes[n].previous].candidate, nodes[n].candidate, o, emergency));
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

// The best breaks by total fit. Most paragraphs have a way whose lines all stay within the badness cap, and the
// search for it keeps far fewer candidate ways alive than one that also follows every line as loose as the cap
// (from each break, a line to every later one). A way found among those that costs less than one capped line is
// the best of all ways, and the same one: every way through a capped line costs more, and among the rest the
// search compares the same ways in the same order. Only where there is no such way is the full search run.
std::vector<LineBreak> TotalFit(const std::vector<BreakCandidate>& c, const BreakOptions& o, double hyphen_penalty,
                                bool emergency, bool ladders) {
  if (!o.full_search) {
    double total = kInfinity;
    std::vector<LineBreak> lines =
        SearchTotalFit(c, o, hyphen_penalty, emergency, ladders, kLooseLineDemerits, &total);
    if (!lines.empty() && total < kLooseLineDemerits) return lines;
  }
  return SearchTotalFit(c, o, hyphen_penalty, emergency, ladders, kInfinity, nullptr);
}

// Total fit, with TeX's emergency pass where a justified line would be left ragged.
std::vector<LineBreak> TotalFitWithEmergency(const std::vector<BreakCandidate>& c, const BreakOptions& o,
                                             double hyphen_penalty, bool ladders) {
  std::vector<LineBreak> lines = TotalFit(c, o, hyphen_penalty, false, ladders);
  const bool ragged = std::any_of(lines.begin(), lines.end(), [](const LineBreak& l) { return l.ragged; });
  if (o.justify && ragged) lines = TotalFit(c, o, hyphen_penalty, true, ladders);
  return lines;
}

struct Quality {
  int ragged = 0, wide = 0, hyphens = 0;
};

Quality Measure(const std::vector<BreakCandidate>& c, const std::vector<LineBreak>& lines, const BreakOptions& o) {
  Quality q;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const LineBreak& line = lines[i];
    q.ragged += line.ragged;
    q.hyphens += c[line.to].hyphen;
    q.wide += line.scale * (o.space + line.extra_per_space) > kWideSpace * o.space + kEpsilon;
  }
  return q;
}

}  // namespace

std::vector<LineBreak> BreakLines(const std::vector<BreakCandidate>& c, const BreakOptions& o) {
  if (!o.total_fit) return FirstFit(c, o);
  const double penalty = o.justify ? kHyphenPenalty : kRaggedHyphenPenalty;
  std::vector<LineBreak> lines = TotalFitWithEmergency(c, o, penalty, false);
  if (lines.empty()) lines = TotalFitWithEmergency(c, o, penalty, true);  // no way without a ladder of hyphens
  if (lines.empty() && !o.unhyphenated_lines.empty()) {  // no way without a hyphen where none may be
    BreakOptions unconstrained = o;
    unconstrained.unhyphenated_lines.clear();
    return BreakLines(c, unconstrained);
  }
  if (lines.empty()) return FirstFit(c, o);  // no way without an overfull line
  if (!o.justify) return lines;
  const Quality base = Measure(c, lines, o);
  if (base.hyphens == 0) return lines;
  for (double higher : kAffordableHyphenPenalties) {
    std::vector<LineBreak> fewer = TotalFitWithEmergency(c, o, higher, false);
    const Quality q = Measure(c, fewer, o);
    // A hyphen fewer is worth a line of wide spaces more.
    const int saved = base.hyphens - q.hyphens;
    if (!fewer.empty() && q.ragged <= base.ragged && saved > 0 && q.wide <= base.wide + saved) return fewer;
  }
  return lines;
}

}  // namespace barometer::text
