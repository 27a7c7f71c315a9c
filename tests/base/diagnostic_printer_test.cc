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
