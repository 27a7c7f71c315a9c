#include "source/input.h"

#include <doctest/doctest.h>

#include "mini_fixture.h"
#include "model/load.h"
#include "source/yaml_file.h"

using barometer::base::Diagnostics;
using barometer::base::MemoryFileSystem;
using barometer::base::Severity;
using barometer::testing::Lines;
namespace source = barometer::source;

TEST_CASE("plain names: what may become part of a path") {
  for (const char* good : {"da", "en", "pt-BR", "sr_Latn", "fig01", "innovation-barometer-2021-da.pdf", "a"}) {
    CHECK_MESSAGE(source::IsPlainName(good), good);
  }
  for (const char* bad : {"", ".", "..", "../x", "a/b", "/abs", ".hidden", "-flag", "a b", "æ", "a\\b",
                          "x\n"}) {
    CHECK_FALSE_MESSAGE(source::IsPlainName(bad), bad);
  }
  CHECK(source::IsPlainName(std::string(100, 'a')));
  CHECK_FALSE(source::IsPlainName(std::string(101, 'a')));
}

TEST_CASE("UTF-8 and NUL bytes are reported at their line and byte column, once each") {
  Diagnostics diags;
  CHECK(source::CheckUtf8("f", "\xEF\xBB\xBFok: \xC3\xA6\n", diags));  // a byte order mark is fine
  CHECK_FALSE(source::CheckUtf8("f", "a: 1\nb: x\xC0\xAFy\nc: \xED\xA0\x80\nd: \xF4\x90\x80\x80", diags));
  CHECK_FALSE(source::CheckUtf8("g", std::string("a\nbc\0d\0", 7), diags));
  CHECK(Lines(diags, Severity::kError) ==
        std::vector<std::string>{"f:2:5: invalid UTF-8 (the file must be saved as UTF-8)", "g:2:3: NUL byte in text"});
}

TEST_CASE("an input over its size limit is refused before it is read") {
  MemoryFileSystem fs;
  fs.files["big.yaml"] = std::string(source::kMaxYamlFileBytes + 1, '#');
  fs.files["ok.yaml"] = std::string(source::kMaxYamlFileBytes, '#');
  Diagnostics diags;
  std::string text;
  CHECK_FALSE(source::ReadInput(fs, "big.yaml", source::kMaxYamlFileBytes, diags, &text));
  CHECK(text.empty());
  CHECK(source::ReadInput(fs, "ok.yaml", source::kMaxYamlFileBytes, diags, &text));
  CHECK(Lines(diags, Severity::kError) ==
        std::vector<std::string>{"big.yaml:0:0: file is too large: 4194305 bytes, the limit is 4 MB"});
}

TEST_CASE("yaml: aliases are walked once, so a duplicate key inside one is reported once") {
  MemoryFileSystem fs;
  fs.files["a.yaml"] = "base: &b {x: 1, x: 2}\none: *b\ntwo: *b\n";
  Diagnostics diags;
  source::YamlFile file = source::LoadYaml(fs, "a.yaml", diags);
  CHECK(file.ok);
  CHECK(Lines(diags, Severity::kError) == std::vector<std::string>{"a.yaml:1:17: duplicate key 'x'"});
}

TEST_CASE("yaml: nesting exactly at the limit loads, one level more does not") {
  MemoryFileSystem fs;
  const int depth = source::kMaxYamlDepth;
  fs.files["at.yaml"] = std::string(depth, '[') + std::string(depth, ']');
  fs.files["past.yaml"] = std::string(depth + 1, '[') + std::string(depth + 1, ']');
  Diagnostics diags;
  CHECK(source::LoadYaml(fs, "at.yaml", diags).ok);
  CHECK_FALSE(diags.HasErrors());
  CHECK_FALSE(source::LoadYaml(fs, "past.yaml", diags).ok);
  CHECK(Lines(diags, Severity::kError) ==
        std::vector<std::string>{"past.yaml:1:33: nesting is deeper than 32 levels"});
}

TEST_CASE("yaml: an alias expansion past the limit fails at the node that multiplies") {
  MemoryFileSystem fs;
  // 400 x 400 = 160,000 values once expanded, from a file of a few kilobytes.
  std::string text = "row: &r [";
  for (int i = 0; i < 400; ++i) text += i ? ",1" : "1";
  text += "]\ngrid: [";
  for (int i = 0; i < 400; ++i) text += i ? ",*r" : "*r";
  text += "]\n";
  fs.files["b.yaml"] = text;
  Diagnostics diags;
  CHECK_FALSE(source::LoadYaml(fs, "b.yaml", diags).ok);
  CHECK(Lines(diags, Severity::kError) ==
        std::vector<std::string>{"b.yaml:2:7: the file expands to more than 100000 values (aliases count each time "
                                 "they are used)"});
}

TEST_CASE("edition: impossible dates are refused, leap days are not") {
  for (const auto& [date, good] : std::vector<std::pair<std::string, bool>>{
           {"2024-02-29", true}, {"2023-02-29", false}, {"2021-02-31", false}, {"2021-04-31", false},
           {"2000-02-29", true}, {"1900-02-29", false}, {"2021-12-31", true}, {"2021-13", false}}) {
    MemoryFileSystem fs;
    barometer::testing::LoadMini(fs);
    REQUIRE(barometer::testing::Edit(fs, "mini/edition.yaml", "publication_date: 2024-03-01",
                                     "publication_date: " + date));
    Diagnostics diags;
    barometer::model::LoadEdition(fs, {"mini", "templates", {}}, diags);
    CHECK_MESSAGE(diags.HasErrors() == !good, date);
  }
}
