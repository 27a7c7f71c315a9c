// Number formatting by our own code: never printf under a C locale, so the output does not depend on the
// machine's environment. Each language's marks come from its profile (templates/languages/<code>.yaml).
#pragma once

#include <optional>
#include <string>

namespace barometer::base {

// Numbers as plain text, '.' for decimals whatever the locale: for input files, messages, the layout dump and
// machine-read outputs (CSV, PDF operators). A language's own marks are NumberStyle's, below.

/// A whole string that is a finite decimal number ("12.5", "-3", "1e2"); nullopt for anything else (empty, "12a",
/// "nan", "inf", out of range).
std::optional<double> ParseNumber(const std::string& text);
/// A whole string that is a whole number in [min, max]; nullopt for anything else.
std::optional<long> ParseWholeNumber(const std::string& text, long min, long max);
/// The shortest fixed notation that reads back as `value`: 47 -> "47", 12.25 -> "12.25"; -0 gives "0".
std::string PlainNumber(double value);
/// `value` rounded to at most `decimals` decimals, without trailing zeros or an exponent, appended to `out`:
/// (12.25, 1) -> "12.3" (halves away from zero), (12.5, 3) -> "12.5", (-0.0001, 3) -> "0". For the many numbers
/// of PDF and SVG drawing operators.
void AppendFixed(std::string& out, double value, int decimals);
/// `value` with exactly two decimals: 12.5 -> "12.50"; -0.001 gives "0.00".
std::string TwoDecimals(double value);

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
