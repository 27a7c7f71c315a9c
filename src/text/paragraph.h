// Shaped paragraphs: inline runs in one style, shaped once by Pango as one unbroken line, hyphenated, broken into
// lines of a fixed width by our line breaker (total fit, see line_breaker.h), justified within the template's
// limits, and checked for font substitution, missing glyphs and overflow.
//
// A ShapedParagraph is plain data, immutable once made: per line, the glyph runs as set (see glyph_run.h).
// Layout places its lines (a paragraph may be split across columns of the same width); render draws them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/template.h"
#include "text/fonts.h"
#include "text/glyph_run.h"
#include "text/hyphenator.h"

// Pango's types appear only as pointers in the Shaper's private members.
typedef struct _PangoFont PangoFont;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoAttrList PangoAttrList;
typedef struct _PangoFontDescription PangoFontDescription;

namespace barometer::text {

class LineShaper;

/// A run of text with inline properties, after references were resolved to their visible text.
struct TextRun {
  std::string text;
  bool emphasis = false;
  bool strong = false;
  std::string link;      ///< URL or "#dest" for an internal destination; "" for none
  bool superscript = false;
  std::string footnote;  ///< footnote id for a footnote mark
  std::string language;  ///< BCP 47 tag of a phrase in another language; "" for the paragraph's own
};

/// Bytes [start, end) of a paragraph's text in another language (its glyph runs never cross the bounds).
struct LanguageRange {
  int start = 0, end = 0;
  std::string tag;  ///< BCP 47
  bool operator==(const LanguageRange&) const = default;
};

struct ParagraphInput {
  std::vector<TextRun> runs;
  model::TextStyle style;
  model::Rgb colour;
  model::Rgb link_colour;
  double width = 100;           ///< line width in points
  double max_word_space = 2.2;  ///< see model::Template::max_word_space
  double min_word_space = 0.8;  ///< see model::Template::min_word_space
  int max_hyphens_in_row = 2;   ///< see model::Template::max_hyphens_in_row
  bool hyphenate = true;        ///< ANDed with style.hyphenate
  double superscript_rise = 0.36;  ///< see model::LayoutGeometry::Superscript
  double superscript_size = 0.62;
  double glyph_scaling = 0;     ///< see model::Template::glyph_scaling; used in justified paragraphs
  model::OpticalMargins margins;  ///< see model::Template::optical_margins; used in justified paragraphs
  /// Lines (from 0) that must not end in a hyphen where the paragraph has another way (a caption's first line).
  std::vector<int> unhyphenated_lines;
};

struct LinkBox {
  double x0 = 0, x1 = 0;  ///< relative to the line's left edge
  std::string target;
  std::string text;  ///< the whole link's text (on every line it spans), soft hyphens removed
};

class ShapedParagraph {
 public:
  struct Line {
    double x = 0;         ///< offset from the paragraph's left edge (alignment)
    double width = 0;     ///< the drawn width
    bool ragged = false;  ///< drawn unjustified (word spaces would stretch too far, or no space to stretch)
    int start = 0, length = 0;  ///< byte range in the paragraph's text
    /// The line's pieces of the paragraph's glyph runs, left to right, as set: a justified line's word spaces
    /// are widened, and a line that ends at a soft hyphen shows a hyphen glyph there.
    std::vector<GlyphRun> runs;
    // What the line breaker chose, as plain numbers the renderer applies and the layout tests measure.
    double scale = 1;            ///< horizontal scale of the whole line's glyphs (glyph scaling), about x
    double protrude_left = 0;    ///< points the line's first glyph hangs into the left margin (optical alignment)
    double protrude_right = 0;   ///< points its last glyph hangs into the right margin
    int spaces = 0;              ///< stretchable word spaces on the line
    double word_space = 0;       ///< drawn width of each of them, in points
    bool hyphenated = false;     ///< ends in a hyphen (at a hyphenation point or after a hyphen in the text)
  };

  int line_count() const { return static_cast<int>(lines_.size()); }
  const Line& line(int i) const { return lines_[i]; }
  double leading() const { return leading_; }
  double size() const { return size_; }
  double width() const { return width_; }
  /// The natural width of a word space in the paragraph's style.
  double natural_space() const { return natural_space_; }
  bool justified() const { return justified_; }
  /// Height of `count` lines set on the style's leading.
  double Height(int count) const { return count * leading_; }
  /// Distance from the top of a line box to its baseline.
  double BaselineOffset() const { return (leading_ + size_ * 0.72) / 2; }
  /// The widest drawn line.
  double NaturalWidth() const;
  const std::string& text() const { return text_; }
  /// The text of one line, soft hyphens removed.
  std::string LineText(int i) const;

  std::vector<LinkBox> LinkBoxes(int line) const;
  /// Footnote ids whose marks sit on `line`, in order.
  std::vector<std::string> FootnotesOnLine(int line) const;
  bool HasFootnotes() const { return !footnote_marks_.empty(); }
  bool HasLinks() const { return !link_ranges_.empty(); }
  /// The colour of text outside links.
  const model::Rgb& colour() const { return colour_; }
  /// The phrases in another language, in text order.
  const std::vector<LanguageRange>& language_ranges() const { return language_ranges_; }

 private:
  friend class Shaper;
  /// Bytes [start, start + length) of the text without soft hyphens and zero-width spaces.
  std::string TextOf(int start, int length) const;
  /// x of a byte of line `i` from the line's left edge (the start of the cluster holding it).
  double XAt(int i, int byte) const;

  std::vector<Line> lines_;
  std::vector<std::pair<int, int>> link_ranges_;  ///< byte ranges, parallel to link_targets_
  std::vector<std::string> link_targets_;
  std::vector<std::pair<int, std::string>> footnote_marks_;  ///< byte index, footnote id
  std::vector<LanguageRange> language_ranges_;
  std::string text_;
  model::Rgb colour_;
  double leading_ = 12, size_ = 10, width_ = 0, natural_space_ = 0;
  bool justified_ = false;
};

/// Makes shaped paragraphs for one language. Not thread-safe; one per language build.
class Shaper {
 public:
  Shaper(const FontSet& fonts, const Hyphenator& hyphenator);
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  /// Shapes a paragraph. Problems (a word wider than the line, a missing glyph, a font the pinned set does not
  /// have) are reported at `loc`.
  std::shared_ptr<const ShapedParagraph> Shape(const ParagraphInput& input, const base::SourceLoc& loc,
                                               base::Diagnostics& diags);

  /// Width of a plain one-line text in a style (for labels and tab stops).
  double MeasureWidth(const std::string& text, const model::TextStyle& style);

 private:
  /// The runs as they are shaped: uppercased where the style says, URLs breakable, words hyphenated.
  std::vector<TextRun> PrepareRuns(const ParagraphInput& input) const;
  double SpaceWidth(const model::TextStyle& style);
  /// The width of a one-line text in a style, in Pango units: the sum of its glyphs' advances.
  int AdvanceWidth(const std::string& text, const model::TextStyle& style);
  /// A PangoLayout without a width: what the LineShaper leaves to the layout (see line_shaper.h).
  PangoLayout* MakeLayout(const std::string& text, PangoAttrList* attrs, const PangoFontDescription* font);
  /// The hyphen glyph drawn at a soft-hyphen break in `font`, and its width in Pango units.
  std::pair<uint32_t, int> Hyphen(PangoFont* font);
  /// The plain-data reference to a font, one per font for the Shaper's life.
  const FontRef& Font(PangoFont* font);

  /// A paragraph shaped as one unbroken line, with its break candidates: what a Shape of the same text and style
  /// at another width or with other breaking rules starts from (see Prepare).
  struct Prepared;
  /// The shaping of `input` as one unbroken line, made or found among the last few made.
  const Prepared& Prepare(const ParagraphInput& input);

  const FontSet& fonts_;
  const Hyphenator& hyphenator_;
  std::unique_ptr<LineShaper> line_shaper_;
  std::vector<std::unique_ptr<Prepared>> prepared_;  ///< most recently used last
  std::map<std::string, double> space_widths_;
  std::map<PangoFont*, std::pair<uint32_t, int>> hyphens_;  ///< holds a reference to each font
  std::map<PangoFont*, FontRef> font_refs_;                 ///< each FontRef's face holds a reference
};

}  // namespace barometer::text
