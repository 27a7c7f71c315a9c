// The hostile catalogue: editions broken the way an attacker or a clumsy user would break them, each answered
// with its exit status and a first diagnostic line that names the place (tests/hostile/catalogue.txt). Every case
// starts from a copy of tests/fixtures/mini in a temporary repository; big inputs are made there, never committed.
// A case that hangs is stopped by a generous `timeout` (exit 124), which is only a guard: no case depends on time.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/hash.h"
#include "mini_fixture.h"
#include "shell.h"

namespace fs = std::filesystem;

namespace {

using barometer::testing::ReadFile;
using barometer::testing::Run;
using barometer::testing::Shell;

// A temporary repository: content/mini (a copy), templates/ and fonts/ (links to the real ones unless a case
// needs its own copy).
class Repo {
 public:
  explicit Repo(const std::string& name) {
    root_ = (fs::temp_directory_path() / ("barometer-hostile-" + name + "-" + std::to_string(getpid()))).string();
    fs::remove_all(root_);
    fs::create_directories(root_ + "/content");
    fs::copy(BAROMETER_SOURCE_DIR "/tests/fixtures/mini", root_ + "/content/mini", fs::copy_options::recursive);
    fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/templates", root_ + "/templates");
    fs::create_directory_symlink(BAROMETER_SOURCE_DIR "/fonts", root_ + "/fonts");
  }
  ~Repo() { fs::remove_all(root_); }

  const std::string& root() const { return root_; }
  std::string Path(const std::string& relative) const { return root_ + "/" + relative; }
  std::string Read(const std::string& relative) const { return ReadFile(Path(relative)); }
  void Write(const std::string& relative, const std::string& text) const {
    fs::create_directories(fs::path(Path(relative)).parent_path());
    std::ofstream(Path(relative), std::ios::binary | std::ios::trunc) << text;
  }
  void Replace(const std::string& relative, const std::string& from, const std::string& to) const {
    barometer::testing::Replace(Path(relative), from, to);
  }
  /// A real copy of a linked folder, to change files in it.
  void OwnCopy(const std::string& folder) const {
    fs::remove(Path(folder));
    fs::copy(std::string(BAROMETER_SOURCE_DIR "/") + folder, Path(folder), fs::copy_options::recursive);
  }
  /// Replaces a font file and updates its manifest hash to match, as someone hiding the change would.
  void ReplaceFont(const std::string& name, const std::string& bytes) const {
    OwnCopy("fonts");
    const std::string old_sum = barometer::base::Sha256Hex(Read("fonts/" + name));
    Write("fonts/" + name, bytes);
    Replace("fonts/manifest.txt", old_sum, barometer::base::Sha256Hex(bytes));
  }

  Run Barometer(const std::string& args) const {
    return Shell("cd " + root_ + " && timeout 60 " BAROMETER_BINARY " " + args);
  }

 private:
  std::string root_;
};

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string LastLine(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  size_t at = text.rfind('\n');
  return at == std::string::npos ? text : text.substr(at + 1);
}

// A YAML alias bomb: nine levels, each a list of nine aliases of the level below (9^9 values expanded).
std::string AliasBomb() {
  std::string out = "id: first\ntitle: Bomb\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string below = "*l" + std::to_string(level - 1);
    out += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 9; ++k) out += (k ? ", " : "") + below;
    out += "]\n";
  }
  return out + "blocks: *l9\n";
}

std::string Paragraph(size_t bytes) {
  std::string words;
  while (words.size() < bytes) words += "Innovation in the public sector grows from data and trust. ";
  return words.substr(0, bytes);
}

// What each case does to the repository, and the command it runs (check unless said otherwise).
struct Case {
  std::function<void(const Repo&)> setup;
  std::string command = "check -q content/mini";
};

std::map<std::string, Case> Cases() {
  std::map<std::string, Case> cases;
  // --- Paths that lead out of the edition: refused at the place that names them.
  cases["language-code-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "  en:\n", "  ../../outside:\n");
  };
  cases["language-code-escape"].command = "build -q content/mini --out out";
  cases["language-code-absolute"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "  en:\n", "  /tmp/outside:\n");
  };
  cases["section-id-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "  - story", "  - story\n  - ../../../escape");
  };
  cases["table-path-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/figures.yaml", "table: shares", "table: ../../../../etc/passwd");
  };
  cases["template-path-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "template: report-a4", "template: ../content/mini/evil");
  };
  cases["pdf-file-name-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "file: mini-en.pdf", "file: ../mini-en.pdf");
  };
  cases["section-symlink-out"].setup = [](const Repo& r) {
    r.Write("elsewhere/first.yaml", r.Read("content/mini/en/first.yaml"));
    fs::remove(r.Path("content/mini/en/first.yaml"));
    fs::create_symlink(r.Path("elsewhere/first.yaml"), r.Path("content/mini/en/first.yaml"));
  };
  cases["language-folder-symlink-out"].setup = [](const Repo& r) {
    fs::rename(r.Path("content/mini/en"), r.Path("elsewhere-en"));
    fs::create_directory_symlink(r.Path("elsewhere-en"), r.Path("content/mini/en"));
  };
  cases["table-symlink-out"].setup = [](const Repo& r) {
    r.Write("elsewhere/shares.csv", r.Read("content/mini/tables/shares.csv"));
    fs::remove(r.Path("content/mini/tables/shares.csv"));
    fs::create_symlink(r.Path("elsewhere/shares.csv"), r.Path("content/mini/tables/shares.csv"));
  };
  cases["template-symlink-out"].setup = [](const Repo& r) {
    fs::remove(r.Path("templates"));
    fs::create_directories(r.Path("templates"));
    // The language profiles stay where they belong; only the template leads out.
    fs::copy(BAROMETER_SOURCE_DIR "/templates/languages", r.Path("templates/languages"), fs::copy_options::recursive);
    r.Write("elsewhere/report-a4.yaml", ReadFile(BAROMETER_SOURCE_DIR "/templates/report-a4.yaml"));
    fs::create_symlink(r.Path("elsewhere/report-a4.yaml"), r.Path("templates/report-a4.yaml"));
  };
  cases["font-name-escape"].setup = [](const Repo& r) {
    r.OwnCopy("fonts");
    r.Replace("fonts/manifest.txt", "  Inter-Bold.otf", "  ../Inter-Bold.otf");
  };
  // --- Inputs that would hang or take the machine: answered at once.
  cases["alias-bomb"].setup = [](const Repo& r) { r.Write("content/mini/en/first.yaml", AliasBomb()); };
  cases["alias-cycle"].setup = [](const Repo& r) {
    r.Write("content/mini/en/first.yaml", "id: first\ntitle: Cycle\nblocks: &loop [*loop]\n");
  };
  cases["deep-nesting"].setup = [](const Repo& r) {
    r.Write("content/mini/da/first.yaml", "id: first\ntitle: Deep\nblocks: " + std::string(5000, '[') +
                                              std::string(5000, ']') + "\n");
  };
  cases["nesting-past-limit"].setup = [](const Repo& r) {
    r.Write("content/mini/da/first.yaml", "id: first\ntitle: Deep\nblocks: " + std::string(40, '[') +
                                              std::string(40, ']') + "\n");
  };
  cases["content-file-200mb"].setup = [](const Repo& r) {
    // Sparse: the size is checked before anything is read, so the disk never holds 200 MB.
    REQUIRE(truncate(r.Path("content/mini/en/first.yaml").c_str(), 200 << 20) == 0);
  };
  cases["paragraph-5mb"].setup = [](const Repo& r) {
    r.Replace("content/mini/en/first.yaml", "This is a paragraph", Paragraph(5 << 20));
  };
  cases["paragraph-past-limit"].setup = [](const Repo& r) {
    r.Replace("content/mini/en/first.yaml", "This is a paragraph", Paragraph(100 << 10));
  };
  cases["table-60mb"].setup = [](const Repo& r) {
    REQUIRE(truncate(r.Path("content/mini/tables/shares.csv").c_str(), 60 << 20) == 0);
  };
  cases["table-50000-bad-rows"].setup = [](const Repo& r) {
    std::string table = "indicator,series,category,value,n\n";
    for (int i = 0; i < 50000; ++i) table += "share,a,row-" + std::to_string(i) + ",lots,50\n";
    r.Write("content/mini/tables/shares.csv", table);
  };
  cases["table-too-many-rows"].setup = [](const Repo& r) {
    std::string table = "indicator,series,category,value,n\nshare,a,yes,40,50\nshare,b,yes,20,50\n";
    for (int i = 0; i < 100000; ++i) table += "other,a,row-" + std::to_string(i) + ",40,50\n";
    r.Write("content/mini/tables/shares.csv", table);
  };
  cases["fifo-section"].setup = [](const Repo& r) {
    fs::remove(r.Path("content/mini/en/story.yaml"));
    REQUIRE(mkfifo(r.Path("content/mini/en/story.yaml").c_str(), 0600) == 0);
  };
  cases["folder-as-section"].setup = [](const Repo& r) {
    fs::remove(r.Path("content/mini/en/story.yaml"));
    fs::create_directories(r.Path("content/mini/en/story.yaml"));
  };
  // --- Wrong answers: one error per cause, at its place.
  cases["yaml-syntax-error"].setup = [](const Repo& r) {
    r.Replace("content/mini/da/first.yaml", "footnotes:", "footnotes: [unclosed\n");
  };
  cases["tab-indentation"].setup = [](const Repo& r) {
    r.Replace("content/mini/da/first.yaml", "  - id: f-tips", "\t- id: f-tips");
  };
  cases["invalid-utf8"].setup = [](const Repo& r) {
    r.Replace("content/mini/en/first.yaml", "The letters", "The \xC3\x28 letters");
  };
  cases["invalid-utf8-table"].setup = [](const Repo& r) {
    r.Replace("content/mini/tables/shares.csv", "share,b,yes", "share,b,y\xFF" "es");
  };
  cases["nul-byte"].setup = [](const Repo& r) {
    r.Replace("content/mini/en/first.yaml", "A quote.", std::string("A quo\0te.", 9));
  };
  cases["nul-escape"].setup = [](const Repo& r) {
    r.Replace("content/mini/en/first.yaml", "  n: The note.", "  n: \"The\\0 note.\"");
  };
  cases["invalid-date"].setup = [](const Repo& r) {
    r.Replace("content/mini/edition.yaml", "publication_date: 2024-03-01", "publication_date: 2021-02-31");
  };
  cases["template-missing-colour"].setup = [](const Repo& r) {
    r.OwnCopy("templates");
    r.Replace("templates/report-a4.yaml", "  accent-2: \"#d9822b\"", "  orange: \"#d9822b\"");
  };
  cases["garbage-font"].setup = [](const Repo& r) { r.ReplaceFont("Inter-Bold.otf", std::string(270000, 'x')); };
  cases["truncated-font"].setup = [](const Repo& r) {
    r.ReplaceFont("Inter-Bold.otf", ReadFile(BAROMETER_SOURCE_DIR "/fonts/Inter-Bold.otf").substr(0, 100000));
  };
  cases["font-lacks-style"].setup = [](const Repo& r) {
    r.OwnCopy("templates");
    r.Replace("templates/report-a4.yaml", "  h1: {family: Inter, weight: 700,", "  h1: {family: Inter, weight: 900,");
  };
  return cases;
}

struct Expected {
  std::string name;
  int status = 0;
  std::string first;  ///< the first line of the output
  std::string last;   ///< the count line, or "-" for any
};

std::vector<Expected> Catalogue() {
  std::vector<Expected> out;
  std::istringstream lines(ReadFile(BAROMETER_SOURCE_DIR "/tests/hostile/catalogue.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    for (size_t start = 0;;) {
      size_t bar = line.find(" | ", start);
      fields.push_back(line.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    REQUIRE_MESSAGE(fields.size() == 4, std::string("catalogue line: " + line));
    auto trim = [](std::string s) {
      while (!s.empty() && s.back() == ' ') s.pop_back();
      while (!s.empty() && s.front() == ' ') s.erase(0, 1);
      return s;
    };
    out.push_back({trim(fields[0]), std::stoi(trim(fields[1])), trim(fields[2]), trim(fields[3])});
  }
  return out;
}

}  // namespace

TEST_CASE("hostile: every case of the catalogue has its setup, and every setup its catalogue line") {
  std::map<std::string, Case> cases = Cases();
  std::vector<Expected> catalogue = Catalogue();
  CHECK(catalogue.size() == cases.size());
  for (const Expected& expected : catalogue) CHECK_MESSAGE(cases.count(expected.name), expected.name);
}

TEST_CASE("hostile: each bad input is answered with its exit status and first diagnostic") {
  std::map<std::string, Case> cases = Cases();
  for (const Expected& expected : Catalogue()) {
    if (!cases.count(expected.name)) continue;
    CAPTURE(expected.name);
    Repo repo(expected.name);
    cases[expected.name].setup(repo);
    Run run = repo.Barometer(cases[expected.name].command);
    CAPTURE(run.out.substr(0, 2000));
    CHECK(run.status == expected.status);
    std::string first = FirstLine(run.out);
    // Messages that quote a resolved path name the temporary repository; the catalogue writes it $ROOT.
    const std::string real_root = fs::canonical(repo.root()).string();
    for (size_t at; (at = first.find(real_root)) != std::string::npos;) first.replace(at, real_root.size(), "$ROOT");
    CHECK(first == expected.first);
    if (expected.last != "-") CHECK(LastLine(run.out) == expected.last);
    CHECK(run.out.size() < 64 * 1024);  // however many errors, the answer stays readable
    // Nothing is written outside the repository's output folder, which only `build` may make.
    CHECK_FALSE(fs::exists(repo.Path("outside")));
    CHECK_FALSE(fs::exists(repo.Path("../outside")));
  }
}

TEST_CASE("hostile: check writes nothing, not even a font cache") {
  Repo repo("check-writes-nothing");
  repo.OwnCopy("fonts");
  repo.OwnCopy("templates");
  fs::remove_all(repo.Path("fonts/.cache"));  // an older build's, had one run in the source folder
  auto listing = [&] {
    std::vector<std::string> paths;
    for (const auto& entry : fs::recursive_directory_iterator(repo.root())) {
      paths.push_back(entry.path().string() + " " + std::to_string(entry.is_regular_file() ? entry.file_size() : 0));
    }
    std::sort(paths.begin(), paths.end());
    return paths;
  };
  const std::vector<std::string> before = listing();
  Run run = repo.Barometer("check -q content/mini");
  CHECK(run.status == 0);
  CHECK(listing() == before);
  CHECK_FALSE(fs::exists(repo.Path("fonts/.cache")));
}
