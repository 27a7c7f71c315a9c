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

TEST_CASE("plain numbers: read strictly, written with '.' and as few digits as needed") {
  using namespace barometer::base;
  CHECK(ParseNumber("12.5") == 12.5);
  CHECK(ParseNumber("-3") == -3);
  CHECK(ParseNumber("1e2") == 100);
  for (const char* bad : {"", "12a", "12,5", " ", "nan", "inf", "1e999"}) CHECK_MESSAGE(!ParseNumber(bad), bad);
  CHECK(ParseWholeNumber("42", 1, 100) == 42L);
  CHECK(ParseWholeNumber("100", 1, 100) == 100L);
  for (const char* bad : {"", "0", "101", "4.5", "4x", "99999999999999999999"}) {
    CHECK_MESSAGE(!ParseWholeNumber(bad, 1, 100), bad);
  }

  CHECK(PlainNumber(34) == "34");
  CHECK(PlainNumber(12.5) == "12.5");
  CHECK(PlainNumber(0.1) == "0.1");
  CHECK(PlainNumber(100) == "100");
  CHECK(PlainNumber(-0.0) == "0");
  CHECK(PlainNumber(1877) == "1877");
  CHECK(PlainNumber(1e300).size() == 301);  // fixed notation, never an exponent

  CHECK(TwoDecimals(12.5) == "12.50");
  CHECK(TwoDecimals(-1.005) == "-1.00");  // the binary value lies below -1.005
  CHECK(TwoDecimals(-0.001) == "0.00");
  CHECK(TwoDecimals(595.2756) == "595.28");
}

TEST_CASE("number style: fixed notation for drawing operators, rounded, without trailing zeros or an exponent") {
  auto fixed = [](double value, int decimals) {
    std::string out = "x";
    barometer::base::AppendFixed(out, value, decimals);
    return out;
  };
  CHECK(fixed(12, 3) == "x12");
  CHECK(fixed(12.25, 1) == "x12.3");
  CHECK(fixed(-12.25, 1) == "x-12.3");
  CHECK(fixed(0.0004, 3) == "x0");
  CHECK(fixed(-0.0004, 3) == "x0");
  CHECK(fixed(595.2756, 3) == "x595.276");
  CHECK(fixed(0.1 + 0.2, 6) == "x0.3");
  CHECK(fixed(1e20, 0) == "x100000000000000000000");  // past the integer path: std::to_chars, still no exponent
  CHECK(fixed(-2.5e13, 2) == "x-25000000000000");
}
