// edition.yaml as the loader reads it: a language asked for and missing is reported at `languages:`, with the
// edition's languages as a hint.
#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;

TEST_CASE("load edition: an unknown language points at 'languages:' and lists the edition's") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  model::LoadEdition(fs, {"mini", "templates", {"xx"}}, diags);
  std::vector<base::Diagnostic> all = diags.Sorted();
  REQUIRE(all.size() == 1);
  CHECK(all[0].loc == base::SourceLoc{"mini/edition.yaml", 9, 1});
  CHECK(all[0].message == "language 'xx' is not in edition.yaml");
  CHECK(all[0].hints == std::vector<std::string>{"the edition's languages: da, en"});
}
