// Number formatting by our own code: never printf under a C locale, so the output does not depend on the
// machine's environment. Each language's marks come from its profile (templates/languages/<code>.yaml).
#pragma once

#include <string>

namespace barometer::base {

struct NumberStyle {
  std::string decimal_mark = ".";       ///< "," in Danish
  std::string thousands_mark = ",";     ///< "." in Danish
  std::string percent_separator = "";   ///< between number and percent sign: "" in English, U+00A0 in Danish
  std::string percent_sign = "%";
  int group_min_digits = 4;             ///< group thousands only from this many integer digits (1877 -> "1,877")

  static constexpr int kMaxDecimals = 9;

  /// `value` rounded half away from zero to `decimals` places (clamped to 0..kMaxDecimals), with marks:
  /// 1877 -> "1,877", 1.5 -> "1.5". NaN gives "NaN", infinities "∞" and "-∞".
  std::string Format(double value, int decimals = 0) const;
  /// A percentage: 34 -> "34%" (English) or "34 %" (Danish, with a no-break space).
  std::string Percent(double value, int decimals = 0) const;
};

}  // namespace barometer::base
