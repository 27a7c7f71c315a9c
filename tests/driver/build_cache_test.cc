// Builds with a cache kept from one to the next (as `watch` keeps it): after every kind of edit, the outputs and
// diagnostics are those of a build without the cache, byte for byte, and what the edit cannot touch is reused.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/progress.h"
#include "driver/build.h"
#include "driver/build_cache.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;

namespace {

const std::string kFonts = BAROMETER_SOURCE_DIR "/fonts";

// The mini edition in memory, with the fonts and hyphenation patterns it reads.
void LoadEdition(base::MemoryFileSystem& fs) {
  testing::LoadMini(fs);
  base::RealFileSystem disk;
  for (const auto& entry : std::filesystem::directory_iterator(kFonts)) {
    if (entry.is_regular_file()) REQUIRE(disk.ReadFile(entry.path().string(), &fs.files[entry.path().string()]));
  }
  for (const std::string code : {"da", "en"}) {
    base::Diagnostics diags;
    auto profile = model::LoadLanguageProfile(fs, "templates", code, diags);
    REQUIRE(profile);
    REQUIRE(disk.ReadFile(profile->dictionary, &fs.files[profile->dictionary]));
  }
}

struct Built {
  driver::Outcome outcome;
  std::vector<driver::Output> outputs;
  std::vector<std::string> diagnostics;
};

Built BuildMini(base::MemoryFileSystem& fs, driver::BuildCache* cache, std::vector<std::string> languages = {}) {
  driver::BuildOptions options;
  options.content_dir = "mini";
  options.templates_dir = "templates";
  options.fonts_dir = kFonts;
  options.jobs = 2;
  options.languages = languages;
  options.cache = cache;
  Built built;
  options.in_memory = &built.outputs;
  base::SilentProgress quiet;
  base::Diagnostics diags;
  built.outcome = driver::Build(fs, options, quiet, diags);
  for (const base::Diagnostic& d : diags.Sorted()) {
    built.diagnostics.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) +
                                ": " + d.message);
  }
  return built;
}

// The cached build of `fs` as it is now is the uncached one, output for output and diagnostic for diagnostic.
Built CheckSameAsWithout(base::MemoryFileSystem& fs, driver::BuildCache& cache,
                         const std::vector<std::string>& languages = {}) {
  Built cached = BuildMini(fs, &cache, languages);
  Built fresh = BuildMini(fs, nullptr, languages);
  CHECK(cached.outcome == fresh.outcome);
  CHECK(cached.diagnostics == fresh.diagnostics);
  REQUIRE(cached.outputs.size() == fresh.outputs.size());
  for (size_t i = 0; i < fresh.outputs.size(); ++i) {
    CAPTURE(fresh.outputs[i].path);
    CHECK(cached.outputs[i].path == fresh.outputs[i].path);
    CHECK(cached.outputs[i].bytes == fresh.outputs[i].bytes);
  }
  return cached;
}

std::string Bytes(const Built& built, const std::string& path) {
  for (const driver::Output& output : built.outputs) {
    if (output.path == path) return output.bytes;
  }
  FAIL("no output " << path);
  return "";
}

// The mini edition in memory, built once with a fresh cache (checked against a build without it).
struct Session {
  Session() {
    LoadEdition(fs);
    before = CheckSameAsWithout(fs, cache);
  }
  base::MemoryFileSystem fs;
  driver::BuildCache cache;
  Built before;
};

}  // namespace

TEST_CASE("build cache: a one-word edit rebuilds that text, and the outputs it cannot touch are reused, not redone") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  const Built& before = session.before;
  REQUIRE(before.outcome == driver::Outcome::kBuilt);
  CHECK(cache.counts.tools_made == 2);
  CHECK(cache.counts.writers_made == 2);

  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "This is a paragraph", "This is a changed paragraph"));
  const driver::BuildCache::Counts counts = cache.counts;
  Built after = CheckSameAsWithout(fs, cache);
  REQUIRE(after.outcome == driver::Outcome::kBuilt);
  // The edit is in the English PDF, and only there.
  CHECK(Bytes(after, "mini-en.pdf") != Bytes(before, "mini-en.pdf"));
  CHECK(Bytes(after, "mini-da.pdf") == Bytes(before, "mini-da.pdf"));
  // Prose only: fonts, hyphenation, charts, figure exports and workbooks were kept.
  CHECK(cache.counts.tools_made == counts.tools_made);
  CHECK(cache.counts.tools_reused == counts.tools_reused + 2);
  CHECK(cache.counts.writers_made == counts.writers_made);
  CHECK(cache.counts.writers_reused == counts.writers_reused + 2);

  // Back as it was: the first build's outputs again.
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "This is a changed paragraph", "This is a paragraph"));
  Built again = CheckSameAsWithout(fs, cache);
  CHECK(Bytes(again, "mini-en.pdf") == Bytes(before, "mini-en.pdf"));
}

TEST_CASE("build cache: an error brought in by an edit is reported, and goes when the edit is undone") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "title: First section", "titel: First section"));
  Built broken = CheckSameAsWithout(fs, cache);
  CHECK(broken.outcome == driver::Outcome::kContentErrors);
  CHECK_FALSE(broken.diagnostics.empty());
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "titel: First section", "title: First section"));
  Built fixed = CheckSameAsWithout(fs, cache);
  CHECK(fixed.outcome == driver::Outcome::kBuilt);
  CHECK(fixed.diagnostics.empty());
}

TEST_CASE("build cache: a table edit redoes the charts, exports and workbooks that read it") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  const Built& before = session.before;
  REQUIRE(testing::Edit(fs, "mini/tables/shares.csv", "share,a,yes,40,50", "share,a,yes,41,50"));
  const driver::BuildCache::Counts counts = cache.counts;
  Built after = CheckSameAsWithout(fs, cache);
  CHECK(cache.counts.writers_made == counts.writers_made + 2);
  CHECK(Bytes(after, "figures/en/figure-01.csv") != Bytes(before, "figures/en/figure-01.csv"));
  CHECK(Bytes(after, "mini-appendix-da.xlsx") != Bytes(before, "mini-appendix-da.xlsx"));
}

TEST_CASE("build cache: a change to one language's profile remakes that language's tools, not the other's") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  const Built& before = session.before;
  // Other hyphenation settings and another decimal mark: the English text tools and writers are made anew.
  REQUIRE(testing::Edit(fs, "templates/languages/en.yaml", "min_before: 2", "min_before: 3"));
  REQUIRE(testing::Edit(fs, "templates/languages/en.yaml", "decimal: \".\"", "decimal: \"·\""));
  const driver::BuildCache::Counts counts = cache.counts;
  Built after = CheckSameAsWithout(fs, cache);
  CHECK(cache.counts.tools_made == counts.tools_made + 1);
  CHECK(cache.counts.tools_reused == counts.tools_reused + 1);
  CHECK(cache.counts.writers_made == counts.writers_made + 2);  // both: the profile is an input of every writer
  CHECK(Bytes(after, "mini-da.pdf") == Bytes(before, "mini-da.pdf"));

  // A build of one language, then of both: each language's kept state is its own.
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "This is a paragraph", "This is one paragraph"));
  Built english = CheckSameAsWithout(fs, cache, {"en"});
  for (const driver::Output& output : english.outputs) CHECK(output.path.find("-da") == std::string::npos);
  CheckSameAsWithout(fs, cache);
}

TEST_CASE("build cache: a template change invalidates every kept paragraph and output") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  const Built& before = session.before;
  REQUIRE(testing::Edit(fs, "templates/report-a4.yaml", "link: \"#0b6b8a\"", "link: \"#0b6b8b\""));
  const driver::BuildCache::Counts counts = cache.counts;
  const int parsed = cache.files.counts().computed;
  Built after = CheckSameAsWithout(fs, cache);
  CHECK(cache.counts.writers_made == counts.writers_made + 2);
  CHECK(cache.counts.shapes_dropped == counts.shapes_dropped + 2);
  CHECK(cache.files.counts().computed == parsed + 1);  // the template alone is parsed again
  for (const char* language : {"da", "en"}) {
    CAPTURE(language);
    const driver::LanguageState& state = cache.languages.at(language);
    CHECK(state.template_bytes == fs.files.at("templates/report-a4.yaml"));
  }
  for (size_t i = 0; i < after.outputs.size(); ++i) {
    if (after.outputs[i].path.find(".pdf") != std::string::npos) {
      CHECK(after.outputs[i].bytes != Bytes(before, after.outputs[i].path));
    }
  }
}

TEST_CASE("build cache: builds of one language between builds of all keep every stale translation reported") {
  Session session;
  base::MemoryFileSystem& fs = session.fs;
  driver::BuildCache& cache = session.cache;
  driver::BuildOptions options;
  options.content_dir = "mini";
  options.templates_dir = "templates";
  base::Diagnostics marked;
  std::vector<std::string> written;
  REQUIRE(driver::MarkTranslated(fs, options, marked, &written) == driver::Outcome::kBuilt);
  CheckSameAsWithout(fs, cache);
  REQUIRE(testing::Edit(fs, "mini/da/first.yaml", "paragraph: \"", "paragraph: \"Ny. "));
  Built stale = CheckSameAsWithout(fs, cache);
  CHECK_FALSE(stale.diagnostics.empty());
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "This is a paragraph", "This is one paragraph"));
  CheckSameAsWithout(fs, cache, {"en"});
  REQUIRE(testing::Edit(fs, "mini/tables/shares.csv", "share,a,yes,40,50", "share,a,yes,40,50\n# c"));
  Built after = CheckSameAsWithout(fs, cache);
  CHECK(after.diagnostics == stale.diagnostics);
}
