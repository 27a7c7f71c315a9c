// Results kept across builds: given again only while every file they read answers as it did, bytes for bytes.
#include <doctest/doctest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/file_memo.h"

using namespace barometer;

namespace {

// Counts the characters of a.txt, and of b.txt when a.txt asks for it ("more" in it); warns when a.txt is empty.
std::function<size_t(const base::FileSystem&, base::Diagnostics&)> CountLetters(int* runs) {
  return [runs](const base::FileSystem& fs, base::Diagnostics& diags) {
    ++*runs;
    std::string a, b;
    fs.ReadFile("a.txt", &a);
    if (a.empty()) diags.Warning({"a.txt", 1, 1}, "empty");
    if (a.find("more") != std::string::npos && fs.Exists("b.txt")) fs.ReadFile("b.txt", &b);
    return a.size() + b.size();
  };
}

// Passes through to another file system, listing every file read.
class ReadsSeen : public base::MemoryFileSystem {
 public:
  bool ReadFile(const std::string& path, std::string* contents) const override {
    seen.push_back(path);
    return MemoryFileSystem::ReadFile(path, contents);
  }
  mutable std::vector<std::string> seen;
};

// A memo that has computed CountLetters once over a.txt holding `text`.
struct Counted {
  explicit Counted(const std::string& text) {
    fs.files["a.txt"] = text;
    memo.Get<size_t>(fs, "count", first, CountLetters(&runs));
  }
  base::MemoryFileSystem fs;
  base::FileMemo memo;
  int runs = 0;
  base::Diagnostics first;
};

}  // namespace

TEST_CASE("file memo: a result is given again while its files are unchanged, and made again after any edit") {
  base::MemoryFileSystem fs;
  fs.files["a.txt"] = "hello";
  base::FileMemo memo;
  int runs = 0;
  base::Diagnostics diags;
  bool reused = true;
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused) == 5);
  CHECK_FALSE(reused);
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused) == 5);
  CHECK(reused);
  CHECK(runs == 1);

  // The same size, another letter: the bytes tell, not the size or a date.
  fs.files["a.txt"] = "hellp";
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused) == 5);
  CHECK_FALSE(reused);
  CHECK(runs == 2);

  // A file the computation looked for and did not find appears.
  fs.files["a.txt"] = "more";
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs)) == 4);
  fs.files["b.txt"] = "xyz";
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused) == 7);
  CHECK_FALSE(reused);
  // A file it read, edited; then removed.
  fs.files["b.txt"] = "xy";
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs)) == 6);
  fs.files.erase("b.txt");
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs)) == 4);
  CHECK(runs == 6);
  CHECK(memo.counts().reused == 1);
  CHECK(memo.counts().computed == 6);
  // Another key is another computation.
  CHECK(memo.Get<size_t>(fs, "other", diags, CountLetters(&runs), &reused) == 4);
  CHECK_FALSE(reused);
}

TEST_CASE("file memo: a kept result's diagnostics are said again, as strict as the sink asks") {
  Counted counted("");
  base::MemoryFileSystem& fs = counted.fs;
  base::FileMemo& memo = counted.memo;
  int& runs = counted.runs;
  base::Diagnostics second;
  memo.Get<size_t>(fs, "count", second, CountLetters(&runs));
  CHECK(runs == 1);
  REQUIRE(second.Sorted().size() == 1);
  CHECK(second.Sorted()[0].message == "empty");
  CHECK(second.Sorted()[0].severity == base::Severity::kWarning);
  // Under --strict the warning is an error: what was kept without it is made again.
  memo.SetWarningsAsErrors(true);
  base::Diagnostics strict;
  strict.SetWarningsAsErrors(true);
  memo.Get<size_t>(fs, "count", strict, CountLetters(&runs));
  CHECK(runs == 2);
  CHECK(strict.ErrorCount() == 1);
}

TEST_CASE("file memo: checking a kept result stops at the first changed answer, reading nothing beyond it") {
  // A result that read a.txt and then b.txt: once a.txt no longer asks for b.txt, a check must not read b.txt (a
  // build without the cache would not read it, and the build record lists every file read).
  ReadsSeen fs;
  fs.files["a.txt"] = "more";
  fs.files["b.txt"] = "xyz";
  base::FileMemo memo;
  int runs = 0;
  base::Diagnostics diags;
  memo.Get<size_t>(fs, "count", diags, CountLetters(&runs));
  fs.files["a.txt"] = "less";
  fs.seen.clear();
  CHECK(memo.Get<size_t>(fs, "count", diags, CountLetters(&runs)) == 4);
  CHECK(fs.seen == std::vector<std::string>{"a.txt", "a.txt"});  // the check's read, then the computation's
}

TEST_CASE("file memo: results unused for a few builds are let go, and a cached computation cannot write") {
  Counted counted("abc");
  base::MemoryFileSystem& fs = counted.fs;
  base::FileMemo& memo = counted.memo;
  int& runs = counted.runs;
  base::Diagnostics diags;
  memo.EndBuild();  // the build that used it
  for (int i = 0; i + 1 < base::FileMemo::kKeptBuilds; ++i) memo.EndBuild();
  bool reused = false;
  memo.Get<size_t>(fs, "other", diags, CountLetters(&runs));
  memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused);
  CHECK(reused);  // unused in fewer builds than kKeptBuilds: still kept
  memo.EndBuild();
  for (int i = 0; i < base::FileMemo::kKeptBuilds; ++i) memo.EndBuild();
  memo.Get<size_t>(fs, "count", diags, CountLetters(&runs), &reused);
  CHECK_FALSE(reused);

  std::function<int(const base::FileSystem&, base::Diagnostics&)> writes = [](const base::FileSystem& files,
                                                                                 base::Diagnostics&) {
    const_cast<base::FileSystem&>(files).WriteFile("x", "y");
    return 0;
  };
  CHECK_THROWS_AS(memo.Get<int>(fs, "writes", diags, writes), std::logic_error);
  CHECK(fs.files.count("x") == 0);
}

TEST_CASE("sha256 memo: the same bytes give the remembered sum, other bytes under the same name a new one") {
  base::Sha256Memo sums;
  CHECK(sums.Hex("f", "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sums.Hex("f", "abc") == base::Sha256Hex(nullptr, "f", "abc"));
  CHECK(sums.Hex("f", "abd") == base::Sha256Hex(nullptr, "f", "abd"));
  CHECK(sums.Hex("f", "abd") != sums.Hex("g", "abc"));
}
