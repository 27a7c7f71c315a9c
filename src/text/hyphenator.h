// Hyphenation points from libhyphen (Debian's hyphen-da and hyphen-en-us patterns), inserted into text as soft
// hyphens (U+00AD) for Pango to break at.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace barometer::text {

class Hyphenator {
 public:
  /// Loads the patterns for a language ("da", "en"). Throws std::runtime_error when the dictionary is missing.
  /// `exceptions` are words with their allowed breaks marked '-' ("sund-heds-væsen"), used instead of the
  /// patterns for those words in any case (a word without a hyphen is never broken).
  explicit Hyphenator(const std::string& language, const std::vector<std::string>& exceptions = {});
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Returns `text` with U+00AD at each allowed break. Words shorter than 6 letters, words with digits or capitals
  /// after the first letter (acronyms), and the positions inside f-ligatures (ff, fi, fl), which HarfBuzz would
  /// form across the soft hyphen and mis-measure, are left alone. At least 2 letters stay before a break and 3
  /// after it.
  std::string Hyphenate(const std::string& text) const;

  /// The dictionary file used for `language`.
  static std::string DictionaryPath(const std::string& language);

 private:
  std::string HyphenateWord(const std::string& word) const;
  static std::string WithBreaks(const std::string& word, const std::vector<int>& breaks);

  /// Exception words, lower case without hyphens -> the characters (counted from 0) a break may follow.
  std::map<std::string, std::vector<int>> exceptions_;
  HyphenDict* dict_ = nullptr;
  bool latin1_ = false;  ///< the Danish dictionary is ISO 8859-1
};

}  // namespace barometer::text
