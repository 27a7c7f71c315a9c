// A template: the look of an edition (page, grid, styles, palette, master pages), read from templates/*.yaml so
// editors can change it without recompiling. All lengths are in PostScript points.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace barometer::model {

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

enum class Align { kLeft, kJustify, kCenter, kRight };

/// A typographic style. `family` must name a family of the pinned fonts.
struct TextStyle {
  std::string name;
  std::string family = "Noto Serif";
  int weight = 400;           ///< CSS weight: 400 regular, 600 semibold, 700 bold
  bool italic = false;
  double size = 9.5;
  double leading = 13.5;      ///< baseline to baseline
  std::string color = "text"; ///< palette name
  double space_before = 0;
  double space_after = 0;
  Align align = Align::kLeft;
  bool hyphenate = false;
  bool uppercase = false;
  double letter_spacing = 0;  ///< in points
  double indent = 0;          ///< left indent (lists)
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
  double footnote_gap = 10;  ///< space between a column's text and its footnotes
  std::map<std::string, Color> palette;
  std::vector<std::string> chart_palette;  ///< palette names for chart series, in order
  std::map<std::string, TextStyle> styles;
  std::map<std::string, MasterPage> masters;

  /// REQUIRES: the template was validated (the loader checks every style and palette name the layout uses).
  const TextStyle& Style(const std::string& style) const { return styles.at(style); }
  const Color& Colour(const std::string& colour) const { return palette.at(colour); }
  double ContentWidth() const { return page_width - margins.inner - margins.outer; }
  double ContentHeight() const { return page_height - margins.top - margins.bottom; }
  double ColumnWidth(int columns) const { return (ContentWidth() - gutter * (columns - 1)) / columns; }
};

/// The style names the layout uses; a template must define all of them.
const std::vector<std::string>& RequiredStyles();
/// The palette names the layout uses.
const std::vector<std::string>& RequiredColours();
/// The master names the layout uses.
const std::vector<std::string>& RequiredMasters();

}  // namespace barometer::model
