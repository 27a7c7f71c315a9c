#include "base/diagnostic_printer.h"

#include <doctest/doctest.h>

using namespace barometer::base;

TEST_CASE("diagnostics print in compiler form with an excerpt, a caret and hints") {
  MemoryFileSystem fs;
  fs.files["content/en/cases.yaml"] = "id: cases\nblocks:\n  - id: c1\n    titel: Robots in the library\n";
  Diagnostics diags;
  diags.Error({"content/en/cases.yaml", 4, 5}, "unknown key 'titel' in block", {"did you mean 'title'?"});
  diags.Warning({"content/en/other.yaml", 0, 0}, "file is ignored");
  CHECK(FormatDiagnostics(diags, fs) ==
        "content/en/cases.yaml:4:5: error: unknown key 'titel' in block\n"
        "   4 |     titel: Robots in the library\n"
        "     |     ^~~~~\n"
        "hint: did you mean 'title'?\n"
        "content/en/other.yaml: warning: file is ignored\n"
        "1 error, 1 warning\n");
}

TEST_CASE("diagnostics are sorted by place and deduplicated") {
  Diagnostics diags;
  diags.Error({"b.yaml", 2, 1}, "second");
  diags.Error({"a.yaml", 9, 1}, "first");
  diags.Error({"b.yaml", 2, 1}, "second");
  auto sorted = diags.Sorted();
  REQUIRE(sorted.size() == 2);
  CHECK(sorted[0].loc.file == "a.yaml");
  CHECK(diags.ErrorCount() == 2);
}

TEST_CASE("diagnostics in colour: the same text with ANSI escapes around place, severity, caret and hint") {
  MemoryFileSystem fs;
  fs.files["a.yaml"] = "id: a\ntitel: x\n";
  Diagnostics diags;
  diags.Error({"a.yaml", 2, 1}, "unknown key 'titel' in section", {"did you mean 'title'?"});
  diags.Warning({"b.yaml", 0, 0}, "file is ignored");
  CHECK(FormatDiagnostics(diags, fs, true) ==
        "\033[1ma.yaml:2:1:\033[0m \033[1;31merror:\033[0m unknown key 'titel' in section\n"
        "   2 | titel: x\n"
        "     | \033[1;32m^~~~~\033[0m\n"
        "\033[1;36mhint:\033[0m did you mean 'title'?\n"
        "\033[1mb.yaml:\033[0m \033[1;35mwarning:\033[0m file is ignored\n"
        "1 error, 1 warning\n");
  CHECK(FormatDiagnostics(diags, fs, false).find('\033') == std::string::npos);
}

TEST_CASE("diagnostics as JSON lines: place, end of the underlined token, hints and code") {
  MemoryFileSystem fs;
  fs.files["en/intro.yaml"] = "id: intro\n  titel: \"Robots\"\n";
  Diagnostics diags;
  diags.Error({"en/intro.yaml", 2, 3}, "unknown key 'titel' in section", {"did you mean 'title'?"});
  diags.Warning({"en/\"odd\".yaml", 0, 0}, "file is not a section of edition.yaml and is ignored");
  Diagnostic syntax;
  syntax.loc = {"e.yaml", 1, 1};
  syntax.message = "end of map not found\tat\\here";
  syntax.code = "yaml-syntax";
  diags.Add(syntax);
  CHECK(FormatDiagnosticsJson(diags, fs) ==
        "{\"severity\":\"error\",\"path\":\"e.yaml\",\"line\":1,\"column\":1,\"end\":{\"line\":1,\"column\":2},"
        "\"message\":\"end of map not found\\tat\\\\here\",\"hints\":[],\"code\":\"yaml-syntax\"}\n"
        "{\"severity\":\"warning\",\"path\":\"en/\\\"odd\\\".yaml\",\"line\":null,\"column\":null,\"end\":null,"
        "\"message\":\"file is not a section of edition.yaml and is ignored\",\"hints\":[],\"code\":\"stray-file\"}\n"
        "{\"severity\":\"error\",\"path\":\"en/intro.yaml\",\"line\":2,\"column\":3,\"end\":{\"line\":2,\"column\":8},"
        "\"message\":\"unknown key 'titel' in section\",\"hints\":[\"did you mean 'title'?\"],\"code\":\"unknown-key\"}\n");
}

TEST_CASE("a file with many diagnostics prints the first 50 and says how many more, reading its lines once") {
  MemoryFileSystem fs;
  std::string table = "indicator,series,category,value,n\n";
  for (int i = 0; i < 60; ++i) table += "x,y,z,bad,1\n";
  fs.files["t.csv"] = table;
  Diagnostics diags;
  for (int i = 0; i < 60; ++i) diags.Error({"t.csv", i + 2, 7}, "value 'bad' is not a number");
  diags.Warning({"t.csv", 70, 1}, "late");
  diags.Error({"u.csv", 0, 0}, "table is empty");
  const std::string out = FormatDiagnostics(diags, fs);
  CHECK(out.find("t.csv:51:7: error") != std::string::npos);
  CHECK(out.find("t.csv:52:7: error") == std::string::npos);
  CHECK(out.find("t.csv: 10 errors, 1 warning more in this file\nu.csv: error: table is empty\n") !=
        std::string::npos);
  CHECK(out.substr(out.size() - 21) == "61 errors, 1 warning\n");
}

TEST_CASE("a very long source line is shown as a window around the column") {
  MemoryFileSystem fs;
  fs.files["long.yaml"] = "p: " + std::string(5000, 'a') + "\x01" + std::string(5000, 'b') + "\n";
  Diagnostics diags;
  diags.Error({"long.yaml", 1, 5004}, "bad byte");
  const std::string out = FormatDiagnostics(diags, fs);
  CHECK(out.size() < 800);
  CHECK(out.find("   1 | ...aaa") != std::string::npos);
  CHECK(out.find("bbb...\n") != std::string::npos);
  // The caret sits under the bad byte.
  const size_t excerpt = out.find("   1 | ");
  const size_t caret_line = out.find("     | ", excerpt);
  CHECK(out.find("\u2401", excerpt) - excerpt == out.find('^', caret_line) - caret_line);
}

TEST_CASE("the excerpt shows control characters and broken UTF-8 visibly, the caret under the character") {
  MemoryFileSystem fs;
  fs.files["a.yaml"] = std::string("q: \xC3\xA6\xC3\xB8 A quo\0te\n", 17) + "p: bad \xFF byte\n";
  Diagnostics diags;
  diags.Error({"a.yaml", 1, 14}, "NUL byte in text");
  diags.Error({"a.yaml", 2, 8}, "invalid UTF-8");
  CHECK(FormatDiagnostics(diags, fs) ==
        "a.yaml:1:14: error: NUL byte in text\n"
        "   1 | q: \u00E6\u00F8 A quo\u2400te\n"
        "     |            ^~~\n"
        "a.yaml:2:8: error: invalid UTF-8\n"
        "   2 | p: bad \uFFFD byte\n"
        "     |        ^\n"
        "2 errors\n");
}
