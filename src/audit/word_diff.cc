#include "audit/word_diff.h"

#include <algorithm>
#include <sstream>

namespace barometer::audit {
namespace {

// Words of a page's text; a word hyphenated at a line end (a soft hyphen before the break) is joined again.
std::vector<std::string> Words(const std::string& text) {
  std::string joined;
  joined.reserve(text.size());
  const std::string soft_hyphen = "\u00AD";
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, soft_hyphen.size(), soft_hyphen) == 0) {
      size_t next = i + soft_hyphen.size();
      if (next < text.size() && text[next] == '\n') {
        i = next;
        continue;
      }
    }
    joined += text[i];
  }
  std::vector<std::string> words;
  std::istringstream stream(joined);
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

void Append(std::vector<WordEdit>* edits, WordEdit::Kind kind, const std::string& word) {
  if (!edits->empty() && edits->back().kind == kind) {
    edits->back().words += " " + word;
  } else {
    edits->push_back({kind, word});
  }
}

}  // namespace

std::vector<WordEdit> DiffWords(const std::string& old_text, const std::string& new_text) {
  const std::vector<std::string> a = Words(old_text), b = Words(new_text);
  // The common start and end first: a page edit touches a few words, so the table below stays small.
  size_t start = 0;
  while (start < a.size() && start < b.size() && a[start] == b[start]) ++start;
  size_t end_a = a.size(), end_b = b.size();
  while (end_a > start && end_b > start && a[end_a - 1] == b[end_b - 1]) --end_a, --end_b;
  const size_t n = end_a - start, m = end_b - start;
  // common[i][j]: the longest common subsequence of a[start+i..] and b[start+j..].
  std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      common[i][j] = a[start + i] == b[start + j] ? common[i + 1][j + 1] + 1
                                                  : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::vector<WordEdit> edits;
  for (size_t k = 0; k < start; ++k) Append(&edits, WordEdit::kSame, a[k]);
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] == b[start + j]) {
      Append(&edits, WordEdit::kSame, a[start + i]);
      ++i, ++j;
    } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
      Append(&edits, WordEdit::kRemoved, a[start + i++]);  // removed words first, as diff tools show them
    } else {
      Append(&edits, WordEdit::kAdded, b[start + j++]);
    }
  }
  for (size_t k = end_a; k < a.size(); ++k) Append(&edits, WordEdit::kSame, a[k]);
  return edits;
}

std::vector<std::string> ChangedPassages(const std::vector<WordEdit>& edits, int context) {
  auto tail = [&](const std::string& words, bool from_end) {
    std::vector<std::string> split;
    std::istringstream stream(words);
    for (std::string word; stream >> word;) split.push_back(word);
    if (static_cast<int>(split.size()) <= context) return words;
    std::string out;
    size_t first = from_end ? split.size() - context : 0;
    for (size_t k = first; k < first + context; ++k) out += (out.empty() ? "" : " ") + split[k];
    return from_end ? "… " + out : out + " …";
  };
  std::vector<std::string> passages;
  std::string current;
  for (size_t k = 0; k < edits.size(); ++k) {
    const WordEdit& edit = edits[k];
    if (edit.kind == WordEdit::kSame) continue;
    if (current.empty() && k > 0 && edits[k - 1].kind == WordEdit::kSame) current = tail(edits[k - 1].words, true) + " ";
    current += edit.kind == WordEdit::kRemoved ? "[-" + edit.words + "-]" : "{+" + edit.words + "+}";
    bool next_changes = k + 1 < edits.size() && edits[k + 1].kind != WordEdit::kSame;
    if (next_changes) continue;
    if (k + 1 < edits.size()) current += " " + tail(edits[k + 1].words, false);
    passages.push_back(current);
    current.clear();
  }
  return passages;
}

}  // namespace barometer::audit
