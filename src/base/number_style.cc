#include "base/number_style.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace barometer::base {

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double number = std::strtod(text.c_str(), &end);
  if (*end != '\0' || errno != 0 || !std::isfinite(number)) return std::nullopt;
  return number;
}

std::optional<long> ParseWholeNumber(const std::string& text, long min, long max) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long number = std::strtol(text.c_str(), &end, 10);
  if (*end != '\0' || errno != 0 || number < min || number > max) return std::nullopt;
  return number;
}

std::string PlainNumber(double value) {
  if (value == 0) return "0";  // also turns -0 into 0
  char buffer[400];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

void AppendFixed(std::string& out, double value, int decimals) {
  static constexpr int64_t kPowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (decimals >= 0 && decimals <= 6 && std::abs(value) < 1e12) {
    // Most numbers of a page: in whole steps of the last decimal, with integers (std::to_chars is slower).
    const int64_t steps = std::llround(value * static_cast<double>(kPowers[decimals]));
    if (steps == 0) {
      out += '0';
      return;
    }
    uint64_t magnitude = steps < 0 ? static_cast<uint64_t>(-steps) : static_cast<uint64_t>(steps);
    char buffer[32];
    char* end = buffer + sizeof buffer;
    char* at = end;
    int place = 0;
    bool fraction = false;
    for (; place < decimals; ++place, magnitude /= 10) {  // the decimals, trailing zeros left out
      const char digit = static_cast<char>('0' + magnitude % 10);
      if (!fraction && digit == '0') continue;
      fraction = true;
      *--at = digit;
    }
    if (fraction) *--at = '.';
    do {
      *--at = static_cast<char>('0' + magnitude % 10);
      magnitude /= 10;
    } while (magnitude > 0);
    if (steps < 0) *--at = '-';
    out.append(at, end);
    return;
  }
  char buffer[400];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  if (error != std::errc()) {
    out += '0';
    return;
  }
  char* last = end;
  if (std::find(buffer, end, '.') != end) {
    while (last[-1] == '0') --last;
    if (last[-1] == '.') --last;
  }
  if (last - buffer == 2 && buffer[0] == '-' && buffer[1] == '0') {
    out += '0';
    return;
  }
  out.append(buffer, last);
}

std::string TwoDecimals(double value) {
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);  // no locale is ever set, so the mark is '.'
  const std::string text = buffer;
  return text == "-0.00" ? "0.00" : text;
}

std::string NumberStyle::Format(double value, int decimals) const {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-\u221E" : "\u221E";
  decimals = std::clamp(decimals, 0, kMaxDecimals);
  double scale = std::pow(10.0, decimals);
  // Round half away from zero on the scaled value; a tiny nudge absorbs binary representation error (0.125 etc.).
  double scaled = std::round(std::fabs(value) * scale * (1 + 1e-12));
  std::uint64_t units = 0, whole = 0, fraction = 0;
  std::string digits;
  if (scaled < 9e18) {  // fits in 64 bits
    units = static_cast<std::uint64_t>(scaled);
    auto factor = static_cast<std::uint64_t>(scale);
    whole = units / factor;
    fraction = units % factor;
    digits = std::to_string(whole);
  } else {  // too big for decimals to matter; "%.0f" has no decimal mark, so no locale reaches it
    char buffer[400];
    std::snprintf(buffer, sizeof buffer, "%.0f", std::round(std::fabs(value)));
    digits = buffer;
    units = 1;
  }
  std::string grouped;
  if (static_cast<int>(digits.size()) >= group_min_digits) {
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) grouped += thousands_mark;
      grouped += digits[i];
    }
  } else {
    grouped = digits;
  }
  std::string out = (value < 0 && units != 0 ? "-" : "") + grouped;
  if (decimals > 0) {
    std::string frac = std::to_string(fraction);
    out += decimal_mark + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::string NumberStyle::Percent(double value, int decimals) const {
  return Format(value, decimals) + percent_separator + percent_sign;
}

}  // namespace barometer::base
