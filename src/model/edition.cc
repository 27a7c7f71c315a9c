#include "model/edition.h"

#include <cstdio>

namespace barometer::model {

std::string RichText::Plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

const char* BlockKindName(const BlockContent& content) {
  static const char* const kNames[] = {"heading", "paragraph", "list",        "quote",   "figure",
                                       "case",    "tips",      "methodology", "colophon"};
  return kNames[content.index()];
}

std::string Date::IsoTimestamp() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", year, month ? month : 1, day ? day : 1);
  return buffer;
}

long long Date::EpochSeconds() const {
  // Days from civil (Howard Hinnant's algorithm), so no time zone or C library call is involved.
  int y = year, m = month ? month : 1, d = day ? day : 1;
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + doe - 719468) * 86400;
}

SourceLoc LanguageEdition::LabelsLoc() const {
  SourceLoc first{labels_file, 0, 0};
  for (const auto& [key, at] : label_locs) {
    if (first.line == 0 || at.line < first.line || (at.line == first.line && at.col < first.col)) first = at;
  }
  return first;
}

}  // namespace barometer::model
