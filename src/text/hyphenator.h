// Hyphenation points from libhyphen (the patterns of Debian's hyphen-* packages, named by each language's
// profile), inserted into text as soft hyphens (U+00AD) for the line breaker.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/edition.h"

typedef struct _HyphenDict HyphenDict;

namespace barometer::text {

class Hyphenator {
 public:
  /// Loads the patterns the profile's loader read (`dictionary_patterns`), and its exception words (their allowed
  /// breaks marked '-', e.g. "sund-heds-væsen"), used instead of the patterns for those words in any case (a word
  /// without a hyphen is never broken). Throws std::runtime_error when the patterns cannot be loaded (the loader
  /// reports a missing file, naming its Debian package).
  explicit Hyphenator(const model::LanguageProfile& profile);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Returns `text` with U+00AD at each allowed break. Words shorter than 6 letters, words with digits or capitals
  /// after the first letter (acronyms), and the positions inside f-ligatures (ff, fi, fl), which HarfBuzz would
  /// form across the soft hyphen and mis-measure, are left alone. At least the profile's min_before letters stay
  /// before a break and min_after after it.
  /// Not thread-safe: words already broken are remembered.
  std::string Hyphenate(const std::string& text) const;

 private:
  std::string HyphenateWord(const std::string& word) const;
  static std::string WithBreaks(const std::string& word, const std::vector<int>& breaks);

  /// Exception words, lower case without hyphens -> the characters (counted from 0) a break may follow.
  std::map<std::string, std::vector<int>> exceptions_;
  /// Words as HyphenateWord returned them: a report repeats most of its words many times.
  mutable std::unordered_map<std::string, std::string> broken_words_;
  HyphenDict* dict_ = nullptr;
  bool latin1_ = false;  ///< the dictionary is ISO 8859-1, as several hyphen-* packages ship it
  int min_before_ = 2, min_after_ = 3;
};

}  // namespace barometer::text
