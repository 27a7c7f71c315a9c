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
