// Choosing where the lines of a paragraph end, from widths measured once on the unbroken paragraph.
//
// Lines are broken by total fit (Knuth and Plass): every way of breaking the paragraph is weighed at once and the
// one with the least demerits wins, so one loose line is not paid for by the lines after it. Demerits grow with
// the cube of how far a justified line's word spaces stretch or shrink from their natural width (of how short a
// ragged line falls), with hyphens, with two hyphens in a row (and steeply with more in a row than the template
// allows), a hyphen on the last full line, a very short last line, and a very loose line next to a tight one.
//
// A justified line may also take up some of its slack by scaling its glyphs a little (pdfTeX's font expansion)
// and by letting punctuation at its ends hang into the margins (optical margin alignment); both are part of the
// fit, so the breaker chooses breaks knowing them. When no way of breaking keeps every justified line's spaces
// within the limit, a second pass (TeX's emergency pass) lets spaces stretch further, spreading the extra over
// the whole paragraph rather than leaving a line ragged. A paragraph that cannot be broken without an overfull
// line is broken first-fit, as a word processor does.
//
// Pure arithmetic on points: no Pango here, so the rules can be tested on made-up widths.
#pragma once

#include <vector>

namespace barometer::text {

/// A place where a line may end. The paragraph's start is candidate 0 (start_x 0, start_spaces 0, not a break);
/// its end is the last candidate and is forced.
struct BreakCandidate {
  double start_x = 0;     ///< where a line that starts here begins, on the unbroken paragraph
  double end_x = 0;       ///< where a line that ends here ends: trailing spaces left out, a hyphen's width added
  int start_spaces = 0;   ///< stretchable spaces before start_x
  int end_spaces = 0;     ///< stretchable spaces before end_x
  bool hyphen = false;    ///< a line that ends here ends in a hyphen (drawn at a hyphenation point, or the text's)
  bool forced = false;    ///< a line must end here (hard line break, end of paragraph)
  double hang_left = 0;   ///< points a justified line that starts here may hang into the left margin
  double hang_right = 0;  ///< points a justified line that ends here may hang into the right margin
};

struct BreakOptions {
  double width = 100;           ///< the line width, in points
  double space = 2.5;           ///< a stretchable space's natural width, in points
  bool justify = true;          ///< justified lines; false: ragged lines, kept near the full width
  bool total_fit = true;        ///< false: first fit, each line as long as it can be (for comparison)
  double max_word_space = 2.2;  ///< beyond this multiple of `space` a line is set ragged (if no emergency helps)
  double min_word_space = 0.8;  ///< spaces may shrink to this multiple of `space` to take a word in
  /// More hyphenated lines in a row than this are a last resort (a "ladder" of hyphens down the margin).
  int max_hyphens_in_row = 2;
  /// A justified line's glyphs may be scaled horizontally by up to this share either way (0.02: 98 % to 102 %);
  /// 0 turns glyph scaling off.
  double glyph_scaling = 0;
  /// Lines (counted from 0) that must not end in a hyphen: a caption's first line, the last line before a column
  /// break. A paragraph with no other way breaks there anyway.
  std::vector<int> unhyphenated_lines;
  /// Search every way at once, also through lines as loose as the badness cap. Slower, and the same breaks: the
  /// tests compare the two searches.
  bool full_search = false;
};

/// One line: from candidate `from` to candidate `to`.
struct LineBreak {
  int from = 0, to = 0;
  /// Points to add to each stretchable space (negative: shrink), before the line is scaled, so the line fills the
  /// width; 0 for the last line, ragged lines and lines that are not justified.
  double extra_per_space = 0;
  /// A justified line drawn unjustified: no stretchable space, or its spaces would grow beyond the limit.
  bool ragged = false;
  double natural_width = 0;  ///< end_x - start_x
  double scale = 1;          ///< horizontal scale of the whole line (glyph scaling); 1 unless justified
  double hang_left = 0, hang_right = 0;  ///< points the line hangs into each margin
  /// The line as drawn: (natural_width + extra_per_space * spaces) * scale; for a justified line
  /// width + hang_left + hang_right.
  double drawn_width = 0;
};

/// The lines of a paragraph, in order; they cover every candidate from 0 to the last. A word wider than the line
/// gets a line of its own that is wider than `width` (the caller reports it).
/// REQUIRES: at least two candidates, the last one forced; x and space counts do not decrease.
std::vector<LineBreak> BreakLines(const std::vector<BreakCandidate>& candidates, const BreakOptions& options);

}  // namespace barometer::text
