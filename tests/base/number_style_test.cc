#include "base/number_style.h"

#include <doctest/doctest.h>

#include <cmath>

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

TEST_CASE("number style survives values and decimals no table should hold") {
  NumberStyle en;  // English marks
  CHECK(en.Format(12.5, -3) == "13");         // negative decimals: none
  CHECK(en.Format(1.5, 40) == "1.500000000");  // more than nine: nine
  CHECK(en.Format(std::nan("")) == "NaN");
  CHECK(en.Format(-HUGE_VAL) == "-\u221E");
  CHECK(en.Format(1e300).size() == 301 + 100);  // 301 digits and 100 thousands marks
  CHECK(en.Format(-2e19) == "-20,000,000,000,000,000,000");
  CHECK(en.Format(-2e19, 2) == "-20,000,000,000,000,000,000.00");
}
