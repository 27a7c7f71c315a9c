// The diagnostics sink: ordered by place whatever the order of arrival, each finding said once, and --strict.
#include "base/diagnostics.h"

#include <doctest/doctest.h>

#include <thread>

using namespace barometer::base;

namespace {

std::vector<std::string> Said(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.Sorted()) {
    out.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " +
                  (d.severity == Severity::kError ? "error " : "warning ") + d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("diagnostics: sorted by file, line and column, and at one place in the order they came") {
  Diagnostics diags;
  diags.Warning({"b.yaml", 2, 1}, "late");
  diags.Error({"a.yaml", 10, 1}, "ten");
  diags.Error({"a.yaml", 9, 5}, "nine five");
  diags.Error({"a.yaml", 9, 5}, "nine five again");
  diags.Error({"a.yaml", 0, 0}, "whole file");
  CHECK(Said(diags) == std::vector<std::string>{"a.yaml:0:0 error whole file", "a.yaml:9:5 error nine five",
                                                "a.yaml:9:5 error nine five again", "a.yaml:10:1 error ten",
                                                "b.yaml:2:1 warning late"});
  CHECK(diags.ErrorCount() == 4);
  CHECK(diags.HasErrors());
}

TEST_CASE("diagnostics: the same message at the same place is said once, elsewhere it is said again") {
  Diagnostics diags;
  diags.Error({"a.yaml", 1, 1}, "shared table is broken", {"first hint"});
  diags.Error({"a.yaml", 1, 1}, "shared table is broken", {"second hint"});
  diags.Error({"a.yaml", 2, 1}, "shared table is broken");
  std::vector<Diagnostic> all = diags.Sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].hints == std::vector<std::string>{"first hint"});
}

TEST_CASE("diagnostics: warnings alone are no errors, with warnings as errors they are") {
  Diagnostics diags;
  diags.Warning({"a.yaml", 1, 1}, "possibly untranslated");
  CHECK_FALSE(diags.HasErrors());
  diags.SetWarningsAsErrors(true);
  diags.Warning({"a.yaml", 2, 1}, "possibly untranslated");
  CHECK(diags.ErrorCount() == 1);
  CHECK(Said(diags) == std::vector<std::string>{"a.yaml:1:1 warning possibly untranslated",
                                                "a.yaml:2:1 error possibly untranslated"});
}

TEST_CASE("diagnostics: two threads reporting at once lose nothing") {
  Diagnostics diags;
  auto report = [&](const std::string& file) {
    for (int line = 1; line <= 500; ++line) diags.Error({file, line, 1}, "bad");
  };
  std::thread da(report, "da.yaml"), en(report, "en.yaml");
  da.join();
  en.join();
  CHECK(diags.ErrorCount() == 1000);
  std::vector<Diagnostic> all = diags.Sorted();
  CHECK(all.front().loc == SourceLoc{"da.yaml", 1, 1});
  CHECK(all.back().loc == SourceLoc{"en.yaml", 500, 1});
}
