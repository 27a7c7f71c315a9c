// make install: the binary, the readers' module, templates, fonts, man page and bash completion under DESTDIR/PREFIX,
// and an installed binary that finds its module, templates and fonts without being told. The man page renders
// cleanly; completion completes commands, options, folders and the edition's languages.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace fs = std::filesystem;
using barometer::testing::Run;
using barometer::testing::Shell;

namespace {

const std::string kBuildDir = fs::path(BAROMETER_BINARY).parent_path().string();

// What bash completion offers for a command line, the cursor at its end.
std::string Complete(const std::string& script, const std::string& line) {
  const std::string program =
      "source /usr/share/bash-completion/bash_completion; source " + script + "; "
      "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< \"$COMP_LINE\"; "
      "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
      "_barometer; printf '%s\\n' \"${COMPREPLY[@]}\" | sort";
  return Shell("bash -c \"$(cat <<'EOS'\n" + program + "\nEOS\n)\"").out;
}

}  // namespace

TEST_CASE("install: DESTDIR and PREFIX, and the installed binary finds its data") {
  fs::path root = fs::temp_directory_path() / ("barometer-install-" + std::to_string(getpid()));
  fs::remove_all(root);
  Run install = Shell("DESTDIR=" + root.string() + "/stage cmake --install " + kBuildDir + " --prefix /opt/bm");
  REQUIRE(install.status == 0);
  const fs::path prefix = root / "stage/opt/bm";
  CHECK(fs::exists(prefix / "bin/barometer"));
  CHECK(fs::exists(prefix / "lib/barometer/barometer-readers.so"));
  CHECK(fs::exists(prefix / "share/barometer/templates/report-a4.yaml"));
  CHECK(fs::exists(prefix / "share/barometer/fonts/manifest.txt"));
  CHECK(fs::exists(prefix / "share/barometer/fonts/Inter-Regular.otf"));
  CHECK(fs::exists(prefix / "share/man/man1/barometer.1"));
  CHECK(fs::exists(prefix / "share/bash-completion/completions/barometer"));

  // An edition alone in a folder, no templates/ or fonts/ near it.
  fs::create_directories(root / "work");
  fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", root / "work/mini", fs::copy_options::recursive);
  Run build = Shell("cd " + root.string() + "/work && " + (prefix / "bin/barometer").string() +
                    " build -q mini --out out");
  CHECK(build.out == "");
  CHECK(build.status == 0);
  CHECK(fs::exists(root / "work/out/mini-en.pdf"));
  // The readers of finished outputs are a module the installed binary finds in lib/barometer...
  Run check = Shell((prefix / "bin/barometer").string() + " check-pdf " + (root / "work/out/mini-en.pdf").string());
  CHECK(check.status == 0);
  CHECK(check.out.find("mini-en.pdf: passes:") != std::string::npos);
  // ...and a binary without it says so, rather than failing to start or crashing.
  fs::copy_file(prefix / "bin/barometer", root / "work/barometer");
  Run alone = Shell((root / "work/barometer").string() + " check-pdf " + (root / "work/out/mini-en.pdf").string());
  CHECK(alone.status == 3);
  CHECK(alone.out.find("error: cannot load the readers of PDFs and workbooks") != std::string::npos);
  CHECK(alone.out.find("barometer-readers.so is neither beside") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("install: the man page renders without a warning and has every command") {
  const std::string page = kBuildDir + "/barometer.1";
  Run warnings = Shell("groff -man -Tutf8 -ww -z " + page);
  CHECK(warnings.status == 0);
  CHECK(warnings.out == "");
  Run text = Shell("groff -man -Tascii -P-cbou " + page);
  CHECK(text.out.find("NAME\n       barometer  -  compile an edition") != std::string::npos);
  CHECK(text.out.find("barometer watch CONTENT_DIR --out OUT_DIR [options]") != std::string::npos);
  CHECK(text.out.find("--diagnostics FORMAT") != std::string::npos);
}

TEST_CASE("install: bash completion of commands, options, values and the edition's languages") {
  const std::string script = kBuildDir + "/barometer.bash";
  CHECK(Complete(script, "barometer bu") == "build\n");
  CHECK(Complete(script, "barometer check x --se") == "--serial\n");
  CHECK(Complete(script, "barometer check x --diagnostics ") == "json\ntext\n");
  CHECK(Complete(script, "barometer completion ") == "bash\n");
  CHECK(Complete(script, "barometer help wa") == "watch\n");
  CHECK(Complete(script, "barometer check x --color=al") == "always\n");
  CHECK(Complete(script, "barometer build x --o") == "--out\n");
  const std::string mini = BAROMETER_SOURCE_DIR "/tests/fixtures/mini";
  CHECK(Complete(script, std::string(BAROMETER_BINARY) + " check " + mini + " --lang ") == "da\nen\n");
  CHECK(Complete(script, std::string(BAROMETER_BINARY) + " check " + mini + " --lang da,") == "da,en\n");
}
