// barometer watch, run as a real process on a copy of the mini edition: it rebuilds the changed language after an
// editor-style save (a temporary file renamed over the original), keeps the last good output when the content
// has errors, and stops cleanly on SIGINT. Waits are bounded polls of the output, never clock assertions.
#include "cli/watch.h"

#include <doctest/doctest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "shell.h"

extern char** environ;

namespace fs = std::filesystem;
using barometer::testing::ReadFile;
using barometer::testing::Shell;

namespace {

// Polls `done` every 50 ms, for at most two minutes (a loaded machine builds slowly); returns whether it came true.
template <typename F>
bool WaitFor(F&& done) {
  for (int i = 0; i < 2400; ++i) {
    if (done()) return true;
    usleep(50 * 1000);
  }
  return done();
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Saves as vim and VS Code do: write a temporary file beside it, then rename it over the original.
void SaveThroughRename(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadFile(path);
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path + ".swp-new") << text;
  fs::rename(path + ".swp-new", path);
}

}  // namespace

TEST_CASE("watch: which languages a change rebuilds") {
  using barometer::cli::LanguagesToRebuild;
  const std::vector<std::string> translations = {"en", "fr"};
  CHECK(LanguagesToRebuild({"c/2021/en/intro.yaml"}, "c/2021", translations) == std::vector<std::string>{"en"});
  CHECK(LanguagesToRebuild({"c/2021/fr/a.yaml", "c/2021/en/b.yaml"}, "c/2021/", translations) ==
        std::vector<std::string>{"en", "fr"});
  CHECK(LanguagesToRebuild({"c/2021/en/a.yaml", "c/2021/tables/t.csv"}, "c/2021", translations).empty());
  CHECK(LanguagesToRebuild({"c/2021/da/a.yaml"}, "c/2021", translations).empty());  // the source language: all
  CHECK(LanguagesToRebuild({"templates/report-a4.yaml"}, "c/2021", translations).empty());
  CHECK(LanguagesToRebuild({"c/2021/edition.yaml"}, "c/2021", translations).empty());
}

TEST_CASE("watch: the files a build reads, not an editor's scratch files") {
  using barometer::cli::IsWatchedFile;
  for (const char* name : {"intro.yaml", "shares.csv", "translation.lock", "Inter-Bold.otf", "manifest.txt"}) {
    CHECK(IsWatchedFile(name));
  }
  for (const char* name : {".intro.yaml.swp", "intro.yaml~", "4913", "#intro.yaml#", "intro.yaml.swp-new", ""}) {
    CHECK_FALSE(IsWatchedFile(name));
  }
}

TEST_CASE("watch: rebuilds the changed language on save, keeps the last good output on errors, stops on SIGINT") {
  fs::path root = fs::temp_directory_path() / ("barometer-watch-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "content");
  fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", root / "content" / "mini", fs::copy_options::recursive);
  const std::string content = (root / "content" / "mini").string(), out = (root / "out").string();
  const std::string log = (root / "watch.log").string();
  const std::string command = "exec " BAROMETER_BINARY " watch " + content + " --out " + out +
                              " --templates " BAROMETER_SOURCE_DIR "/templates --fonts " BAROMETER_SOURCE_DIR
                              "/fonts >" + log + " 2>&1";
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) == 0);

  CHECK(WaitFor([&] { return ReadFile(log).find("(Ctrl-C stops)") != std::string::npos; }));
  std::string first = ReadFile(log);
  CHECK(first.find("] built all languages in ") != std::string::npos);
  CHECK(first.find("] watching " + content + ", ") != std::string::npos);
  REQUIRE(fs::exists(out + "/mini-en.pdf"));
  auto da_written = fs::last_write_time(out + "/mini-da.pdf");

  // A one-word change in English, saved through a rename: only English is rebuilt.
  SaveThroughRename(content + "/en/first.yaml", "footnote[^n]", "footnote[^n] zebra");
  CHECK(WaitFor([&] { return ReadFile(log).find("] en/first.yaml changed: built en in ") != std::string::npos; }));
  CHECK(Shell("pdftotext " + out + "/mini-en.pdf -").out.find("zebra") != std::string::npos);
  CHECK(fs::last_write_time(out + "/mini-da.pdf") == da_written);
  const std::string good_sums = ReadFile(out + "/SHA256SUMS");

  // A mistake: the diagnostic is printed, the output stays as it was.
  std::ofstream(content + "/en/first.yaml", std::ios::app) << "titel: x\n";
  CHECK(WaitFor([&] {
    return ReadFile(log).find("] en/first.yaml changed: en: 1 error, last good output kept (") != std::string::npos;
  }));
  CHECK(ReadFile(log).find(content + "/en/first.yaml:") != std::string::npos);
  CHECK(ReadFile(log).find("error: unknown key 'titel' in section") != std::string::npos);
  CHECK(ReadFile(out + "/SHA256SUMS") == good_sums);

  // A shared table: every language is rebuilt.
  std::ofstream(content + "/tables/shares.csv", std::ios::app) << "# a comment\n";
  CHECK(WaitFor([&] { return Count(ReadFile(log), "] tables/shares.csv changed: all languages: 1 error") == 1; }));

  kill(pid, SIGINT);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  std::string last = ReadFile(log);
  CHECK(last.substr(last.size() - std::string("watch stopped\n").size()) == "watch stopped\n");
  CHECK_FALSE(fs::exists(out + ".staging"));
  fs::remove_all(root);
}

TEST_CASE("watch: a status line as JSON names what changed, what was built, its time and errors") {
  barometer::cli::StatusEvent built{"built", "fr/a.yaml changed: built fr in 12 ms", {"fr/a.yaml"}, {"fr"}, 12, 0};
  CHECK(barometer::cli::StatusJson(built, "10:11:12") ==
        R"({"status": "built", "time": "10:11:12", "message": "fr/a.yaml changed: built fr in 12 ms", )"
        R"("changed": ["fr/a.yaml"], "languages": ["fr"], "ms": 12, "errors": 0})");
  barometer::cli::StatusEvent failed{"failed", "say \"x\"", {"a.csv", "b.yaml"}, {}, 7, 2};
  CHECK(barometer::cli::StatusJson(failed, "t") == R"({"status": "failed", "time": "t", "message": "say \"x\"", )"
                                        R"("changed": ["a.csv", "b.yaml"], "languages": [], "ms": 7, "errors": 2})");
  CHECK(barometer::cli::StatusJson({"stopped", "watch stopped"}, "t") ==
        R"({"status": "stopped", "time": "t", "message": "watch stopped"})");
}
