#include "appendix/sheet_name.h"

#include <string_view>
#include <vector>

namespace barometer::appendix {
namespace {

constexpr size_t kMaxUnits = 31;
constexpr std::string_view kForbidden = "[]:*?/\\";

/// The UTF-8 characters of `text`, each as its bytes. A stray byte counts as one character.
std::vector<std::string> Characters(const std::string& text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (i + length > text.size()) length = 1;
    out.push_back(text.substr(i, length));
    i += length;
  }
  return out;
}

/// UTF-16 code units of one UTF-8 character: characters outside the BMP take two.
size_t Units(const std::string& character) { return character.size() == 4 ? 2 : 1; }

size_t Units(const std::vector<std::string>& characters) {
  size_t units = 0;
  for (const std::string& c : characters) units += Units(c);
  return units;
}

/// Case folding as Excel compares names, for ASCII and Latin-1 letters (enough for Danish and English).
std::string Folded(const std::string& name) {
  std::string out = name;
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + ('a' - 'A'));
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& characters, size_t max_units) {
  std::string out;
  size_t units = 0;
  for (const std::string& c : characters) {
    if (units + Units(c) > max_units) break;
    out += c;
    units += Units(c);
  }
  return out;
}

std::vector<std::string> Trimmed(std::vector<std::string> characters) {
  auto trim = [](const std::string& c) { return c == " " || c == "'"; };
  while (!characters.empty() && trim(characters.back())) characters.pop_back();
  size_t first = 0;
  while (first < characters.size() && trim(characters[first])) ++first;
  characters.erase(characters.begin(), characters.begin() + static_cast<std::ptrdiff_t>(first));
  return characters;
}

}  // namespace

std::string SheetNames::Make(const std::string& wanted, const std::string& fallback) {
  std::vector<std::string> clean;
  for (const std::string& c : Characters(wanted)) {
    bool space = c.size() == 1 && (kForbidden.find(c[0]) != std::string_view::npos ||
                                   static_cast<unsigned char>(c[0]) < 0x20 || c[0] == ' ');
    if (space) {
      if (!clean.empty() && clean.back() != " ") clean.push_back(" ");
    } else {
      clean.push_back(c);
    }
  }
  clean = Trimmed(std::move(clean));
  if (clean.empty() || Folded(Join(clean, kMaxUnits)) == "history") {
    clean = Characters(fallback);
  }
  clean = Trimmed(Characters(Join(clean, kMaxUnits)));

  std::string name = Join(clean, kMaxUnits);
  for (int suffix_number = 2; taken_.count(Folded(name)); ++suffix_number) {
    const std::string suffix = " (" + std::to_string(suffix_number) + ")";
    name = Join(Trimmed(Characters(Join(clean, kMaxUnits - suffix.size()))), kMaxUnits) + suffix;
  }
  taken_.insert(Folded(name));
  return name;
}

bool SheetNames::IsValid(const std::string& name) {
  std::vector<std::string> characters = Characters(name);
  if (characters.empty() || Units(characters) > kMaxUnits) return false;
  if (characters.front() == "'" || characters.back() == "'") return false;
  for (const std::string& c : characters) {
    if (c.size() == 1 && kForbidden.find(c[0]) != std::string_view::npos) return false;
  }
  return Folded(name) != "history";
}

std::string SheetNames::Quoted(const std::string& name) {
  std::string out = "'";
  for (char c : name) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

}  // namespace barometer::appendix
