// The command line as users meet it: help, version, exit codes, diagnostics in compiler form, and a failed
// build that leaves the previous good output alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "mini_fixture.h"
#include "shell.h"

namespace fs = std::filesystem;

namespace {

using barometer::testing::Barometer;
using barometer::testing::CopyMini;
using barometer::testing::ReadFile;
using barometer::testing::Replace;
using barometer::testing::Run;
using barometer::testing::Shell;

}  // namespace

TEST_CASE("cli: help, version and usage errors") {
  Run help = Barometer("--help");
  CHECK(help.status == 0);
  CHECK(help.out.find("usage: barometer build CONTENT_DIR --out OUT_DIR") != std::string::npos);
  Run version = Barometer("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("barometer ", 0) == 0);
  CHECK(Barometer("").status == 2);
  CHECK(Barometer("frobnicate x").status == 2);
  CHECK(Barometer("build " BAROMETER_SOURCE_DIR "/tests/fixtures/mini").status == 2);  // no --out
  CHECK(Barometer("check " BAROMETER_SOURCE_DIR "/tests/fixtures/mini --bogus").status == 2);
  CHECK(Barometer("check /nonexistent/edition").status == 2);
  for (const char* jobs : {"0", "-1", "2x", "257"}) {
    Run bad = Barometer("check " BAROMETER_SOURCE_DIR "/tests/fixtures/mini --jobs=" + std::string(jobs));
    CHECK(bad.status == 2);
    CHECK(bad.out.find("'--jobs' takes a whole number of threads from 1 to 256") != std::string::npos);
  }
  CHECK(Barometer("check " BAROMETER_SOURCE_DIR "/tests/fixtures/mini --jobs 2 --serial").status == 2);
  CHECK(Barometer("check -q " BAROMETER_SOURCE_DIR "/tests/fixtures/mini -j 3").status == 0);
}

TEST_CASE("cli: a clean edition checks and builds, one progress line per stage") {
  std::string root = CopyMini("cli-clean");
  Run check = Barometer("check " + root + "/content/mini");
  CHECK(check.status == 0);
  CHECK(check.out.find("barometer: load") != std::string::npos);
  CHECK(check.out.find("barometer: layout") != std::string::npos);
  CHECK_FALSE(fs::exists(root + "/out"));
  Run build = Barometer("build " + root + "/content/mini --out " + root + "/out");
  CHECK(build.status == 0);
  CHECK(build.out.find("barometer: write") != std::string::npos);
  CHECK(fs::exists(root + "/out/mini-da.pdf"));
  CHECK(fs::exists(root + "/out/mini-en.pdf"));
  CHECK(fs::exists(root + "/out/SHA256SUMS"));
  CHECK_FALSE(fs::exists(root + "/out.staging"));
  Run quiet = Barometer("build -q --lang en " + root + "/content/mini --out " + root + "/out-en");
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(fs::exists(root + "/out-en/mini-en.pdf"));
  CHECK_FALSE(fs::exists(root + "/out-en/mini-da.pdf"));
  fs::remove_all(root);
}

TEST_CASE("cli: content errors are all reported at once in compiler form - the old output survives") {
  std::string root = CopyMini("cli-broken");
  REQUIRE(Barometer("build -q " + root + "/content/mini --out " + root + "/out").status == 0);
  std::string before = ReadFile(root + "/out/SHA256SUMS");
  Replace(root + "/content/mini/en/first.yaml", "  - {id: f-h, heading:", "  - {id: f-h, headline:");
  Replace(root + "/content/mini/da/story.yaml", "      lede: En indledning.", "      ledе: En indledning.");
  Replace(root + "/content/mini/tables/shares.csv", "share,b,yes,20,50", "share,b,yes,120,50");
  Replace(root + "/content/mini/en/first.yaml", "footnote[^n]", "footnote[^m]");
  Run run = Barometer("build " + root + "/content/mini --out " + root + "/out");
  CHECK(run.status == 1);
  const std::string p = root + "/content/mini/";
  CHECK(run.out.find(p + "en/first.yaml:6:15: error: unknown key 'headline' in block") != std::string::npos);
  CHECK(run.out.find("hint: did you mean 'heading'?") != std::string::npos);
  CHECK(run.out.find(p + "da/story.yaml:7:7: error: case is missing required key 'lede'") == std::string::npos);
  CHECK(run.out.find(p + "da/story.yaml:8:7: error: case is missing required key 'lede'") != std::string::npos);
  CHECK(run.out.find(p + "tables/shares.csv:4:13: error: value 120 is not a percentage between 0 and 100") !=
        std::string::npos);
  CHECK(run.out.find("error: footnote 'm' is not defined in this section's footnotes") != std::string::npos);
  CHECK(run.out.find(" errors") != std::string::npos);
  std::string after = ReadFile(root + "/out/SHA256SUMS");
  CHECK(after == before);
  CHECK_FALSE(fs::exists(root + "/out.staging"));
  fs::remove_all(root);
}

TEST_CASE("cli: usage errors in full, exit status 2, no help dump") {
  const std::string mini = BAROMETER_SOURCE_DIR "/tests/fixtures/mini";
  Run run = Barometer("build " + mini + " --ouput /tmp/x");
  CHECK(run.status == 2);
  CHECK(run.out ==
        "barometer: error: unknown option '--ouput'\n"
        "hint: did you mean '--out'?\n"
        "hint: run 'barometer build --help' for the options\n");
  run = Barometer("biuld " + mini);
  CHECK(run.status == 2);
  CHECK(run.out == "barometer: error: unknown command 'biuld'\nhint: did you mean 'build'?\n");
  run = Barometer("check " + mini + " --lang xx");
  CHECK(run.status == 2);
  CHECK(run.out == "barometer: error: language 'xx' is not in " + mini +
                       "/edition.yaml\nhint: the edition's languages: da, en\n");
  run = Barometer("check " + mini + " --lang da,");
  CHECK(run.status == 2);
  CHECK(run.out ==
        "barometer: error: --lang 'da,' has an empty or blank language code\n"
        "hint: write the codes with commas and no spaces between them, e.g. --lang da,en\n");
  run = Barometer("build " + mini + " --out " + mini + "/out");
  CHECK(run.status == 2);
  CHECK(run.out == "barometer: error: the output folder '" + mini + "/out' is inside the content folder '" + mini +
                       "'\nhint: choose a folder outside the content, e.g. --out output/mini\n");
  CHECK_FALSE(fs::exists(mini + "/out"));
  run = Barometer("check " BAROMETER_SOURCE_DIR "/tests/fixtures");
  CHECK(run.status == 2);
  CHECK(run.out == "barometer: error: '" BAROMETER_SOURCE_DIR "/tests/fixtures' is not an edition folder: it has no "
                   "edition.yaml\nhint: an edition folder holds edition.yaml, a folder per language and tables/\n"
                   "hint: edition folders nearby: " BAROMETER_SOURCE_DIR "/tests/fixtures/mini, " BAROMETER_SOURCE_DIR
                   "/tests/fixtures/next\n");
  run = Barometer("check " + mini + "/en");
  CHECK(run.status == 2);
  CHECK(run.out.find("hint: did you mean '" + mini + "'?\n") != std::string::npos);
}

TEST_CASE("cli: --opt=value, language codes in any case, a progress line in the singular") {
  std::string root = CopyMini("forms");
  Run run = Barometer("build " + root + "/content/mini --out=" + root + "/out --lang=EN");
  CHECK(run.status == 0);
  CHECK(run.out.find("fonts and hyphenation patterns for 1 language\n") != std::string::npos);
  CHECK(fs::exists(root + "/out/mini-en.pdf"));
  CHECK_FALSE(fs::exists(root + "/out/mini-da.pdf"));
  Run languages = Barometer("languages " + root + "/content/mini");
  CHECK(languages.status == 0);
  CHECK(languages.out == "da\nen\n");
  fs::remove_all(root);
}

TEST_CASE("cli: --diagnostics json gives one object a line, with a code, and nothing else") {
  std::string root = CopyMini("json");
  Replace(root + "/content/mini/en/first.yaml", "  - {id: f-h, heading:", "  - {id: f-h, headline:");
  Run run = Barometer("check " + root + "/content/mini --diagnostics json");
  CHECK(run.status == 1);
  const std::string p = root + "/content/mini/";
  CHECK(run.out ==
        "{\"severity\":\"error\",\"path\":\"" + p + "en/first.yaml\",\"line\":1,\"column\":1,\"end\":{\"line\":1,"
        "\"column\":3},\"message\":\"block 'f-h' (heading, " + p + "da/first.yaml:6) is missing in language 'en'\","
        "\"hints\":[],\"code\":\"missing-block\"}\n"
        "{\"severity\":\"error\",\"path\":\"" + p + "en/first.yaml\",\"line\":6,\"column\":5,\"end\":{\"line\":6,"
        "\"column\":8},\"message\":\"block 'f-h' has no kind; give one of: heading, paragraph, list, quote, figure, "
        "case, tips, methodology, colophon\",\"hints\":[],\"code\":\"block-without-kind\"}\n"
        "{\"severity\":\"error\",\"path\":\"" + p + "en/first.yaml\",\"line\":6,\"column\":15,\"end\":{\"line\":6,"
        "\"column\":23},\"message\":\"unknown key 'headline' in block\",\"hints\":[\"did you mean 'heading'?\"],"
        "\"code\":\"unknown-key\"}\n");
  fs::remove_all(root);
}

TEST_CASE("cli: colour on a terminal, none with NO_COLOR or through a pipe, the same text either way") {
  std::string root = CopyMini("colour");
  Replace(root + "/content/mini/en/first.yaml", "  - {id: f-h, heading:", "  - {id: f-h, headline:");
  const std::string check = std::string(BAROMETER_BINARY) + " check -q " + root + "/content/mini";
  // script(1) runs the command on a pseudo-terminal; the terminal turns "\n" into "\r\n".
  auto on_terminal = [&](const std::string& env) {
    Run run = Shell(env + " TERM=xterm script -qec '" + check + "' /dev/null");
    run.out.erase(std::remove(run.out.begin(), run.out.end(), '\r'), run.out.end());
    return run.out;
  };
  const std::string plain = Barometer("check -q " + root + "/content/mini").out;
  const std::string coloured = on_terminal("env -u NO_COLOR");
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(coloured.find("\033[1;31merror:\033[0m unknown key 'headline' in block") != std::string::npos);
  CHECK(coloured.find("\033[1;36mhint:\033[0m did you mean 'heading'?") != std::string::npos);
  CHECK(on_terminal("NO_COLOR=1") == plain);
  CHECK(on_terminal("env -u NO_COLOR") != plain);
  CHECK(Barometer("check -q --color=always " + root + "/content/mini").out == coloured);
  fs::remove_all(root);
}
