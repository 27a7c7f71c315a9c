// templates/*.yaml: page, grid, palette, styles and master pages.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <optional>
#include <utility>

#include "model/load.h"
#include "model/requirements.h"
#include "source/yaml_file.h"

namespace barometer::model {
namespace {

using source::LocOf;
using source::MapReader;

bool ParseHexColour(const std::string& text, Rgb* colour) {
  if (text.size() != 7 || text[0] != '#') return false;
  unsigned value = 0;
  for (size_t i = 1; i < 7; ++i) {
    char c = text[i];
    int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return false;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  *colour = {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
  return true;
}

TextStyle ReadStyle(const std::string& name, const YAML::Node& node, const std::string& path,
                    const Template& design, base::Diagnostics& diags) {
  TextStyle style;
  style.name = name;
  MapReader map(node, path, diags, "style '" + name + "'");
  // A style may start from another one and change a few properties.
  if (auto base = map.String("based_on", false)) {
    auto it = design.styles.find(*base);
    if (it == design.styles.end()) {
      diags.Error(LocOf(path, node["based_on"]), "style '" + *base + "' is not defined above '" + name + "'");
    } else {
      style = it->second;
      style.name = name;
    }
  }
  style.loc = LocOf(path, node);
  if (auto v = map.String("family", false)) style.family = *v;
  if (auto v = map.Integer("weight", false)) style.weight = *v;
  if (auto v = map.Bool("italic", false)) style.italic = *v;
  if (auto v = map.Number("size", false)) style.size = *v;
  if (auto v = map.Number("leading", false)) style.leading = *v;
  if (auto v = map.String("color", false)) {
    style.colour = *v;
    if (!design.palette.count(*v)) diags.Error(LocOf(path, node["color"]), "colour '" + *v + "' is not in the palette");
  }
  if (auto v = map.Number("space_before", false)) style.space_before = *v;
  if (auto v = map.Number("space_after", false)) style.space_after = *v;
  if (auto v = map.Bool("hyphenate", false)) style.hyphenate = *v;
  if (auto v = map.Bool("uppercase", false)) style.uppercase = *v;
  if (auto v = map.Number("letter_spacing", false)) style.letter_spacing = *v;
  if (auto v = map.Number("indent", false)) style.indent = *v;
  if (auto v = map.String("align", false)) {
    if (*v == "left") style.align = Align::kLeft;
    else if (*v == "justify") style.align = Align::kJustify;
    else if (*v == "center") style.align = Align::kCenter;
    else if (*v == "right") style.align = Align::kRight;
    else diags.Error(LocOf(path, node["align"]), "align must be left, justify, center or right");
  }
  if (style.size <= 0 || style.leading < style.size * 0.8) {
    diags.Error(map.loc(), "style '" + name + "' needs a positive size and a leading of at least 0.8 x its size");
  }
  return style;
}

// A group of lengths under `layout:`, each optional (the default stays) and none negative.
struct Length {
  const char* key;
  double* value;
};

void ReadLengths(MapReader& layout, const char* group, std::initializer_list<Length> lengths) {
  YAML::Node node = layout.Node(group, false);
  if (!node.IsDefined()) return;
  MapReader map(node, layout.file(), layout.diags(), std::string("layout ") + group);
  for (const Length& length : lengths) {
    std::optional<double> value = map.Number(length.key, false);
    if (!value) continue;
    if (*value < 0) {
      layout.diags().Error(LocOf(layout.file(), node[length.key]),
                           "layout." + std::string(group) + "." + length.key + " must not be negative");
      continue;
    }
    *length.value = *value;
  }
}

// `layout:`: the geometry of the layout's parts (see LayoutGeometry).
void ReadGeometry(MapReader& map, LayoutGeometry& g) {
  YAML::Node node = map.Node("layout", false);
  if (!node.IsDefined()) return;
  MapReader layout(node, map.file(), map.diags(), "layout");
  ReadLengths(layout, "figure", {{"space_before", &g.figure.space_before}, {"space_after", &g.figure.space_after},
                                 {"rule_width", &g.figure.rule_width}, {"title_top", &g.figure.title_top}});
  ReadLengths(layout, "pull_quote",
              {{"extra_space_before", &g.pull_quote.extra_space_before},
               {"extra_space_after", &g.pull_quote.extra_space_after}, {"rule_length", &g.pull_quote.rule_length},
               {"rule_width", &g.pull_quote.rule_width}, {"text_top", &g.pull_quote.text_top},
               {"attribution_gap", &g.pull_quote.attribution_gap}, {"bottom", &g.pull_quote.bottom}});
  ReadLengths(layout, "tips",
              {{"space_before", &g.tips.space_before}, {"space_after", &g.tips.space_after},
               {"padding", &g.tips.padding}, {"giver_gap", &g.tips.giver_gap}, {"intro_gap", &g.tips.intro_gap},
               {"number_gap", &g.tips.number_gap}, {"stripe_width", &g.tips.stripe_width}});
  ReadLengths(layout, "facts",
              {{"space_before", &g.facts.space_before}, {"space_after", &g.facts.space_after},
               {"padding", &g.facts.padding}, {"label_share", &g.facts.label_share},
               {"column_gap", &g.facts.column_gap}, {"heading_gap", &g.facts.heading_gap},
               {"rule_width", &g.facts.rule_width}, {"row_top", &g.facts.row_top}, {"row_gap", &g.facts.row_gap}});
  ReadLengths(layout, "contacts",
              {{"space_before", &g.contacts.space_before}, {"space_after", &g.contacts.space_after},
               {"rule_width", &g.contacts.rule_width}, {"heading_top", &g.contacts.heading_top},
               {"person_gap", &g.contacts.person_gap}});
  ReadLengths(layout, "section", {{"opening_space_after", &g.section.opening_space_after}});
  ReadLengths(layout, "case", {{"lede_share", &g.case_story.lede_share},
                               {"nomination_space_before", &g.case_story.nomination_space_before}});
  ReadLengths(layout, "colophon",
              {{"link_space_after", &g.colophon.link_space_after},
               {"imprint_space_before", &g.colophon.imprint_space_before},
               {"imprint_space_after", &g.colophon.imprint_space_after}});
  ReadLengths(layout, "cover",
              {{"rule_gap", &g.cover.rule_gap}, {"rule_length", &g.cover.rule_length},
               {"rule_width", &g.cover.rule_width}, {"title_top", &g.cover.title_top},
               {"title_share", &g.cover.title_share}, {"subtitle_gap", &g.cover.subtitle_gap},
               {"subtitle_share", &g.cover.subtitle_share}});
  ReadLengths(layout, "contents",
              {{"number_width", &g.contents.number_width}, {"title_gap", &g.contents.title_gap},
               {"rule_gap", &g.contents.rule_gap}, {"rule_width", &g.contents.rule_width}});
  ReadLengths(layout, "footer",
              {{"offset", &g.footer.offset}, {"rule_gap", &g.footer.rule_gap}, {"rule_width", &g.footer.rule_width},
               {"title_room", &g.footer.title_room}, {"number_width", &g.footer.number_width}});
  ReadLengths(layout, "footnotes", {{"rule_length", &g.footnotes.rule_length},
                                    {"rule_width", &g.footnotes.rule_width}, {"gap", &g.footnotes.gap}});
  ReadLengths(layout, "superscript", {{"rise", &g.superscript.rise}, {"size", &g.superscript.size}});
  ReadLengths(layout, "draft", {{"mark_width", &g.draft.mark_width}, {"mark_gap", &g.draft.mark_gap}});
  ReadLengths(layout, "floats", {{"lone_blank_share", &g.floats.lone_blank_share},
                                 {"max_pull_lines", &g.floats.max_pull_lines}});
  ReadLengths(layout, "vertical_justification", {{"max_space", &g.vertical_justification.max_space}});
  for (auto [key, value] : {std::pair{"balance_steps", &g.balance_steps}, std::pair{"passes", &g.passes}}) {
    std::optional<int> count = layout.Integer(key, false);
    if (!count) continue;
    if (*count < 1) {
      map.diags().Error(LocOf(map.file(), node[key]), "layout." + std::string(key) + " must be at least 1");
      continue;
    }
    *value = *count;
  }
}

// One side of optical_margins: single characters, each with the share of its width it hangs out.
void ReadHangingShares(const YAML::Node& node, const std::string& path, std::map<std::string, double>& shares,
                       base::Diagnostics& diags) {
  if (!node.IsDefined()) return;
  if (!node.IsMap()) {
    diags.Error(LocOf(path, node), "optical_margins: each side must map characters to shares of their width");
    return;
  }
  for (const auto& entry : node) {
    const std::string character = entry.first.Scalar();
    double share = -1;
    if (entry.second.IsScalar()) {
      try {
        share = entry.second.as<double>();
      } catch (const YAML::Exception&) {
      }
    }
    const auto characters = std::count_if(character.begin(), character.end(), [](char c) { return (c & 0xC0) != 0x80; });
    if (characters != 1) {
      diags.Error(LocOf(path, entry.first), "optical_margins: '" + character + "' is not a single character");
    } else if (share < 0 || share > 1) {
      diags.Error(LocOf(path, entry.second), "optical_margins: the share of '" + character +
                                                 "' must be a number from 0 to 1 (of the character's width)");
    } else {
      shares[character] = share;
    }
  }
}

// Charts must stay legible without colour: each series at least 3:1 against the page, and any two series apart
// in lightness, since a legend asks the reader to tell every series from every other.
void CheckChartPalette(const Template& design,
                       const std::map<std::string, std::pair<std::string, SourceLoc>>& written,
                       base::Diagnostics& diags) {
  auto paper = design.palette.find("paper");
  if (paper == design.palette.end()) return;  // reported as missing
  auto named = [&](const std::string& name) { return "'" + name + "' (" + written.at(name).first + ")"; };
  auto ratio = [](double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f:1", std::floor(value * 100) / 100);
    return std::string(text);
  };
  std::vector<std::string> series;
  for (const std::string& name : design.chart_palette) {
    if (written.count(name) && std::find(series.begin(), series.end(), name) == series.end()) series.push_back(name);
  }
  for (size_t i = 0; i < series.size(); ++i) {
    const Rgb& colour = design.palette.at(series[i]);
    const double against_paper = ContrastRatio(colour, paper->second);
    if (against_paper < kMinChartContrast) {
      diags.Warning(written.at(series[i]).second,
                    "chart colour " + named(series[i]) + " has a contrast of " + ratio(against_paper) +
                        " against the page " + named("paper") + "; chart marks need at least " +
                        ratio(kMinChartContrast) + " (WCAG 2.1, 1.4.11)",
                    {"keep the hue and make the colour darker"});
    }
    for (size_t j = 0; j < i; ++j) {
      const double between = ContrastRatio(colour, design.palette.at(series[j]));
      if (between < kMinSeriesContrast) {
        diags.Warning(written.at(series[i]).second,
                      "chart colours " + named(series[j]) + " and " + named(series[i]) +
                          " look alike in greyscale: their luminance contrast is " + ratio(between) +
                          ", at least " + ratio(kMinSeriesContrast) + " keeps two series apart without colour",
                      {"make one of them lighter or darker, keeping its hue"});
      }
    }
  }
}

// The page's size and margins, the gutter between columns.
void ReadPage(MapReader& map, const std::string& path, Template& design, base::Diagnostics& diags) {
  YAML::Node page = map.Node("page", true);
  if (page.IsDefined()) {
    MapReader p(page, path, diags, "page");
    design.page_width = p.Number("width", true).value_or(design.page_width);
    design.page_height = p.Number("height", true).value_or(design.page_height);
  }
  YAML::Node margins = map.Node("margins", true);
  if (margins.IsDefined()) {
    MapReader m(margins, path, diags, "margins");
    design.margins.top = m.Number("top", true).value_or(design.margins.top);
    design.margins.bottom = m.Number("bottom", true).value_or(design.margins.bottom);
    design.margins.inner = m.Number("inner", true).value_or(design.margins.inner);
    design.margins.outer = m.Number("outer", true).value_or(design.margins.outer);
  }
  design.gutter = map.Number("gutter", false).value_or(design.gutter);
}

// What the line breaker may do: word spaces, hyphens in a row, glyph scaling, optical margins.
void ReadLineSettings(MapReader& map, const std::string& path, Template& design, base::Diagnostics& diags) {
  design.max_word_space = map.Number("max_word_space", false).value_or(design.max_word_space);
  design.min_word_space = map.Number("min_word_space", false).value_or(design.min_word_space);
  design.max_hyphens_in_row = map.Integer("max_hyphens_in_row", false).value_or(design.max_hyphens_in_row);
  if (design.max_hyphens_in_row < 1) {
    diags.Error(LocOf(path, map.Node("max_hyphens_in_row", false)), "max_hyphens_in_row must be at least 1");
  }
  if (design.max_word_space < 1) {
    diags.Error(LocOf(path, map.Node("max_word_space", false)), "max_word_space must be at least 1 (a normal space)");
  }
  if (design.min_word_space <= 0 || design.min_word_space > 1) {
    diags.Error(LocOf(path, map.Node("min_word_space", false)),
                "min_word_space must be more than 0 and at most 1 (a normal space)");
  }
  design.glyph_scaling = map.Number("glyph_scaling", false).value_or(design.glyph_scaling);
  if (design.glyph_scaling < 0 || design.glyph_scaling > 0.05) {
    diags.Error(LocOf(path, map.Node("glyph_scaling", false)),
                "glyph_scaling must be from 0 (off) to 0.05 (glyphs 95% to 105% wide)");
    design.glyph_scaling = 0;
  }
  YAML::Node optical = map.Node("optical_margins", false);
  if (optical.IsDefined()) {
    MapReader sides(optical, path, diags, "optical_margins");
    for (auto [key, shares] : {std::pair{"left", &design.optical_margins.left},
                               std::pair{"right", &design.optical_margins.right}}) {
      ReadHangingShares(sides.Node(key, false), path, *shares, diags);
    }
  }
}

// The named colours, every colour the layout needs among them, and the chart series' colours.
void ReadPalette(MapReader& map, const YAML::Node& root, const std::string& path, Template& design,
                 base::Diagnostics& diags) {
  YAML::Node palette = map.Node("palette", true);
  std::map<std::string, std::pair<std::string, SourceLoc>> written;  // name -> the colour as written, and where
  if (palette.IsDefined() && palette.IsMap()) {
    for (const auto& entry : palette) {
      Rgb colour;
      if (!entry.second.IsScalar() || !ParseHexColour(entry.second.Scalar(), &colour)) {
        diags.Error(LocOf(path, entry.second), "colour must be written #rrggbb");
        continue;
      }
      design.palette[entry.first.Scalar()] = colour;
      written[entry.first.Scalar()] = {entry.second.Scalar(), LocOf(path, entry.second)};
    }
  }
  for (const std::string& name : RequiredColours()) {
    if (!design.palette.count(name)) diags.Error(LocOf(path, palette), "palette is missing colour '" + name + "'");
  }
  design.chart_palette = map.StringList("chart_palette", true).value_or(std::vector<std::string>{});
  for (const std::string& name : design.chart_palette) {
    if (!design.palette.count(name)) {
      diags.Error(LocOf(path, root["chart_palette"]), "chart colour '" + name + "' is not in the palette");
    }
  }
  CheckChartPalette(design, written, diags);
}

// The text styles, every style the layout needs among them.
void ReadStyles(MapReader& map, const std::string& path, Template& design, base::Diagnostics& diags) {
  YAML::Node styles = map.Node("styles", true);
  if (styles.IsDefined() && styles.IsMap()) {
    for (const auto& entry : styles) {
      std::string name = entry.first.Scalar();
      design.styles[name] = ReadStyle(name, entry.second, path, design, diags);
    }
  }
  for (const std::string& name : RequiredStyles()) {
    if (!design.styles.count(name)) diags.Error(LocOf(path, styles), "styles are missing '" + name + "'");
  }
}

// One master page; its styles and colours must be the template's.
MasterPage ReadMaster(const std::string& name, const YAML::Node& node, const std::string& path,
                      const Template& design, base::Diagnostics& diags) {
  MasterPage master;
  master.name = name;
  MapReader m(node, path, diags, "master '" + master.name + "'");
  master.columns = m.Integer("columns", false).value_or(master.columns);
  if (master.columns < 1 || master.columns > 3) {
    diags.Error(LocOf(path, node["columns"]), "columns must be 1, 2 or 3");
    master.columns = 1;
  }
  master.background = m.String("background", false).value_or("");
  master.band = m.String("band", false).value_or("");
  master.band_height = m.Number("band_height", false).value_or(0);
  master.running_footer = m.Bool("running_footer", false).value_or(true);
  master.new_page = m.Bool("new_page", false).value_or(true);
  master.even_page = m.Bool("even_page", false).value_or(false);
  master.title_style = m.String("title_style", false).value_or(master.title_style);
  master.body_style = m.String("body_style", false).value_or(master.body_style);
  master.link_colour = m.String("link_colour", false).value_or(master.link_colour);
  for (const std::string* style : {&master.title_style, &master.body_style}) {
    if (!design.styles.count(*style)) {
      diags.Error(m.loc(), "master '" + master.name + "' uses style '" + *style + "', which is not defined");
    }
  }
  if (!design.palette.count(master.link_colour)) {
    diags.Error(m.loc(), "master '" + master.name + "' uses colour '" + master.link_colour + "', not in the palette");
  }
  for (const std::string* colour : {&master.background, &master.band}) {
    if (!colour->empty() && !design.palette.count(*colour)) {
      diags.Error(m.loc(), "master '" + master.name + "' uses colour '" + *colour + "', not in the palette");
    }
  }
  return master;
}

void ReadMasters(MapReader& map, const std::string& path, Template& design, base::Diagnostics& diags) {
  YAML::Node masters = map.Node("masters", true);
  if (masters.IsDefined() && masters.IsMap()) {
    for (const auto& entry : masters) {
      design.masters[entry.first.Scalar()] = ReadMaster(entry.first.Scalar(), entry.second, path, design, diags);
    }
  }
  for (const std::string& name : RequiredMasters()) {
    if (!design.masters.count(name)) diags.Error(LocOf(path, masters), "masters are missing '" + name + "'");
  }
}

}  // namespace

Template LoadTemplate(const base::FileSystem& fs, const std::string& path, base::Diagnostics& diags) {
  Template design;
  design.path = path;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  if (!file.ok) return design;
  MapReader map(file.root, path, diags, "template");
  if (!map.ok()) return design;
  design.name = map.String("name", true).value_or("");
  ReadPage(map, path, design, diags);
  ReadLineSettings(map, path, design, diags);
  design.footnote_gap = map.Number("footnote_gap", false).value_or(design.footnote_gap);
  ReadGeometry(map, design.geometry);
  ReadPalette(map, file.root, path, design, diags);
  ReadStyles(map, path, design, diags);
  ReadMasters(map, path, design, diags);
  return design;
}

}  // namespace barometer::model
