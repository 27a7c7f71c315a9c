#include "base/number_style.h"

#include <doctest/doctest.h>

using barometer::base::NumberStyle;

TEST_CASE("number style formats English and Danish numbers") {
  NumberStyle en;  // the defaults are English marks
  NumberStyle da;
  da.decimal_mark = ",";
  da.thousands_mark = ".";
  da.percent_separator = "\u00A0";
  CHECK(en.Format(1877) == "1,877");
  CHECK(da.Format(1877) == "1.877");
  CHECK(en.Format(733) == "733");
  CHECK(en.Format(1.5, 1) == "1.5");
  CHECK(da.Format(1.5, 1) == "1,5");
  CHECK(en.Format(2271000) == "2,271,000");
  CHECK(en.Percent(34) == "34%");
  CHECK(da.Percent(34) == "34\u00A0%");
  CHECK(en.Format(0.125, 2) == "0.13");  // half away from zero despite binary representation
  CHECK(en.Format(-2.5) == "-3");
  CHECK(en.Format(-0.2) == "0");
}
