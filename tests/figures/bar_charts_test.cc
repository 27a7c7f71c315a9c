// The bar kinds (stacked_bar.cc, grouped_columns.cc, citizen_roles.cc, promote_hinder.cc, diverging.cc,
// grouped_bars.cc, bars.cc): a bar's length is its value times one factor, bars start where the kind says
// (the baseline, the centre line, the axis), colours come from chart_palette in order.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "figures_fixture.h"

using namespace barometer;
using testing::Build2021;
using testing::LabelText;
using testing::PathBox;
using testing::Marks;
using testing::CommonScale;
using testing::Palette;
using testing::LabelsWithRole;

TEST_CASE("figures stacked bar: segment widths are proportional and a single-choice bar spans the frame") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig03", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 3);
  std::vector<double> widths, values;
  double x = 0;
  for (const auto* bar : bars) {
    figures::Box box = PathBox(*bar);
    CHECK(box.x0 == doctest::Approx(x));
    x = box.x1;
    widths.push_back(box.x1 - box.x0);
    values.push_back(bar->value);
  }
  CHECK(values == std::vector<double>{9, 25, 65});
  // 9 + 25 + 65 = 99 (rounding): the bar is the 99 spread over the full width.
  CHECK(CommonScale(widths, values) == doctest::Approx(chart.width / 99));
  CHECK(x == doctest::Approx(chart.width));
  CHECK(LabelsWithRole(chart, "value") == std::vector<std::string>{"9%", "25%", "65%", "9%", "25%", "65%"});
}

TEST_CASE("figures grouped columns: heights are proportional and every column stands on the baseline") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig04", "da", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 10);
  std::vector<double> heights, values;
  const double base = PathBox(*bars[0]).y1;
  for (const auto* bar : bars) {
    figures::Box box = PathBox(*bar);
    CHECK(box.y1 == doctest::Approx(base));
    heights.push_back(box.y1 - box.y0);
    values.push_back(bar->value);
    CHECK(bar->fill == Palette(bar->series == "technological" ? 0 : 1));
  }
  CommonScale(heights, values);
  CHECK(LabelsWithRole(chart, "legend") ==
        std::vector<std::string>{"Teknologiske innovationer", "Ikke-teknologiske innovationer"});
  CHECK(LabelsWithRole(chart, "category").size() == 5);
}

TEST_CASE("figures citizen roles: a headline share and three proportional sub-bars") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig05", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(LabelsWithRole(chart, "headline") == std::vector<std::string>{"53%"});
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 3);
  std::vector<double> widths, values;
  for (const auto* bar : bars) {
    widths.push_back(PathBox(*bar).x1 - PathBox(*bar).x0);
    values.push_back(bar->value);
  }
  CHECK(values == std::vector<double>{49, 15, 10});
  // The bars are shares of the whole: the track behind them is 100.
  double scale = CommonScale(widths, values);
  auto tracks = Marks(chart, "track");
  REQUIRE(tracks.size() == 3);
  CHECK(PathBox(*tracks[0]).x1 - PathBox(*tracks[0]).x0 == doctest::Approx(100 * scale));
}

TEST_CASE("figures promote/hinder: hindered grows left and promoted right of one centre line, on one scale") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig06", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 6);
  auto axis = Marks(chart, "axis");
  REQUIRE(axis.size() == 1);
  const double centre = axis[0]->path[0].x;
  std::vector<double> widths, values;
  for (const auto* bar : bars) {
    figures::Box box = PathBox(*bar);
    if (bar->series == "hindered") CHECK(box.x1 == doctest::Approx(centre));
    else CHECK(box.x0 == doctest::Approx(centre));
    CHECK(bar->fill == Palette(bar->series == "hindered" ? 0 : 1));
    widths.push_back(box.x1 - box.x0);
    values.push_back(bar->value);
  }
  CommonScale(widths, values);
  // Every hindered value label is left of the centre, every promoted one right of its bar.
  for (const figures::Label& label : chart.labels) {
    if (label.role != "value") continue;
    std::string text = LabelText(label);
    bool hindered = text == "18%" || text == "13%" || text == "8%";
    CHECK((hindered ? label.right() < centre : label.left() > centre));
  }
}

TEST_CASE("figures diverging: disagree left and agree right of the centre line, on one scale") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig07", "da", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 2);
  CHECK(bars[0]->category == "disagree");
  CHECK(PathBox(*bars[0]).x1 == doctest::Approx(PathBox(*bars[1]).x0));
  CommonScale({PathBox(*bars[0]).x1 - PathBox(*bars[0]).x0, PathBox(*bars[1]).x1 - PathBox(*bars[1]).x0},
              {12, 79});
  // The excluded answers are not drawn, and are not values of the chart.
  CHECK(chart.values.size() == 2);
  CHECK(LabelsWithRole(chart, "category") ==
        std::vector<std::string>{"Uenig (helt eller delvist)", "Enig (delvist eller helt)"});
}

TEST_CASE("figures grouped bars: twenty bars from one axis, on one scale, with a legend") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig08", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto bars = Marks(chart, "bar");
  REQUIRE(bars.size() == 20);
  std::vector<double> widths, values;
  for (const auto* bar : bars) {
    CHECK(PathBox(*bar).x0 == doctest::Approx(PathBox(*bars[0]).x0));
    widths.push_back(PathBox(*bar).x1 - PathBox(*bar).x0);
    values.push_back(bar->value);
  }
  CommonScale(widths, values);
  CHECK(LabelsWithRole(chart, "legend").size() == 2);
  CHECK(LabelsWithRole(chart, "category").size() == 10);
  CHECK(Marks(chart, "legend-swatch").size() == 2);
}

TEST_CASE("figures bars: one category and three series give one bar per series") {
  for (const std::string id : {"fig09", "fig10"}) {
    INFO(id);
    base::Diagnostics diags;
    figures::Chart chart = Build2021(id, "en", diags);
    REQUIRE_FALSE(diags.HasErrors());
    auto bars = Marks(chart, "bar");
    REQUIRE(bars.size() == 3);
    std::vector<double> widths, values;
    std::vector<std::string> series;
    for (size_t i = 0; i < bars.size(); ++i) {
      widths.push_back(PathBox(*bars[i]).x1 - PathBox(*bars[i]).x0);
      values.push_back(bars[i]->value);
      series.push_back(bars[i]->series);
      CHECK(bars[i]->fill == Palette(i));
    }
    CHECK(series == std::vector<std::string>{"new-technology", "known-technology", "non-technological"});
    CommonScale(widths, values);
    CHECK(LabelsWithRole(chart, "series") == std::vector<std::string>{"Innovations with new technology",
                                                                       "Innovations with known technology only",
                                                                       "Non-technological innovations"});
  }
}

TEST_CASE("figures: labels that cannot be placed are reported, not drawn over each other") {
  const model::Edition& edition = testing::Edition2021();
  const model::FigureSpec& spec = edition.figures.at("fig04");
  auto& tools = testing::Tools("en");
  base::Diagnostics diags;
  figures::Chart chart = figures::BuildChart(spec, &edition.tables.at(spec.table),
                                             testing::Language(edition, "en").figures.at("fig04"), 90,
                                             tools.Context(edition.design), diags);
  CHECK_FALSE(figures::OverlappingLabels(chart).empty());
  bool reported = false;
  for (const std::string& line : testing::Lines(diags)) {
    reported |= line.find("cannot be placed without overlapping") != std::string::npos;
  }
  CHECK(reported);
}
