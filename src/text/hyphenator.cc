#include "text/hyphenator.h"

#include <glib.h>
#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace barometer::text {
namespace {

constexpr const char* kSoftHyphen = "\u00AD";

bool IsWordChar(gunichar c) { return g_unichar_isalpha(c); }

}  // namespace

Hyphenator::Hyphenator(const model::LanguageProfile& profile)
    : min_before_(profile.min_before), min_after_(profile.min_after) {
  for (const std::string& marked : profile.hyphenation_exceptions) {
    std::string word;
    std::vector<int> breaks;
    int characters = 0;
    for (const char* q = marked.c_str(); *q; q = g_utf8_next_char(q)) {
      if (*q == '-') {
        breaks.push_back(characters - 1);
        continue;
      }
      word.append(q, static_cast<const char*>(g_utf8_next_char(q)));
      ++characters;
    }
    gchar* lower = g_utf8_strdown(word.c_str(), -1);
    exceptions_[lower] = std::move(breaks);
    g_free(lower);
  }
  // libhyphen reads a FILE*; the loader read the file through the FileSystem, so give it the bytes.
  if (!profile.dictionary_patterns.empty()) {
    if (FILE* patterns = fmemopen(const_cast<char*>(profile.dictionary_patterns.data()),
                                  profile.dictionary_patterns.size(), "r")) {
      dict_ = hnj_hyphen_load_file(patterns);
      fclose(patterns);
    }
  }
  if (!dict_) {
    throw std::runtime_error("cannot load hyphenation patterns " + profile.dictionary + " (Debian package " +
                             profile.dictionary_package + ")");
  }
  latin1_ = !dict_->utf8;
}

Hyphenator::~Hyphenator() {
  if (dict_) hnj_hyphen_free(dict_);
}

std::string Hyphenator::Hyphenate(const std::string& text) const {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    const char* start = p;
    gunichar c = g_utf8_get_char(p);
    if (!IsWordChar(c)) {
      p = g_utf8_next_char(p);
      out.append(start, p);
      continue;
    }
    while (p < end && IsWordChar(g_utf8_get_char(p))) p = g_utf8_next_char(p);
    // A word glued to digits or a hyphen ("COVID-19", "e-mail", "CO2") is left whole.
    bool glued = (p < end && (g_unichar_isdigit(g_utf8_get_char(p)) || *p == '-' || *p == '_' || *p == '/')) ||
                 (start > text.c_str() &&
                  (g_unichar_isdigit(g_utf8_get_char(g_utf8_prev_char(start))) || start[-1] == '-' ||
                   start[-1] == '/' || start[-1] == '.' || start[-1] == '_'));
    std::string word(start, p);
    if (glued) {
      out += word;
      continue;
    }
    auto known = broken_words_.find(word);
    if (known == broken_words_.end()) known = broken_words_.emplace(word, HyphenateWord(word)).first;
    out += known->second;
  }
  return out;
}

// `word` with a soft hyphen after each character index in `breaks` (sorted), except inside f-ligatures.
std::string Hyphenator::WithBreaks(const std::string& word, const std::vector<int>& breaks) {
  std::string out;
  int index = 0;
  size_t next_break = 0;
  for (const char* q = word.c_str(); *q; ++index) {
    const char* next = g_utf8_next_char(q);
    out.append(q, next);
    while (next_break < breaks.size() && breaks[next_break] < index) ++next_break;
    if (*next && next_break < breaks.size() && breaks[next_break] == index) {
      gunichar current = g_utf8_get_char(q), following = g_utf8_get_char(next);
      bool ligature = (current == 'f' && (following == 'f' || following == 'i' || following == 'l'));
      if (!ligature) out += kSoftHyphen;
    }
    q = next;
  }
  return out;
}

std::string Hyphenator::HyphenateWord(const std::string& word) const {
  if (!exceptions_.empty()) {
    gchar* lower = g_utf8_strdown(word.c_str(), -1);
    auto it = exceptions_.find(lower);
    g_free(lower);
    if (it != exceptions_.end()) return WithBreaks(word, it->second);
  }
  glong length = g_utf8_strlen(word.c_str(), -1);
  if (length < 6 || length >= 100) return word;
  // Capitals after the first letter mark an acronym or a name such as "RPA" or "iPad"; leave those whole.
  for (const char* q = g_utf8_next_char(word.c_str()); *q; q = g_utf8_next_char(q)) {
    if (g_unichar_isupper(g_utf8_get_char(q))) return word;
  }
  gchar* lower = g_utf8_strdown(word.c_str(), -1);
  std::string key = lower;
  g_free(lower);
  if (latin1_) {
    gsize written = 0;
    gchar* converted = g_convert(key.c_str(), -1, "ISO-8859-1", "UTF-8", nullptr, &written, nullptr);
    if (!converted) return word;  // a letter outside Latin-1: no patterns for it
    key.assign(converted, written);
    g_free(converted);
  }
  std::vector<char> hyphens(key.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate3(dict_, key.c_str(), static_cast<int>(key.size()), hyphens.data(), nullptr, &rep, &pos,
                            &cut, min_before_, min_after_, min_before_, min_after_) != 0) {
    return word;
  }
  if (rep) {
    // Non-standard hyphenation (spelling changes at the break) is not used; free and fall back to plain breaks.
    for (size_t i = 0; i < key.size(); ++i) free(rep[i]);
    free(rep);
    free(pos);
    free(cut);
  }
  // hyphens[i] odd: a break after character i. In Latin-1 one byte is one character; in UTF-8 map bytes to
  // characters by walking the word.
  std::vector<int> breaks;
  int char_index = 0;
  size_t byte_index = 0;
  for (const char* q = word.c_str(); *q; ++char_index) {
    const char* next = g_utf8_next_char(q);
    size_t index = latin1_ ? static_cast<size_t>(char_index) : byte_index + static_cast<size_t>(next - q) - 1;
    if (hyphens[index] & 1) breaks.push_back(char_index);
    byte_index += static_cast<size_t>(next - q);
    q = next;
  }
  return WithBreaks(word, breaks);
}

}  // namespace barometer::text
