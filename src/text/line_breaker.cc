#include "text/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace barometer::text {
namespace {

// TeX's values: a line costs 10, a hyphen 50 (both squared into the demerits), two hyphenated lines in a row
// 10000, a hyphen on the last full line 5000, neighbouring lines of very different tightness 3000 (TeX: 10000).
constexpr double kLinePenalty = 10;
constexpr double kHyphenPenalty = 50;
// Ragged text needs hyphens less: one is worth it only where the line would otherwise fall well short.
constexpr double kRaggedHyphenPenalty = 100;
constexpr double kDoubleHyphenDemerits = 10000;
constexpr double kFinalHyphenDemerits = 5000;
constexpr double kFitnessDemerits = 3000;
// A paragraph's last line shorter than a fifth of the column (a lone word or the tail of a hyphenated one) costs as
// much as a line whose spaces stretch to about twice their width.
constexpr double kShortLastLine = 0.2;
constexpr double kShortLastLineDemerits = 1e6;
// A hyphen beyond the allowed run costs as much as a line whose spaces stretch to the limit (2.6 times).
constexpr double kHyphenLadderDemerits = 1e7;
constexpr double kMaxBadness = 10000;
// The stretch at which badness reaches 100, as a share of a space: TeX's interword glue stretches by half a space.
constexpr double kComfortableStretch = 0.5;
// A ragged line's gap at which badness reaches 100, in spaces: about three ems.
constexpr double kRaggedStretch = 12;
constexpr double kEpsilon = 0.01;  // points; measurements are exact to far better than this
constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Fit {
  bool feasible = false;
  double badness = 0;
  int fitness = 1;  ///< 0 tight, 1 decent, 2 loose, 3 very loose
  double extra_per_space = 0;
  bool ragged = false;
};

// How a line from `a` to `b` fits the width.
Fit FitLine(const BreakCandidate& a, const BreakCandidate& b, const BreakOptions& o) {
  Fit fit;
  const double natural = b.end_x - a.start_x;
  const int spaces = b.end_spaces - a.start_spaces;
  const double gap = o.width - natural;
  const bool last = b.forced;
  if (gap < -kEpsilon) {  // too long: only shrinking spaces can save it
    double shrink = spaces * o.space * (1 - o.min_word_space);
    if (!o.justify || spaces == 0 || -gap > shrink + kEpsilon) return fit;
    double ratio = -gap / shrink;
    fit.feasible = true;
    fit.badness = 100 * ratio * ratio * ratio;
    fit.fitness = ratio > 0.5 ? 0 : 1;
    fit.extra_per_space = gap / spaces;
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
  const double stretch = std::max(spaces, 1) * o.space * kComfortableStretch;
  double ratio = std::max(0.0, gap) / stretch;
  fit.badness = std::min(kMaxBadness, 100 * ratio * ratio * ratio);
  fit.fitness = ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
  if (spaces == 0 || o.space + gap / spaces > o.space * o.max_word_space + kEpsilon) {
    fit.ragged = true;
    fit.badness = kMaxBadness * (1 + gap / o.width);  // of two ragged lines, the fuller one is better
  } else {
    fit.extra_per_space = gap / spaces;
  }
  return fit;
}

LineBreak MakeLine(const std::vector<BreakCandidate>& c, int from, int to, const BreakOptions& o) {
  LineBreak line;
  line.from = from;
  line.to = to;
  line.natural_width = c[to].end_x - c[from].start_x;
  Fit fit = FitLine(c[from], c[to], o);
  if (fit.feasible) {
    line.extra_per_space = fit.extra_per_space;
    line.ragged = fit.ragged;
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
    lines.push_back(MakeLine(c, from, to, no_shrink));
    from = to;
  }
  return lines;
}

struct Node {
  int candidate = 0;
  int fitness = 1;
  int hyphens = 0;  ///< hyphenated lines in a row that end here
  double demerits = 0;
  int previous = -1;  ///< index into the node list
};

}  // namespace

std::vector<LineBreak> BreakLines(const std::vector<BreakCandidate>& c, const BreakOptions& o) {
  if (!o.total_fit) return FirstFit(c, o);
  const int last = static_cast<int>(c.size()) - 1;
  std::vector<Node> nodes = {Node{}};
  std::vector<int> active = {0};
  // The best way to each candidate is kept per fitness class and per run of hyphens (the run capped one past the
  // limit), since a worse way there may be the better start for what follows.
  const int runs = std::max(0, o.max_hyphens_in_row) + 2;
  std::vector<double> best(4 * runs);
  std::vector<int> best_from(4 * runs);
  std::vector<int> still_active;
  const double hyphen_penalty = o.justify ? kHyphenPenalty : kRaggedHyphenPenalty;
  for (int b = 1; b <= last && !active.empty(); ++b) {
    std::fill(best.begin(), best.end(), kInfinity);
    still_active.clear();
    for (int n : active) {
      const Node& a = nodes[n];
      Fit fit = FitLine(c[a.candidate], c[b], o);
      if (!fit.feasible) continue;  // overfull, and lines from `a` only grow from here on
      still_active.push_back(n);
      double demerits = (kLinePenalty + fit.badness) * (kLinePenalty + fit.badness);
      if (c[b].hyphen) demerits += hyphen_penalty * hyphen_penalty;
      const bool previous_hyphen = c[a.candidate].hyphen;
      if (previous_hyphen && c[b].hyphen) demerits += kDoubleHyphenDemerits;
      if (previous_hyphen && c[b].forced) demerits += kFinalHyphenDemerits;
      if (b == last && a.candidate > 0 && c[b].end_x - c[a.candidate].start_x < kShortLastLine * o.width) {
        demerits += kShortLastLineDemerits;
      }
      if (std::abs(fit.fitness - a.fitness) > 1) demerits += kFitnessDemerits;
      const int hyphens = c[b].hyphen ? std::min(a.hyphens + 1, runs - 1) : 0;
      if (hyphens > o.max_hyphens_in_row) demerits += kHyphenLadderDemerits;
      double total = a.demerits + demerits;
      const int slot = fit.fitness * runs + hyphens;
      if (total < best[slot]) {
        best[slot] = total;
        best_from[slot] = n;
      }
    }
    // After a forced break no line may span it.
    if (c[b].forced) still_active.clear();
    active.swap(still_active);
    for (int slot = 0; slot < 4 * runs; ++slot) {
      if (best[slot] == kInfinity) continue;
      nodes.push_back(Node{b, slot / runs, slot % runs, best[slot], best_from[slot]});
      active.push_back(static_cast<int>(nodes.size()) - 1);
    }
  }

  int end = -1;
  for (int n = 0; n < static_cast<int>(nodes.size()); ++n) {
    if (nodes[n].candidate == last && (end < 0 || nodes[n].demerits < nodes[end].demerits)) end = n;
  }
  if (end < 0) return FirstFit(c, o);  // no way without an overfull line

  std::vector<LineBreak> lines;
  for (int n = end; nodes[n].previous >= 0; n = nodes[n].previous) {
    lines.push_back(MakeLine(c, nodes[nodes[n].previous].candidate, nodes[n].candidate, o));
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

}  // namespace barometer::text
