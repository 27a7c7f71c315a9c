// The laid-out document: pages of placed items in absolute coordinates (points, origin at the page's top left,
// y down). Layout decides everything here; render only draws it.
#pragma once

#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "figures/chart.h"
#include "model/template.h"
#include "text/paragraph.h"

namespace barometer::layout {

/// The structure element an item belongs to, outermost first: e.g. {{"L", 7}, {"LI", 8}}. Items with the same
/// (tag, id) belong to one element, also when other items come between them (a paragraph continued in the next
/// column or on the next page); an empty path marks an artifact (footer, decoration) that is kept out of the
/// reading order.
struct TagStep {
  TagStep() = default;
  TagStep(std::string tag_name, int tag_id, std::string language = "")
      : tag(std::move(tag_name)), id(tag_id), lang(std::move(language)) {}

  std::string tag;
  int id = 0;
  std::string lang;  ///< BCP 47 /Lang of an element in another language than the document's ("" for none)
  bool operator==(const TagStep&) const = default;
};
using TagPath = std::vector<TagStep>;

/// Lines [first, first + count) of a shaped paragraph, the first line's box top at (x, y); of those, only the
/// glyph runs of text bytes [from, to) (a phrase in another language is an item, and an element, of its own).
struct TextLines {
  std::shared_ptr<const text::ShapedParagraph> paragraph;
  int first = 0;
  int count = 0;
  double x = 0, y = 0;
  int from = 0, to = kWholeText;
  static constexpr int kWholeText = std::numeric_limits<int>::max();
};

struct FilledRect {
  double x = 0, y = 0, w = 0, h = 0;
  model::Rgb colour;
};

struct RuleLine {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0.5;
  model::Rgb colour;
};

struct PlacedChart {
  std::shared_ptr<const figures::Chart> chart;
  double x = 0, y = 0;
};

/// A clickable area: an external URI, or an internal destination written "#name".
struct LinkArea {
  double x = 0, y = 0, w = 0, h = 0;
  std::string target;
  std::string description;  ///< what a screen reader announces for the link (its text, or where it leads)
};

/// A named destination (for the contents, bookmarks and internal links) at a point of the page.
struct Destination {
  std::string name;
  double x = 0, y = 0;
};

struct Item {
  std::variant<TextLines, FilledRect, RuleLine, PlacedChart, LinkArea, Destination> content;
  TagPath tags;
  std::string alt;  ///< alt text of a Figure element
};

struct Page {
  int number = 0;      ///< 1-based physical page number
  std::string label;   ///< printed page label ("1", or "" for unnumbered pages such as the cover)
  std::string master;
  std::vector<Item> items;  ///< in reading order, decorations first
};

struct OutlineEntry {
  std::string title;
  std::string destination;
  int level = 1;  ///< 1 = section, 2 = subsection
  int page = 0;   ///< 1-based page the destination is on
};

struct Metadata {
  std::string title, subject, author, keywords, creator;
  std::string date;      ///< ISO 8601, from edition.yaml
  std::string language;  ///< BCP 47 tag for /Lang
};

struct Document {
  double page_width = 0, page_height = 0;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  Metadata metadata;
  /// Alt texts of the Figure elements in document order (render gives them to the Figure elements in order).
  std::vector<std::string> figure_alts;
};

}  // namespace barometer::layout
