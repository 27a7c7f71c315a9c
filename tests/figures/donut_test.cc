// The donut (donut.cc): angles follow the data, the excluded share is left out, the group total is shown.
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

namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

TEST_CASE("figures donut: angles are value/100 of a turn, the excluded share is not drawn, the group total is shown") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig01", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  auto segments = Marks(chart, "segment");
  REQUIRE(segments.size() == 4);
  std::vector<double> sweeps, values;
  double total = 0, previous_end = -kPi / 2;
  for (size_t i = 0; i < segments.size(); ++i) {
    const figures::PathOp& arc = segments[i]->path.front();
    REQUIRE(arc.kind == figures::PathOp::kArc);
    CHECK(arc.angle0 == doctest::Approx(previous_end));  // clockwise from twelve o'clock, no gaps
    previous_end = arc.angle1;
    sweeps.push_back(arc.angle1 - arc.angle0);
    values.push_back(segments[i]->value);
    total += arc.angle1 - arc.angle0;
    CHECK(segments[i]->fill == Palette(i));
    CHECK(segments[i]->category != "dont-know");
  }
  CHECK(values == std::vector<double>{10, 25, 34, 26});
  CHECK(CommonScale(sweeps, values) == doctest::Approx(2 * kPi / 100));
  CHECK(total == doctest::Approx(2 * kPi * 95 / 100));  // the drawn share of the whole: 5% "don't know" left out
  CHECK(Marks(chart, "track").size() == 1);
  // The technological group: the published 34, not the 35 of the rounded parts.
  CHECK(LabelsWithRole(chart, "group") == std::vector<std::string>{"Technological innovations 34%"});
  CHECK(LabelsWithRole(chart, "series") == std::vector<std::string>{"All innovations"});
  CHECK(chart.values.back().category == "technological");
  CHECK(chart.values.back().value == 34);
}
