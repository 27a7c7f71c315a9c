// A template: the look of an edition (page, grid, styles, palette, master pages), read from templates/*.yaml so
// editors can change it without recompiling. All lengths are in PostScript points.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace barometer::model {

/// A colour: red, green and blue from 0 to 1 (sRGB).
struct Rgb {
  double r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

/// WCAG 2.1 relative luminance: 0 for black, 1 for white.
double RelativeLuminance(const Rgb& colour);
/// WCAG 2.1 contrast ratio of two colours, 1 to 21.
double ContrastRatio(const Rgb& a, const Rgb& b);
/// The least contrast of a chart's marks against the page (WCAG 2.1 success criterion 1.4.11).
inline constexpr double kMinChartContrast = 3.0;
/// The least luminance contrast between two chart series, so that they stay apart in greyscale (a black-and-white
/// print, a reader who sees no colour): about 8 L* apart at the lightness chart marks have.
inline constexpr double kMinSeriesContrast = 1.3;

enum class Align { kLeft, kJustify, kCenter, kRight };

/// A typographic style. `family` must name a family of the pinned fonts.
struct TextStyle {
  std::string name;
  std::string family = "Noto Serif";
  int weight = 400;           ///< CSS weight: 400 regular, 600 semibold, 700 bold
  bool italic = false;
  double size = 9.5;
  double leading = 13.5;      ///< baseline to baseline
  std::string colour = "text"; ///< palette name
  double space_before = 0;
  double space_after = 0;
  Align align = Align::kLeft;
  bool hyphenate = false;
  bool uppercase = false;
  double letter_spacing = 0;  ///< in points
  double indent = 0;          ///< left indent (lists)
  base::SourceLoc loc;        ///< where the template defines it
};

/// Optical margin alignment: how far a character hangs into the margin when it begins (`left`) or ends (`right`)
/// a justified line, as a share of its width. Keys are single characters; a soft hyphen's break uses "-".
struct OpticalMargins {
  std::map<std::string, double> left, right;
};

struct Margins {
  double top = 60, bottom = 70, inner = 56, outer = 56;
};

/// A master page: the frame text flows into on a page of this kind.
struct MasterPage {
  std::string name;
  int columns = 2;
  std::string background;      ///< palette name, or "" for paper white
  std::string band;            ///< palette name of a band behind the page's title area, or ""
  double band_height = 0;
  bool running_footer = true;
  bool new_page = true;        ///< a section with this master starts on a new page
  /// A section with this master starts on an even (left-hand) page, after a blank page where needed: a back
  /// cover belongs on the last even page of a printed report.
  bool even_page = false;
  std::string title_style = "h1";    ///< style of a section title on this master
  std::string body_style = "body";   ///< style of paragraphs on this master
  std::string link_colour = "link";  ///< palette name of link text on this master
};

/// Whether the contents list the sections of master `name`: all but the back cover.
inline bool ListedInContents(const std::string& name) { return name != "back-cover"; }

/// The geometry of the layout's parts that no text style sets (templates: `layout:`). Lengths in points,
/// fractions of a width or height where the name says share or a fraction. The defaults are report-a4's.
struct LayoutGeometry {
  struct Figure {
    double space_before = 8, space_after = 14;  ///< around a figure box
    double rule_width = 1.2;                    ///< the accent rule above the title
    double title_top = 7;                       ///< from the rule to the title
  } figure;
  struct PullQuote {
    double extra_space_before = 4, extra_space_after = 6;  ///< added to the quote style's spaces
    double rule_length = 36, rule_width = 2.5;             ///< the short accent rule above the quote
    double text_top = 10;                                  ///< from the box top to the quote
    double attribution_gap = 3, bottom = 2;
  } pull_quote;
  struct Tips {
    double space_before = 10, space_after = 16;
    double padding = 16;       ///< inside the tinted box, all round
    double giver_gap = 8;      ///< under the line naming who gives the tips
    double intro_gap = 6;      ///< under the introduction
    double number_gap = 2;     ///< between a tip's big number and its title
    double stripe_width = 4;   ///< the accent stripe on the box's left edge
  } tips;
  struct Facts {
    double space_before = 6, space_after = 14;
    double padding = 12;
    double label_share = 0.36;  ///< the label column's share of the inner width
    double column_gap = 8;      ///< between the label and value columns
    double heading_gap = 4;     ///< under the heading
    double rule_width = 0.4;    ///< the rule above each row
    double row_top = 3;         ///< from a row's rule to its text
    double row_gap = 2;         ///< under a row's text
  } facts;
  struct Contacts {
    double space_before = 8, space_after = 8;
    double rule_width = 0.8;  ///< the accent rule above the heading
    double heading_top = 6;   ///< from the rule to the heading
    double person_gap = 2;    ///< under each person
  } contacts;
  struct Section {
    double opening_space_after = 4;  ///< under a section's title area
  } section;
  struct Case {
    double lede_share = 0.82;              ///< the lede's width as a share of the page's content width
    double nomination_space_before = 6;
  } case_story;
  struct Colophon {
    double link_space_after = 1;
    double imprint_space_before = 18, imprint_space_after = 1;
  } colophon;
  struct Cover {
    double rule_gap = 10;                    ///< from the series line to the rule under it
    double rule_length = 48, rule_width = 3;
    double title_top = 0.30;                 ///< the title's top as a share of the content height
    double title_share = 0.9;                ///< the title's width as a share of the content width
    double subtitle_gap = 16;
    double subtitle_share = 0.8;
  } cover;
  struct Contents {
    double number_width = 36;  ///< the page number column
    double title_gap = 12;     ///< between an entry's title and the number column
    double rule_gap = 3;       ///< from an entry's last line to the rule under it
    double rule_width = 0.4;
  } contents;
  struct Footer {
    double offset = 26;         ///< from the bottom margin's top to the footer line's top
    double rule_gap = 6;        ///< from the rule above the footer to the footer line
    double rule_width = 0.4;
    double title_room = 60;     ///< the title's width is the content width less this
    double number_width = 40;
  } footer;
  struct Footnotes {
    double rule_length = 60, rule_width = 0.5;  ///< the short rule above a column's footnotes
    double gap = 2;                             ///< under each footnote
  } footnotes;
  struct Superscript {
    double rise = 0.36, size = 0.62;  ///< fractions of the text size
  } superscript;
  struct Draft {
    double mark_width = 10;  ///< a draft's margin mark beside untranslated text
    double mark_gap = 2;     ///< from the mark to the text
  } draft;
  struct Floats {
    double lone_blank_share = 1.0 / 3;  ///< most of its content area a page of boxes alone may leave blank
    double max_pull_lines = 12;  ///< most lines a column gives to the next page so a box is not alone there
  } floats;
  struct VerticalJustification {
    /// Most space, in points, added at one place between blocks so a section's last page ends its columns
    /// together (twice that before a heading, half between list items); 0: off.
    double max_space = 8;
  } vertical_justification;
  int balance_steps = 9;  ///< trials to find the shortest balanced columns of a section's last page
  int passes = 4;         ///< layout passes at most for page references and the contents to settle
};

struct Template {
  std::string name;
  std::string path;
  double page_width = 595.276;
  double page_height = 841.89;
  Margins margins;
  double gutter = 18;
  /// Justified lines whose word spaces would grow beyond this multiple of their natural width are set ragged.
  double max_word_space = 2.2;
  /// Word spaces of a justified line may shrink to this multiple of their natural width to take a word in.
  double min_word_space = 0.8;
  /// More hyphenated lines in a row than this are avoided wherever the paragraph allows.
  int max_hyphens_in_row = 2;
  /// Justified lines may scale their glyphs horizontally by up to this share either way (0.02: 98 % to 102 %) to
  /// keep word spaces even, in steps of a fifth of it; 0: never.
  double glyph_scaling = 0;
  OpticalMargins optical_margins;  ///< empty: straight margins
  double footnote_gap = 10;  ///< space between a column's text and its footnotes
  LayoutGeometry geometry;
  std::map<std::string, Rgb> palette;
  std::vector<std::string> chart_palette;  ///< palette names for chart series, in order
  std::map<std::string, TextStyle> styles;
  std::map<std::string, MasterPage> masters;

  /// REQUIRES: the template was validated (the loader checks every style and palette name the layout uses).
  const TextStyle& Style(const std::string& style) const { return styles.at(style); }
  const Rgb& Colour(const std::string& colour) const { return palette.at(colour); }
  double ContentWidth() const { return page_width - margins.inner - margins.outer; }
  double ContentHeight() const { return page_height - margins.top - margins.bottom; }
  double ColumnWidth(int columns) const { return (ContentWidth() - gutter * (columns - 1)) / columns; }
};

}  // namespace barometer::model
