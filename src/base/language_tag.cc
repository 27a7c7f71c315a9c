#include "base/language_tag.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace barometer::base {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool AllOf(const std::string& s, int (*test)(int)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return test(static_cast<unsigned char>(c)); });
}
bool Alpha(const std::string& s, size_t min, size_t max) {
  return s.size() >= min && s.size() <= max && AllOf(s, std::isalpha);
}
bool Digits(const std::string& s, size_t n) { return s.size() == n && AllOf(s, std::isdigit); }
bool AlphaNum(const std::string& s, size_t min, size_t max) {
  return s.size() >= min && s.size() <= max && AllOf(s, std::isalnum);
}

// privateuse = "x" 1*("-" (1*8alphanum)), from subtags[at] (the "x").
bool PrivateUse(const std::vector<std::string>& subtags, size_t at) {
  if (at + 1 >= subtags.size()) return false;
  for (size_t i = at + 1; i < subtags.size(); ++i) {
    if (!AlphaNum(subtags[i], 1, 8)) return false;
  }
  return true;
}

}  // namespace

bool IsWellFormedLanguageTag(const std::string& tag) {
  static const std::set<std::string> kGrandfathered = {
      "en-gb-oed", "i-ami",      "i-bnn",      "i-default",  "i-enochian", "i-hak",       "i-klingon",
      "i-lux",     "i-mingo",    "i-navajo",   "i-pwn",      "i-tao",      "i-tay",       "i-tsu",
      "sgn-be-fr", "sgn-be-nl",  "sgn-ch-de",  "art-lojban", "cel-gaulish", "no-bok",     "no-nyn",
      "zh-guoyu",  "zh-hakka",   "zh-min",     "zh-min-nan", "zh-xiang"};
  const std::string lower = Lower(tag);
  if (kGrandfathered.count(lower)) return true;
  std::vector<std::string> subtags;
  for (size_t start = 0;;) {
    size_t dash = lower.find('-', start);
    subtags.push_back(lower.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  if (subtags[0] == "x") return PrivateUse(subtags, 0);
  size_t i = 0;
  if (Alpha(subtags[0], 2, 3)) {
    ++i;
    for (int extlang = 0; extlang < 3 && i < subtags.size() && Alpha(subtags[i], 3, 3); ++extlang) ++i;
  } else if (Alpha(subtags[0], 4, 8)) {
    ++i;
  } else {
    return false;
  }
  if (i < subtags.size() && Alpha(subtags[i], 4, 4)) ++i;                                      // script
  if (i < subtags.size() && (Alpha(subtags[i], 2, 2) || Digits(subtags[i], 3))) ++i;           // region
  std::set<std::string> variants;
  while (i < subtags.size()) {                                                                  // variants
    const std::string& s = subtags[i];
    bool variant = AlphaNum(s, 5, 8) || (s.size() == 4 && std::isdigit(static_cast<unsigned char>(s[0])) &&
                                         AlphaNum(s, 4, 4));
    if (!variant) break;
    if (!variants.insert(s).second) return false;
    ++i;
  }
  std::set<char> singletons;
  while (i < subtags.size() && subtags[i].size() == 1 && subtags[i] != "x") {                  // extensions
    if (!AlphaNum(subtags[i], 1, 1) || !singletons.insert(subtags[i][0]).second) return false;
    size_t parts = 0;
    for (++i; i < subtags.size() && AlphaNum(subtags[i], 2, 8); ++i) ++parts;
    if (parts == 0) return false;
  }
  if (i < subtags.size() && subtags[i] == "x") return PrivateUse(subtags, i);
  return i == subtags.size();
}

}  // namespace barometer::base
