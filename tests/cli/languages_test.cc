// Languages as data: a third language added by data alone (tests/fixtures/sv), and the errors for a language
// the compiler cannot set.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "mini_fixture.h"
#include "shell.h"

namespace {

using barometer::testing::Barometer;
using barometer::testing::CopyMini;
using barometer::testing::ReadFile;
using barometer::testing::Replace;
using barometer::testing::Run;
using barometer::testing::Shell;
namespace fs = std::filesystem;

// The mini edition with Swedish added as README "Adding a language" says: a folder and an edition.yaml entry.
std::string WithSwedish(const std::string& name) {
  std::string root = CopyMini(name);
  fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/sv/sv", root + "/content/mini/sv", fs::copy_options::recursive);
  Replace(root + "/content/mini/edition.yaml", "sections:",
          ReadFile(BAROMETER_SOURCE_DIR "/tests/fixtures/sv/edition-entry.yaml") + "sections:");
  return root;
}

// A real copy of the templates, so a test may change a profile.
void OwnTemplates(const std::string& root) {
  fs::remove(root + "/templates");
  fs::copy(BAROMETER_SOURCE_DIR "/templates", root + "/templates", fs::copy_options::recursive);
}

}  // namespace

TEST_CASE("languages: Swedish is added by data alone and set with its own number style") {
  const std::string root = WithSwedish("sv");
  Run build = Barometer("build " + root + "/content/mini --out " + root + "/out -q");
  REQUIRE_MESSAGE(build.status == 0, build.out);
  REQUIRE(fs::exists(root + "/out/mini-sv.pdf"));
  std::string text = Shell("pdftotext -enc UTF-8 " + root + "/out/mini-sv.pdf -").out;
  text = std::regex_replace(text, std::regex("\u00AD\n"), "");
  text = std::regex_replace(text, std::regex("\\s+"), " ");
  // pdftotext gives the no-break space before the percent sign as a plain space; the profile's test checks it.
  CHECK(text.find("grupp A svarar ja i 40 % av fallen, 20 procentenheter fler") != std::string::npos);
  CHECK(text.find("(n = 100)") != std::string::npos);
  CHECK(text.find("Innehåll") != std::string::npos);  // the profile's label, not overridden
  CHECK(text.find("Källa: testdata") == std::string::npos);  // the source line is the appendix's
  // The PDF says it is Swedish.
  CHECK(Shell("qpdf --qdf --object-streams=disable " + root + "/out/mini-sv.pdf - | grep -a /Lang")
            .out.find("(sv-SE)") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("languages: a language without a profile, or whose dictionary is not installed, is an error") {
  const std::string root = WithSwedish("sv-missing");
  OwnTemplates(root);
  fs::rename(root + "/templates/languages/sv.yaml", root + "/templates/languages/sv.yaml.off");
  Run check = Barometer("check " + root + "/content/mini -q");
  CHECK(check.status == 1);
  CHECK(check.out.find("edition.yaml:28:3: error: language 'sv' has no language profile (looked for ") !=
        std::string::npos);
  CHECK(check.out.find("templates/languages/sv.yaml)") != std::string::npos);

  fs::rename(root + "/templates/languages/sv.yaml.off", root + "/templates/languages/sv.yaml");
  Replace(root + "/templates/languages/sv.yaml", "/usr/share/hyphen/hyph_sv_SE.dic", "/nonexistent/hyph_sv_SE.dic");
  check = Barometer("check " + root + "/content/mini -q");
  CHECK(check.status == 1);
  CHECK(check.out.find("templates/languages/sv.yaml:4:15: error: hyphenation dictionary "
                       "'/nonexistent/hyph_sv_SE.dic' of language 'sv' is not installed") != std::string::npos);
  CHECK(check.out.find("hint: install the Debian package 'hyphen-sv' (apt-get install hyphen-sv) and add it to the "
                       "package list in scripts/setup") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("languages: translation-status counts units per file, in text, Markdown and JSON, and exits 0") {
  const std::string root = CopyMini("status");
  Replace(root + "/content/mini/en/first.yaml", "title: First section", "title: Første afsnit");
  Replace(root + "/content/mini/en/first.yaml", "  n: The note.\n", "");
  Run text = Barometer("translation-status " + root + "/content/mini");
  CHECK(text.status == 0);
  CHECK(text.out.find("en: 12 units from 'da': 10 translated, 0 stale, 1 missing, 1 untranslated") !=
        std::string::npos);
  CHECK(text.out.find("  untranslated: first (" + root + "/content/mini/en/first.yaml:2:8)") != std::string::npos);
  CHECK(text.out.find("  missing: first^n (" + root + "/content/mini/da/first.yaml:") != std::string::npos);
  Run markdown = Barometer("translation-status " + root + "/content/mini --markdown --lang en");
  CHECK(markdown.status == 0);
  CHECK(markdown.out.find("| " + root + "/content/mini/en/first.yaml | 7 | 0 | 1 | 1 |") != std::string::npos);
  Run json = Barometer("translation-status " + root + "/content/mini --json");
  CHECK(json.status == 0);
  CHECK(json.out.find("{\"source\": \"da\", \"languages\": [{\"code\": \"en\", \"units\": 12, \"translated\": 10, "
                      "\"stale\": 0, \"missing\": 1, \"untranslated\": 1,") == 0);
  // Shell appends "2>&1" to its command, so the JSON goes through a file rather than a here-document.
  {
    std::ofstream(root + "/status.json", std::ios::binary) << json.out;
  }
  CHECK(Shell("/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' " + root + "/status.json").status ==
        0);
  CHECK(Barometer("translation-status /nonexistent").status == 2);
  fs::remove_all(root);
}

TEST_CASE("languages: new-language scaffolds a language that the build refuses until translated, --draft marks it") {
  const std::string root = CopyMini("new");
  OwnTemplates(root);
  Run scaffold = Barometer("new-language " + root + "/content/mini fi --from da");
  REQUIRE_MESSAGE(scaffold.status == 0, scaffold.out);
  CHECK(fs::exists(root + "/content/mini/fi/first.yaml"));
  CHECK(fs::exists(root + "/content/mini/fi/figures.yaml"));
  const std::string edition = ReadFile(root + "/content/mini/edition.yaml");
  CHECK(edition.find("  fi:\n    # Scaffolded by 'barometer new-language' from 'da'") != std::string::npos);
  CHECK(edition.find("    file: mini-fi.pdf\n") != std::string::npos);
  // No Finnish profile yet: a stub that the loader refuses, naming what to fill in.
  REQUIRE(fs::exists(root + "/templates/languages/fi.yaml"));
  Run check = Barometer("check " + root + "/content/mini -q");
  CHECK(check.status == 1);
  CHECK(check.out.find("templates/languages/fi.yaml:4:7: error: language profile is a stub made by 'barometer "
                       "new-language'") != std::string::npos);
  // Once the profile is real, the build lists every untranslated unit and fails; a draft builds and marks them.
  fs::copy_file(root + "/templates/languages/da.yaml", root + "/templates/languages/fi.yaml",
                fs::copy_options::overwrite_existing);
  Run build = Barometer("build " + root + "/content/mini --out " + root + "/out -q");
  CHECK(build.status == 1);
  CHECK(build.out.find("fi/first.yaml:5:5: error: 'first/f-p1' is not translated: it is still the text of language "
                       "'da'") != std::string::npos);
  CHECK_FALSE(fs::exists(root + "/out/mini-fi.pdf"));
  Run draft = Barometer("build " + root + "/content/mini --out " + root + "/out -q --draft");
  REQUIRE_MESSAGE(draft.status == 0, draft.out);
  CHECK(draft.out.find("warning: 'first/f-p1' is not translated") != std::string::npos);
  const std::string text = Shell("pdftotext -enc UTF-8 " + root + "/out/mini-fi.pdf -").out;
  CHECK(text.find("\u00B6") != std::string::npos);
  CHECK(Shell("pdftotext -enc UTF-8 " + root + "/out/mini-da.pdf -").out.find("\u00B6") == std::string::npos);
  // Scaffolding the same language again is refused.
  CHECK(Barometer("new-language " + root + "/content/mini fi --from da").status == 1);
  CHECK(Barometer("new-language " + root + "/content/mini ../x --from da").status == 1);
  fs::remove_all(root);
}
