// The zones diagram (zones.cc): every item in its zone's third, the middle zone in the overlap.
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

TEST_CASE("figures zones: twenty labels in three zones, the middle zone in the overlap") {
  base::Diagnostics diags;
  figures::Chart chart = Build2021("fig02", "en", diags);
  REQUIRE_FALSE(diags.HasErrors());
  CHECK(LabelsWithRole(chart, "zone-title") ==
        std::vector<std::string>{"New technologies", "New to some, known to others", "Known technologies"});
  CHECK(LabelsWithRole(chart, "zone-item").size() == 20);
  REQUIRE(chart.values.size() == 20);
  const double third = chart.width / 3;
  size_t item = 0;
  for (const figures::Label& label : chart.labels) {
    if (label.role != "zone-item") continue;
    const figures::DrawnValue& v = chart.values[item++];
    CHECK_FALSE(v.has_value);
    CHECK(LabelText(label) == v.category_label);
    int zone = v.series == "new" ? 0 : v.series == "both" ? 1 : 2;
    CHECK(label.left() >= zone * third);
    CHECK(label.right() <= (zone + 1) * third);
  }
  CHECK(Marks(chart, "zone").size() == 3);
}
