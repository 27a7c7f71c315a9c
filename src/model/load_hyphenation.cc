// A language's hyphenation exceptions: one word a line, its allowed breaks marked with hyphens.
#include <cctype>
#include <map>

#include "model/load.h"
#include "source/input.h"

namespace barometer::model {

std::vector<std::string> LoadHyphenationExceptions(const base::FileSystem& fs, const std::string& path,
                                                   base::Diagnostics& diags) {
  std::vector<std::string> words;
  std::string text;
  if (!source::ReadInput(fs, path, source::kMaxYamlFileBytes, diags, &text) || !source::CheckUtf8(path, text, diags)) {
    return words;
  }
  std::map<std::string, int> first_line;  // the word without its hyphens -> the line it was first listed on
  int number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    const size_t last = line.find_last_not_of(" \t");
    const std::string word = line.substr(first, last - first + 1);
    const base::SourceLoc loc{path, number, static_cast<int>(first) + 1};
    // Letters (any non-ASCII character is taken for one) and single hyphens between them.
    bool letters_only = true;
    for (char c : word) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x80 && !std::isalpha(byte) && c != '-') letters_only = false;
    }
    if (!letters_only) {
      diags.Error(loc, "'" + word + "' is not one word: write letters, with a hyphen at each allowed break");
      continue;
    }
    if (word.front() == '-' || word.back() == '-' || word.find("--") != std::string::npos) {
      diags.Error(loc, "'" + word + "': a hyphen must stand between two letters");
      continue;
    }
    std::string bare;
    for (char c : word) {
      if (c != '-') bare += c;
    }
    auto [it, added] = first_line.emplace(bare, number);
    if (!added) {
      diags.Error(loc, "'" + bare + "' is listed twice (first on line " + std::to_string(it->second) + ")");
      continue;
    }
    words.push_back(word);
  }
  return words;
}

}  // namespace barometer::model
