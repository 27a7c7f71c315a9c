// A word-level diff of two texts (longest common subsequence of words), for the pages whose text changed.
#pragma once

#include <string>
#include <vector>

namespace barometer::audit {

struct WordEdit {
  enum Kind { kSame, kRemoved, kAdded } kind = kSame;
  std::string words;  ///< one or more words, joined by single spaces
};

/// The edits that turn `old_text` into `new_text`, words split at white space, runs of the same kind joined.
std::vector<WordEdit> DiffWords(const std::string& old_text, const std::string& new_text);

/// Only the changes, each with up to `context` words of unchanged text around it, as "… before [-old-]{+new+}
/// after …" lines, one per change.
std::vector<std::string> ChangedPassages(const std::vector<WordEdit>& edits, int context);

}  // namespace barometer::audit
