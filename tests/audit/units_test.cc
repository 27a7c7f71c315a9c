// The auditors' building blocks on their own: the word diff, pixel comparison, and unreadable inputs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "audit/images.h"
#include "audit/outputs.h"
#include "audit/pdf_pages.h"
#include "audit/verify.h"
#include "audit/word_diff.h"
#include "audit/workbook_cells.h"
#include "base/file_system.h"
#include "base/hash.h"

using barometer::audit::WordEdit;

TEST_CASE("audit: the word diff marks exactly the changed words, with a little context") {
  auto edits = barometer::audit::DiffWords("one two three four five six seven eight nine ten",
                                           "one two three four FIVE six seven eight nine ten eleven");
  std::vector<std::string> passages = barometer::audit::ChangedPassages(edits, 2);
  REQUIRE(passages.size() == 2);
  CHECK(passages[0] == "… three four [-five-]{+FIVE+} six seven …");
  CHECK(passages[1] == "… nine ten {+eleven+}");
  CHECK(barometer::audit::DiffWords("same words", "same  words\n").size() == 1);
  // A word hyphenated at a line end (soft hyphen, newline) is the same word as unbroken.
  CHECK(barometer::audit::ChangedPassages(barometer::audit::DiffWords("inno\u00AD\nvation", "innovation"), 3).empty());
}

TEST_CASE("audit: changed pixels are counted and boxed, a size change counts the extra pixels") {
  barometer::audit::Image a{3, 2, std::vector<uint32_t>(6, 0xFFFFFFFFu)};
  barometer::audit::Image b = a;
  CHECK(barometer::audit::ComparePixels(a, b).changed == 0);
  b.pixels[1 * 3 + 2] = 0xFF000000u;
  b.pixels[0 * 3 + 1] = 0xFF000000u;
  auto change = barometer::audit::ComparePixels(a, b);
  CHECK(change.changed == 2);
  CHECK(change.x0 == 1);
  CHECK(change.y0 == 0);
  CHECK(change.x1 == 3);
  CHECK(change.y1 == 2);
  barometer::audit::Image wider{4, 2, std::vector<uint32_t>(8, 0xFFFFFFFFu)};
  CHECK(barometer::audit::ComparePixels(a, wider).changed == 2);

  // Encoding and decoding give the pixels back.
  auto decoded = barometer::audit::DecodePng(barometer::audit::EncodePng(b), "b.png");
  CHECK(decoded.width == 3);
  CHECK(decoded.pixels == b.pixels);
}

TEST_CASE("audit: a truncated PNG or PDF and a workbook that is not a zip are errors naming the file") {
  std::string png = barometer::audit::EncodePng({8, 8, std::vector<uint32_t>(64, 0xFF0000FFu)});
  auto message = [](auto&& read) {
    try {
      read();
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message([&] { barometer::audit::DecodePng(png.substr(0, png.size() / 2), "old/figure-01.png"); })
            .rfind("old/figure-01.png: not a readable PNG", 0) == 0);
  CHECK(message([&] { barometer::audit::ReadPdfPages("%PDF-1.5\n1 0 obj", "old/report.pdf", 20); })
            .rfind("old/report.pdf: not a readable PDF", 0) == 0);
  CHECK(message([&] { barometer::audit::ReadWorkbookCells("PK not really", "old/appendix.xlsx"); })
            .rfind("old/appendix.xlsx: not a workbook", 0) == 0);
}

TEST_CASE("audit: an output folder without SHA256SUMS is not read, and checksum lists never point outside") {
  barometer::base::MemoryFileSystem fs;
  fs.files["out/report.pdf"] = "pdf";
  CHECK_THROWS_WITH(barometer::audit::ReadOutputFolder(fs, "out"),
                    "out/SHA256SUMS: not found; 'out' is not a barometer output folder");
  const std::string hash(64, 'a');
  auto listed = barometer::audit::ParseChecksums(hash + "  report.pdf\n" + hash + "  ../secret\n" + hash +
                                                 "  /etc/hostname\nnot a line\n");
  CHECK(listed.size() == 1);
  CHECK(listed.count("report.pdf"));
}

TEST_CASE("audit: verify names each file that differs or is missing, and the inputs behind it") {
  barometer::audit::OutputSet built;
  built.name = "content/x";
  built.files["a.pdf"] = "new a";
  built.files["b.csv"] = "b";
  built.files["build-info.json"] = R"({"inputs": {"content/x/t.csv": "222"}, "libraries": {"cairo": "1.16.0"}})";
  using barometer::base::Sha256Hex;
  std::string sums = Sha256Hex("old a") + "  a.pdf\n" + Sha256Hex("b") + "  b.csv\n" + Sha256Hex("c") + "  c.png\n";
  std::string record = R"({"inputs": {"content/x/t.csv": "111"}, "libraries": {"cairo": "1.16.0"}})";
  auto verification = barometer::audit::Verify(built, sums, record, "pub/build-info.json");
  CHECK_FALSE(verification.Ok());
  CHECK(verification.differing == std::vector<std::string>{"a.pdf"});
  CHECK(verification.missing == std::vector<std::string>{"c.png"});
  CHECK(verification.matching == std::vector<std::string>{"b.csv"});
  REQUIRE(verification.record.size() == 1);
  CHECK(verification.record[0].what == "input content/x/t.csv");
  std::string text = barometer::audit::FormatVerification(verification, "pub/SHA256SUMS");
  CHECK(text.find("differs: a.pdf\n") != std::string::npos);
  CHECK(text.find("missing: c.png") != std::string::npos);
  CHECK(text.find("input content/x/t.csv: published 111, this build 222") != std::string::npos);

  std::string good = Sha256Hex("new a") + "  a.pdf\n" + Sha256Hex("b") + "  b.csv\n";
  CHECK(barometer::audit::Verify(built, good, std::nullopt, "").Ok());
  // A build record that differs alone (another compiler commit, say) is a note, not a failure.
  auto other_record = barometer::audit::Verify(built, good + Sha256Hex("{}") + "  build-info.json\n", record,
                                               "pub/build-info.json");
  CHECK(other_record.Ok());
  CHECK(other_record.record_differs);
  CHECK(barometer::audit::FormatVerification(other_record, "pub/SHA256SUMS")
            .find("note: build-info.json differs:\n  input content/x/t.csv: published 111") != std::string::npos);
}
