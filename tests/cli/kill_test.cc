// A build killed at any moment (SIGKILL, or SIGINT as from Ctrl-C) leaves the output folder whole: either the old
// or the new output, each matching its SHA256SUMS, the user's own file untouched, and no scratch file behind.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/hash.h"
#include "mini_fixture.h"
#include "shell.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using barometer::testing::ReadFile;

// Starts `barometer build` of the copied edition into `out`, quiet, with scratch files going to `tmpdir`.
pid_t StartBuild(const std::string& root, const std::string& out, const std::string& tmpdir) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (std::string(*e).rfind("TMPDIR=", 0) != 0) env_strings.push_back(*e);
  }
  env_strings.push_back("TMPDIR=" + tmpdir);
  std::vector<char*> env;
  for (std::string& s : env_strings) env.push_back(s.data());
  env.push_back(nullptr);
  std::vector<std::string> arg_strings = {BAROMETER_BINARY, "build", "-q", root + "/content/mini", "--out", out};
  std::vector<char*> args;
  for (std::string& s : arg_strings) args.push_back(s.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  // SIGINT as a terminal sends it, whatever the test runner does with it.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  posix_spawnattr_setsigdefault(&attributes, &interrupt);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  int error = posix_spawn(&pid, BAROMETER_BINARY, &actions, &attributes, args.data(), env.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(error == 0);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return status;
}

// Problems with the output folder: every file SHA256SUMS lists has its bytes, and every file but the user's notes
// is listed. Empty when whole.
std::vector<std::string> Problems(const std::string& out) {
  std::vector<std::string> problems;
  std::set<std::string> listed;
  std::istringstream lines(ReadFile(out + "/SHA256SUMS"));
  for (std::string line; std::getline(lines, line);) {
    std::string path = line.substr(66);
    listed.insert(path);
    if (barometer::base::Sha256Hex(ReadFile(out + "/" + path)) != line.substr(0, 64)) {
      problems.push_back(path + " does not match SHA256SUMS");
    }
  }
  if (listed.empty()) problems.push_back("no SHA256SUMS");
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    std::string path = fs::relative(entry.path(), out).string();
    if (entry.is_regular_file() && path != "SHA256SUMS" && path != "notes.txt" && !listed.count(path)) {
      problems.push_back(path + " is not listed");
    }
  }
  return problems;
}

}  // namespace

TEST_CASE("cli: a build killed at any moment leaves the whole old or the whole new output") {
  const std::string root = barometer::testing::CopyMini("killed");
  const std::string out = root + "/out", tmpdir = root + "/tmp";
  fs::create_directories(tmpdir);
  const std::string quote = root + "/content/mini/en/first.yaml";

  // A first build, timed only to spread the kills over the length of one.
  auto start = std::chrono::steady_clock::now();
  REQUIRE(Wait(StartBuild(root, out, tmpdir)) == 0);
  const auto build_time = std::chrono::steady_clock::now() - start;
  std::ofstream(out + "/notes.txt") << "the editor's own notes";

  std::mt19937 random(20210901);
  std::uniform_real_distribution<double> fraction(0.0, 1.2);
  int killed = 0, finished = 0;
  std::string previous = "A quote.";
  for (int i = 0; i < 50; ++i) {
    CAPTURE(i);
    // Each build makes different outputs, so a kill during the swap would show as a mix.
    const std::string next = "A quote take " + std::to_string(i) + ".";
    barometer::testing::Replace(quote, previous, next);
    previous = next;
    const std::string sums_before = ReadFile(out + "/SHA256SUMS");
    pid_t pid = StartBuild(root, out, tmpdir);
    const auto delay = std::chrono::duration_cast<std::chrono::microseconds>(build_time * fraction(random));
    // Every tenth build runs to its end, however slow the machine has become since the first: a build that
    // finishes after killed ones must clear what they left.
    if (i % 10 != 9) {
      std::this_thread::sleep_for(delay);
      kill(pid, i % 2 ? SIGINT : SIGKILL);
    }
    int status = Wait(pid);
    if (WIFSIGNALED(status)) ++killed;
    if (WIFEXITED(status)) {
      CHECK(WEXITSTATUS(status) == 0);
      ++finished;
    }
    CHECK(Problems(out) == std::vector<std::string>{});
    CHECK(ReadFile(out + "/notes.txt") == "the editor's own notes");
    if (WIFEXITED(status)) CHECK(ReadFile(out + "/SHA256SUMS") != sums_before);
  }
  CHECK(killed > 0);
  CHECK(finished > 0);

  // The next build clears what killed builds left, and no scratch file of any build stays behind.
  REQUIRE(Wait(StartBuild(root, out, tmpdir)) == 0);
  CHECK(Problems(out) == std::vector<std::string>{});
  CHECK_FALSE(fs::exists(out + ".staging"));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(tmpdir)) left.push_back(entry.path().filename().string());
  CHECK(left == std::vector<std::string>{});
  fs::remove_all(root);
}
