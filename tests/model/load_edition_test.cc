// edition.yaml as the loader reads it: a language asked for and missing is reported at `languages:`, with the
// edition's languages as a hint.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

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

namespace {

std::vector<std::string> LoadErrors(base::MemoryFileSystem& fs) {
  base::Diagnostics diags;
  model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  return testing::Lines(diags, base::Severity::kError);
}

}  // namespace

TEST_CASE("load edition: a section listed twice is an error at its second mention") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(testing::Edit(fs, "mini/edition.yaml", "  - story\n", "  - story\n  - first\n"));
  CHECK(LoadErrors(fs) == std::vector<std::string>{"mini/edition.yaml:31:5: section 'first' is listed twice"});
}

TEST_CASE("load edition: translation.lock is read as unit: fingerprint, and any other shape is an error") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  SUBCASE("a map of fingerprints") {
    fs.files["mini/en/translation.lock"] = "first/f-q: abc123\nstory/s-1: def456\n";
    base::Diagnostics diags;
    auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
    REQUIRE(edition);
    CHECK(testing::Lines(diags, base::Severity::kError).empty());
    const model::LanguageEdition& en = edition->languages.at(1);
    CHECK(en.translation_lock_file == "mini/en/translation.lock");
    CHECK(en.translation_lock == std::map<std::string, std::string>{{"first/f-q", "abc123"}, {"story/s-1", "def456"}});
    CHECK(en.translation_lock_locs.at("story/s-1") == base::SourceLoc{"mini/en/translation.lock", 2, 1});
  }
  SUBCASE("a list") {
    fs.files["mini/en/translation.lock"] = "- first/f-q\n";
    CHECK(LoadErrors(fs) ==
          std::vector<std::string>{"mini/en/translation.lock:1:1: translation.lock must be a map of unit: fingerprint"});
  }
  SUBCASE("a fingerprint that is not text") {
    fs.files["mini/en/translation.lock"] = "first/f-q: [a, b]\n";
    std::vector<std::string> errors = LoadErrors(fs);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("mini/en/translation.lock:1:12: ", 0) == 0);
  }
}

TEST_CASE("load edition: a phrase in another language gets its profile's tag, and a code without a profile is an"
          " error at the phrase") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  // sv is no language of the mini edition: only its profile's tag is read.
  REQUIRE(testing::Edit(fs, "mini/en/first.yaml", "must come back out of the PDF.",
                        "must come back out of [the PDF]{lang=sv}, [twice]{lang=da} or [never]{lang=xx}."));
  base::Diagnostics diags;
  std::optional<model::Edition> edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  const std::vector<base::Diagnostic> errors = diags.Sorted();
  REQUIRE(errors.size() == 1);
  CHECK(testing::Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{"mini/en/first.yaml:5:181: a phrase is marked as language 'xx', which has no "
                                 "profile (looked for templates/languages/xx.yaml)"});
  CHECK(errors[0].hints == std::vector<std::string>{"the languages with a profile: da, en, sv"});
  std::map<std::string, std::string> tags;
  for (const model::LanguageEdition& language : edition->languages) {
    if (language.code != "en") continue;
    for (const model::Block& block : language.sections.at(0).blocks) {
      if (block.id != "f-p1") continue;
      for (const model::Span& span : std::get<model::Paragraph>(block.content).text.spans) {
        if (!span.language.empty() || !span.language_tag.empty()) tags[span.text] = span.language_tag;
      }
    }
  }
  CHECK(tags == std::map<std::string, std::string>{{"the PDF", "sv-SE"}, {"twice", "da-DK"}});
}

TEST_CASE("load edition: a profile's tag must be a well-formed BCP 47 tag") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  REQUIRE(testing::Edit(fs, "templates/languages/en.yaml", "tag: en-GB", "tag: en_GB"));
  CHECK(LoadErrors(fs) ==
        std::vector<std::string>{"templates/languages/en.yaml:2:6: 'en_GB' is not a well-formed BCP 47 language tag"});
}

TEST_CASE("load edition: section files parsed on several threads say and load what one thread does") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  // Problems in three section files of two languages, several in one file.
  REQUIRE(testing::Edit(fs, "mini/en/story.yaml", "title: The story\n", "title: The story\ntitel: typo\n"));
  REQUIRE(testing::Edit(fs, "mini/en/story.yaml", "kicker: Case\n", "kicker: Case\nkikker: typo\n"));
  REQUIRE(testing::Edit(fs, "mini/da/first.yaml", "blocks:\n", "colour: red\nblocks:\n"));
  REQUIRE(testing::Edit(fs, "mini/da/story.yaml", "blocks:\n", "blocks:\n  - oops\n"));
  auto load = [&](size_t jobs) {
    base::Diagnostics diags;
    model::LoadOptions options{"mini", "templates", {}};
    options.jobs = jobs;
    std::optional<model::Edition> edition = model::LoadEdition(fs, options, diags);
    std::vector<std::string> said;
    for (const base::Diagnostic& d : diags.Sorted()) {
      said.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                     d.message);
    }
    REQUIRE(edition);
    for (const model::LanguageEdition& language : edition->languages) {
      for (const model::Section& section : language.sections) {
        said.push_back(language.code + " " + section.id + " " + section.file + " " + section.title.Plain() + " " +
                       std::to_string(section.blocks.size()));
      }
    }
    return said;
  };
  const std::vector<std::string> one = load(1);
  auto is_diagnostic = [](const std::string& line) { return line.find(".yaml:") != std::string::npos; };
  CHECK(std::count_if(one.begin(), one.end(), is_diagnostic) >= 4);
  for (int run = 0; run < 10; ++run) CHECK(load(4) == one);
}
