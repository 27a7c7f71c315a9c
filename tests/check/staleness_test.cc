#include "check/staleness.h"

#include <doctest/doctest.h>


#include "base/file_system.h"
#include "driver/build.h"
#include "check/check.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;
using barometer::testing::LoadMini;

namespace {

std::vector<std::string> Warnings(base::FileSystem& fs) {
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  check::CheckEdition(*edition, diags);
  std::vector<std::string> out;
  for (const auto& d : diags.Sorted()) {
    out.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ": " + d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("staleness: a changed source paragraph makes its translation stale, nothing else") {
  base::MemoryFileSystem fs;
  LoadMini(fs);
  CHECK(Warnings(fs).empty());  // no lock file: no staleness check

  base::Diagnostics diags;
  std::vector<std::string> written;
  driver::BuildOptions options;
  options.content_dir = "mini";
  options.templates_dir = "templates";
  REQUIRE(driver::MarkTranslated(fs, options, diags, &written) == driver::Outcome::kBuilt);
  REQUIRE(written == std::vector<std::string>{"mini/en/translation.lock"});
  CHECK(fs.files.count("mini/en/translation.lock.tmp") == 0);
  CHECK(Warnings(fs).empty());

  // The source language changes one word of one paragraph and one footnote.
  std::string& da = fs.files["mini/da/first.yaml"];
  da.replace(da.find("Dette er et afsnit"), 18, "Dette er et nyt afsnit");
  da.replace(da.find("  n: Noten."), 11, "  n: Noten er ny.");
  std::vector<std::string> warnings = Warnings(fs);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("translation of 'first/f-p1' is stale: its 'da' text changed since it was translated") !=
        std::string::npos);
  CHECK(warnings[1].find("translation of 'first^n' is stale") != std::string::npos);
  CHECK(warnings[0].rfind("mini/en/translation.lock:", 0) == 0);

  // The translator catches up and marks the translation again.
  REQUIRE(driver::MarkTranslated(fs, options, diags, &written) == driver::Outcome::kBuilt);
  CHECK(Warnings(fs).empty());
}

TEST_CASE("staleness: fingerprints follow text and markup, not layout") {
  base::MemoryFileSystem fs;
  LoadMini(fs);
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  auto before = check::Fingerprints(edition->languages[0]);
  CHECK(before.count("first/f-p1") == 1);
  CHECK(before.count("story/s-case") == 1);
  CHECK(before.at("first/f-p1").size() == 16);
  std::string& da = fs.files["mini/da/first.yaml"];
  da.replace(da.find("[link](https://example.org)"), 27, "[link](https://example.org/other)");
  auto changed = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  auto after = check::Fingerprints(changed->languages[0]);
  CHECK(after.at("first/f-p1") != before.at("first/f-p1"));
  CHECK(after.at("first/f-h") == before.at("first/f-h"));
}

TEST_CASE("staleness: a change of any field a reader sees makes the block's fingerprint change") {
  auto text = [](const std::string& words) {
    model::RichText rich;
    rich.spans.push_back(model::Span{});
    rich.spans.back().text = words;
    return rich;
  };
  model::CaseStory story;
  story.lede = text("Lede");
  story.link = model::Link{text("Read"), "https://example.org/a"};
  story.contacts = {model::Person{"Ann", "Chief", "Agency", {}}};
  auto block = [](const std::string& id, model::BlockContent content) {
    model::Block out;
    out.id = id;
    out.content = std::move(content);
    return out;
  };
  const std::vector<model::Block> blocks = {block("h", model::Heading{2, text("Title")}),
                                            block("l", model::BulletList{false, {text("one")}}),
                                            block("f", model::FigureRef{"fig01"}), block("c", story)};
  auto fingerprint = [](const model::Block& unit) {
    model::LanguageEdition language;
    language.sections.push_back(model::Section{});
    language.sections.back().id = "s";
    language.sections.back().blocks = {unit};
    return check::Fingerprints(language).at("s/" + unit.id);
  };
  std::vector<model::Block> changed = blocks;
  std::get<model::Heading>(changed[0].content).level = 3;
  std::get<model::BulletList>(changed[1].content).ordered = true;
  std::get<model::FigureRef>(changed[2].content).figure_id = "fig02";
  std::get<model::CaseStory>(changed[3].content).link->url = "https://example.org/b";
  for (size_t i = 0; i < blocks.size(); ++i) {
    CAPTURE(blocks[i].id);
    CHECK(fingerprint(blocks[i]) != fingerprint(changed[i]));
  }
  model::Block contact = blocks[3];
  std::get<model::CaseStory>(contact.content).contacts[0].organisation = "Ministry";
  CHECK(fingerprint(blocks[3]) != fingerprint(contact));
  // The story's own blocks are units of their own: a change there is not the case block's.
  model::Block with_story = blocks[3];
  std::get<model::CaseStory>(with_story.content).story = {block("c1", model::Paragraph{text("Inside")})};
  CHECK(fingerprint(blocks[3]) == fingerprint(with_story));
}
