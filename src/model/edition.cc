#include "model/edition.h"

#include <cstdio>

namespace barometer::model {
namespace {

// `pattern` with each {name} that `values` has replaced by its value; other braces are kept.
std::string Substitute(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    auto it = close == std::string::npos ? values.end() : values.find(pattern.substr(i + 1, close - i - 1));
    if (it == values.end()) {
      out += pattern[i];
    } else {
      out += it->second;
      i = close;
    }
  }
  return out;
}

}  // namespace

std::string RichText::Plain() const {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

const std::vector<std::string>& BlockKindNames() {
  static const std::vector<std::string> names = {"heading", "paragraph", "list",        "quote",   "figure",
                                                 "case",    "tips",      "methodology", "colophon"};
  return names;
}

const char* BlockKindName(const BlockContent& content) { return BlockKindNames().at(content.index()).c_str(); }

const RichText& Section::TitleForContents() const {
  static const RichText kNone;
  if (!title.empty() || blocks.empty()) return title.empty() ? kNone : title;
  const BlockContent& first = blocks.front().content;
  if (const auto* heading = std::get_if<Heading>(&first); heading && heading->level == 2) return heading->text;
  if (const auto* tips = std::get_if<TipsBox>(&first); tips && !tips->title.empty()) return tips->title;
  return kNone;
}

std::string FillIn(const std::string& pattern, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    auto it = close == std::string::npos ? values.end() : values.find(pattern.substr(i + 1, close - i - 1));
    if (it != values.end()) {
      out += it->second;
      i = close + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

std::string SignificantPairSentence(const std::string& pattern, const FigureText& text,
                                    const std::pair<std::string, std::string>& pair) {
  auto label = [&](const std::string& id) {
    auto it = text.labels.find(id);
    return it == text.labels.end() ? id : it->second;  // the figure checks report a missing label
  };
  return FillIn(pattern, {{"a", label(pair.first)}, {"b", label(pair.second)}});
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
    if (at.file != labels_file) continue;  // a default from the language profile
    if (first.line == 0 || at.line < first.line || (at.line == first.line && at.col < first.col)) first = at;
  }
  return first;
}

std::string LanguageProfile::FormatDate(const Date& date) const {
  const std::string& pattern = date.day ? date_day : date.month ? date_month : date_year;
  std::map<std::string, std::string> values = {{"year", std::to_string(date.year)},
                                               {"day", std::to_string(date.day)}};
  if (date.month >= 1 && date.month <= static_cast<int>(months.size())) values["month"] = months[date.month - 1];
  return Substitute(pattern, values);
}

std::string LanguageProfile::Phrase(const std::string& key, const std::map<std::string, std::string>& values) const {
  auto found = phrases.find(key);
  if (found == phrases.end()) return key;
  const std::string& pattern = found->second;
  return Substitute(pattern, values);
}

}  // namespace barometer::model
