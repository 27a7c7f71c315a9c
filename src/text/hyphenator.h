// Hyphenation points from libhyphen (Debian's hyphen-da and hyphen-en-us patterns), inserted into text as soft
// hyphens (U+00AD) for Pango to break at.
#pragma once

#include <memory>
#include <string>

typedef struct _HyphenDict HyphenDict;

namespace barometer::text {

class Hyphenator {
 public:
  /// Loads the patterns for a language ("da", "en"). Throws std::runtime_error when the dictionary is missing.
  explicit Hyphenator(const std::string& language);
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

  HyphenDict* dict_ = nullptr;
  bool latin1_ = false;  ///< the Danish dictionary is ISO 8859-1
};

}  // namespace barometer::text
