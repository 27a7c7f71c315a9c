// Diagnostic codes: every message any stage reports has one, and the README lists them all.
#include "base/diagnostic_codes.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "shell.h"

using namespace barometer::base;

namespace {

// A C++ string literal's text (escapes resolved), from the opening quote at `at`; moves `at` past it.
std::string ReadLiteral(const std::string& code, size_t& at) {
  std::string text;
  for (++at; at < code.size() && code[at] != '"'; ++at) {
    if (code[at] == '\\' && at + 1 < code.size()) {
      char c = code[++at];
      text += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      text += code[at];
    }
  }
  ++at;
  return text;
}

// The arguments of the call whose '(' is at `open`, split at top-level commas (string literals kept whole).
std::vector<std::string> CallArguments(const std::string& code, size_t open) {
  std::vector<std::string> args(1);
  int depth = 0;
  for (size_t at = open + 1; at < code.size();) {
    char c = code[at];
    if (c == '"') {
      size_t start = at;
      ReadLiteral(code, at);
      args.back() += code.substr(start, at - start);
      continue;
    }
    if (c == '(' || c == '{' || c == '[') ++depth;
    if (c == ')' || c == '}' || c == ']') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) {
      args.emplace_back();
    } else {
      args.back() += c;
    }
    ++at;
  }
  return args;
}

// A message expression as one sample message: literals as they are, each other part as "x".
// `"unknown key '" + key + "' in " + what_` -> "unknown key 'x' in x". Empty when it has no literal at all.
std::string SampleMessage(const std::string& expression) {
  std::string sample;
  bool literal_seen = false, in_variable = false;
  for (size_t at = 0; at < expression.size();) {
    char c = expression[at];
    if (c == '"') {
      sample += ReadLiteral(expression, at);
      literal_seen = true;
      in_variable = false;
    } else if (c == '+' || c == ' ' || c == '\n') {
      if (c == '+') in_variable = false;
      ++at;
    } else {
      if (!in_variable) sample += "x";
      in_variable = true;
      ++at;
    }
  }
  return literal_seen ? sample : "";
}

struct Site {
  std::string place;
  std::string sample;
};

// Every Error(...) and Warning(...) call in src/ whose message has a literal part.
std::vector<Site> DiagnosticSites() {
  std::vector<Site> sites;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(BAROMETER_SOURCE_DIR "/src")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string code = barometer::testing::ReadFile(entry.path().string());
    for (const std::string call : {"Error(", "Warning("}) {
      for (size_t at = code.find(call); at != std::string::npos; at = code.find(call, at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(code[at - 1])) || code[at - 1] == '_')) continue;
        std::vector<std::string> args = CallArguments(code, at + call.size() - 1);
        if (args.size() < 2) continue;
        std::string sample = SampleMessage(args[1]);
        if (sample.empty()) continue;  // a wrapper passing a message on
        size_t line = static_cast<size_t>(std::count(code.begin(), code.begin() + static_cast<long>(at), '\n')) + 1;
        sites.push_back({entry.path().filename().string() + ":" + std::to_string(line), sample});
      }
    }
  }
  return sites;
}

}  // namespace

TEST_CASE("diagnostic codes: patterns match with wildcards and escapes") {
  CHECK(MatchesPattern("unknown key '*' in *", "unknown key 'titel' in block"));
  CHECK_FALSE(MatchesPattern("unknown key '*' in *", "unknown key 'titel'"));
  CHECK(MatchesPattern("'*' must be a list", "'blocks' must be a list"));
  CHECK_FALSE(MatchesPattern("'*' must be a list", "'list' must be a list of items"));
  CHECK(MatchesPattern("'\\*' is never closed", "'*' is never closed"));
  CHECK_FALSE(MatchesPattern("'\\*' is never closed", "'**' is never closed"));
  CHECK(MatchesPattern("'\\*\\*' is never closed", "'**' is never closed"));
}

TEST_CASE("diagnostic codes: a message gets the code of its most specific template") {
  const std::pair<const char*, const char*> cases[] = {
      {"unknown key 'titel' in block", "unknown-key"},
      {"figure 'fig01' has no label for 'yes' in language 'en'; the Excel appendix needs it",
       "appendix-missing-figure-label"},
      {"figure 'fig01' has no label for 'yes'", "missing-figure-label"},
      {"'*' is never closed", "unclosed-emphasis"},
      {"'**' is never closed", "unclosed-strong"},
      {"something nobody reports", "unclassified"},
  };
  Diagnostic d;
  for (const auto& [message, code] : cases) {
    d.message = message;
    CHECK(DiagnosticCode(d) == code);
  }
  d.code = "yaml-syntax";
  CHECK(DiagnosticCode(d) == "yaml-syntax");
}

TEST_CASE("diagnostic codes: every message in src/ has a code, and every code is used") {
  std::vector<Site> sites = DiagnosticSites();
  REQUIRE(sites.size() > 100);
  std::set<std::string_view> used = {"yaml-syntax"};
  for (const Site& site : sites) {
    Diagnostic d;
    d.message = site.sample;
    std::string_view code = DiagnosticCode(d);
    INFO(site.place << ": '" << site.sample << "' has no template in src/base/diagnostic_codes.cc");
    CHECK(code != "unclassified");
    used.insert(code);
  }
  std::set<std::string_view> codes;
  for (const DiagnosticKind& kind : DiagnosticKinds()) {
    INFO("code " << kind.code);
    CHECK(codes.insert(kind.code).second);  // given once
    CHECK(used.count(kind.code) == 1);      // no template left without a message
  }
}

TEST_CASE("diagnostic codes: the README lists every code") {
  const std::string readme = barometer::testing::ReadFile(BAROMETER_SOURCE_DIR "/README.md");
  for (const DiagnosticKind& kind : DiagnosticKinds()) {
    INFO("code " << kind.code);
    CHECK(readme.find("| `" + std::string(kind.code) + "` |") != std::string::npos);
  }
}
