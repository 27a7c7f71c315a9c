// ChartSvg: shapes as SVG paths (cairo_arc's semantics as SVG arcs), labels as glyph outlines defined once and
// placed with <use>; and every 2021 figure, drawn from its SVG by librsvg, looks like the PNG export Cairo draws.
#include "exports/chart_svg.h"

#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <numbers>
#include <regex>
#include <set>
#include <string>

#include "../figures/figures_fixture.h"
#include "../shell.h"
#include "audit/images.h"
#include "exports/figure_exports.h"

using namespace barometer;

namespace {

figures::Shape Filled(std::vector<figures::PathOp> path, model::Rgb fill) {
  figures::Shape shape;
  shape.path = std::move(path);
  shape.fill = fill;
  return shape;
}

std::vector<std::string> All(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[1]);
  }
  return found;
}

// Whether the glyph at byte `cluster` of the run's text is a space (its outline is empty: nothing is placed).
bool IsSpace(const text::GlyphRun& run, const text::Glyph& glyph) {
  for (const char* space : {" ", "\u00A0", "\u2009", "\u202F"}) {
    if (run.text.compare(glyph.cluster, std::strlen(space), space) == 0) return true;
  }
  return false;
}

// The share of 4 x 4 pixel blocks whose mean colour differs by more than a fifth of the range in a channel. Two
// renderers anti-alias edges differently, pixel by pixel; a missing or misplaced mark changes whole blocks.
double DifferentBlocks(const audit::Image& a, const audit::Image& b) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  long blocks = 0, different = 0;
  for (int y0 = 0; y0 + 4 <= a.height; y0 += 4) {
    for (int x0 = 0; x0 + 4 <= a.width; x0 += 4) {
      int sum[2][3] = {};
      for (int y = y0; y < y0 + 4; ++y) {
        for (int x = x0; x < x0 + 4; ++x) {
          for (int channel = 0; channel < 3; ++channel) {
            sum[0][channel] += a.pixels[static_cast<size_t>(y) * a.width + x] >> (8 * channel) & 0xFF;
            sum[1][channel] += b.pixels[static_cast<size_t>(y) * b.width + x] >> (8 * channel) & 0xFF;
          }
        }
      }
      bool differs = false;
      for (int channel = 0; channel < 3; ++channel) differs |= std::abs(sum[0][channel] - sum[1][channel]) > 16 * 51;
      ++blocks;
      different += differs;
    }
  }
  return static_cast<double>(different) / static_cast<double>(blocks);
}

// The SVG drawn by librsvg at the PNG's size.
audit::Image DrawSvg(const std::string& svg, const audit::Image& like) {
  const std::string folder = testing::ProcessScratchFolder("chart-svg");
  std::filesystem::create_directories(folder);
  const std::string svg_path = folder + "/figure.svg", drawn_path = folder + "/figure.png";
  { std::ofstream(svg_path, std::ios::binary) << svg; }
  const testing::Run run = testing::Shell("rsvg-convert -b white -w " + std::to_string(like.width) + " -h " +
                                          std::to_string(like.height) + " -o " + drawn_path + " " + svg_path);
  REQUIRE_MESSAGE(run.status == 0, run.out);
  return audit::DecodePng(testing::ReadFile(drawn_path), drawn_path);
}

}  // namespace

TEST_CASE("chart svg: shapes are paths with their fill and stroke, arcs as quarter-turn SVG arcs") {
  using Op = figures::PathOp;
  figures::Chart chart;
  chart.width = 99.2;
  chart.height = 50;
  chart.shapes.push_back(Filled(
      {{Op::kMoveTo, 0, 0}, {Op::kLineTo, 10.5, 0}, {Op::kLineTo, 10.5, 5.25}, {Op::kLineTo, 0, 5.25}, {Op::kClose}},
      {1, 0.5, 0}));
  figures::Shape ring = Filled({{Op::kArc, 50, 25, 10, 0, 2 * std::numbers::pi}}, {0, 0, 1});
  chart.shapes.push_back(ring);
  // A stroked line, unfilled; then a quarter turn back the other way after a point (a line to its start).
  figures::Shape rule;
  rule.filled = false;
  rule.stroke_width = 0.75;
  rule.stroke = {0.2, 0.2, 0.2};
  rule.path = {{Op::kMoveTo, 0, 40}, {Op::kLineTo, 90, 40}};
  chart.shapes.push_back(rule);
  chart.shapes.push_back(Filled(
      {{Op::kMoveTo, 70, 25}, {Op::kArcNegative, 70, 25, 8, 0, -std::numbers::pi / 2}, {Op::kClose}}, {0, 1, 0}));
  chart.shapes.push_back(figures::Shape{});  // an empty path draws nothing

  const std::string svg = exports::ChartSvg(chart);
  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
  CHECK(svg.find("width=\"100pt\" height=\"50pt\" viewBox=\"0 0 100 50\"") != std::string::npos);
  CHECK(svg.find("<defs>") == std::string::npos);  // no labels, no glyphs
  const std::vector<std::string> paths = All(svg, "<path ([^>]*)/>");
  REQUIRE(paths.size() == 4);
  CHECK(paths[0] == "style=\"fill:#ff8000;stroke:none\" d=\"M 0 0 L 10.5 0 L 10.5 5.25 L 0 5.25 Z\"");
  CHECK(paths[1] ==
        "style=\"fill:#0000ff;stroke:none\" d=\"M 60 25 A 10 10 0 0 1 50 35 A 10 10 0 0 1 40 25 A 10 10 0 0 1 50 15 "
        "A 10 10 0 0 1 60 25\"");
  CHECK(paths[2] ==
        "style=\"fill:none;stroke:#333333;stroke-width:0.75;stroke-linecap:butt;stroke-linejoin:miter;"
        "stroke-miterlimit:10\" d=\"M 0 40 L 90 40\"");
  CHECK(paths[3] == "style=\"fill:#00ff00;stroke:none\" d=\"M 70 25 L 78 25 A 8 8 0 0 0 70 17 Z\"");
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

TEST_CASE("chart svg: each glyph is defined once and every glyph drawn is placed, in the run's colour") {
  base::Diagnostics diags;
  const figures::Chart chart = testing::Build2021("fig05", "da", diags);
  REQUIRE_FALSE(diags.HasErrors());
  size_t drawn = 0;
  std::set<std::pair<std::string, uint32_t>> distinct;
  std::set<std::string> colours;
  for (const figures::Label& label : chart.labels) {
    for (int i = 0; label.text && i < label.text->line_count(); ++i) {
      for (const text::GlyphRun& run : label.text->line(i).runs) {
        for (const text::Glyph& glyph : run.glyphs) {
          if (glyph.id == text::kEmptyGlyph || IsSpace(run, glyph)) continue;
          ++drawn;
          distinct.insert({run.font.description, glyph.id});
          colours.insert(exports::HexColour(run.colour));
        }
      }
    }
  }
  REQUIRE(drawn > 100);
  const std::string svg = exports::ChartSvg(chart);
  const std::vector<std::string> defined = All(svg, "<path id=\"(glyph[0-9]+)\" d=\"M ");
  const std::vector<std::string> used = All(svg, "<use xlink:href=\"#(glyph[0-9]+)\"");
  CHECK(defined.size() == distinct.size());
  CHECK(used.size() == drawn);
  CHECK(std::set<std::string>(defined.begin(), defined.end()).size() == defined.size());
  for (const std::string& id : used) CHECK(std::find(defined.begin(), defined.end(), id) != defined.end());
  for (const std::string& colour : colours) CHECK(svg.find("<g style=\"fill:" + colour + "\">") != std::string::npos);
  CHECK(exports::ChartSvg(chart) == svg);
}

TEST_CASE("chart svg: every 2021 figure drawn from its SVG by librsvg looks like the PNG export") {
  for (const char* language : {"da", "en"}) {
    for (const auto& [id, spec] : testing::Edition2021().figures) {
      INFO(language << " " << id);
      base::Diagnostics diags;
      figures::Chart chart = testing::Build2021(id, language, diags);
      REQUIRE_FALSE(diags.HasErrors());
      const model::Edition& edition = testing::Edition2021();
      const model::LanguageEdition& lang = testing::Language(edition, language);
      const exports::FigureExport input{&chart, &spec, spec.table.empty() ? nullptr : &edition.tables.at(spec.table),
                                        &lang.figures.at(id), &lang};
      const auto files = exports::ExportFigure(input, diags);
      const audit::Image png = audit::DecodePng(files[1].second, files[1].first);
      const double same = DifferentBlocks(DrawSvg(files[0].second, png), png);
      CHECK(same < 0.002);
      // The comparison sees the longest label left out, or the shapes filled in another colour.
      figures::Chart changed = chart;
      auto glyphs = [](const figures::Label& label) {
        size_t count = 0;
        for (int i = 0; label.text && i < label.text->line_count(); ++i) {
          for (const text::GlyphRun& run : label.text->line(i).runs) count += run.glyphs.size();
        }
        return count;
      };
      auto longest = std::max_element(changed.labels.begin(), changed.labels.end(),
                                      [&](const auto& a, const auto& b) { return glyphs(a) < glyphs(b); });
      REQUIRE(longest != changed.labels.end());
      changed.labels.erase(longest);
      CHECK(DifferentBlocks(DrawSvg(exports::ChartSvg(changed), png), png) > 0.003);
      changed = chart;
      for (figures::Shape& shape : changed.shapes) shape.fill = {1, 0, 1};
      CHECK(DifferentBlocks(DrawSvg(exports::ChartSvg(changed), png), png) > 0.003);
    }
  }
}
