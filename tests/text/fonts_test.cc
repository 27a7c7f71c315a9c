// The pinned fonts: the manifest's checks (hash, presence, plain names, usable fonts) each at its line and column,
// and the template's faces held against the fonts the isolated fontconfig loaded.
#include "text/fonts.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/hash.h"
#include "mini_fixture.h"

using namespace barometer;
using barometer::testing::Lines;

namespace {

const std::string kFonts = BAROMETER_SOURCE_DIR "/fonts";

// A manifest line for `file` with the hash of `bytes`, in the shipped manifest's columns (the name at column 67).
std::string ManifestLine(const std::string& bytes, const std::string& file) {
  return base::Sha256Hex(bytes) + "  " + file + "  fonts-inter  /usr/share/fonts/opentype/inter/" + file + "\n";
}

}  // namespace

TEST_CASE("fonts: the shipped manifest checks out, and each broken entry is reported at its place") {
  base::RealFileSystem disk;
  base::Diagnostics clean;
  const std::vector<std::string> shipped = text::VerifyFontManifest(disk, kFonts, clean);
  CHECK(Lines(clean, base::Severity::kError).empty());
  CHECK(shipped.size() == 8);

  base::MemoryFileSystem fs;
  std::string regular;
  REQUIRE(disk.ReadFile(kFonts + "/Inter-Regular.otf", &regular));
  fs.files["f/Inter-Regular.otf"] = regular;
  fs.files["f/Changed.otf"] = regular + "x";
  fs.files["f/Garbage.otf"] = "not a font at all";
  fs.files["f/manifest.txt"] = "# sha256  file  package  source\n" + ManifestLine(regular, "Inter-Regular.otf") +
                               ManifestLine(regular, "Changed.otf") + ManifestLine(regular, "Missing.otf") +
                               ManifestLine("not a font at all", "Garbage.otf") + ManifestLine(regular, "../up.otf") +
                               "abc  Short.otf\n";
  base::Diagnostics diags;
  const std::vector<std::string> checked = text::VerifyFontManifest(fs, "f", diags);
  CHECK(checked == std::vector<std::string>{"Inter-Regular.otf"});
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "f/manifest.txt:3:1: font file f/Changed.otf does not match its SHA-256",
            "f/manifest.txt:4:67: font file f/Missing.otf is missing",
            "f/manifest.txt:5:67: font file f/Garbage.otf is not a usable font: not an OpenType or TrueType font",
            "f/manifest.txt:6:67: font file name '../up.otf' is not a plain name",
            "f/manifest.txt:7:1: expected 'sha256 file package source' on each line",
        });
  for (const base::Diagnostic& d : diags.Sorted()) {
    if (d.message.find("is missing") == std::string::npos) continue;
    REQUIRE(d.hints.size() == 1);
    CHECK(d.hints[0].find("copy /usr/share/fonts/opentype/inter/Missing.otf of the Debian package 'fonts-inter'") ==
          0);
  }

  fs.files.erase("f/manifest.txt");
  base::Diagnostics none;
  CHECK(text::VerifyFontManifest(fs, "f", none).empty());
  CHECK(Lines(none, base::Severity::kError) == std::vector<std::string>{"f/manifest.txt:0:0: font manifest not found"});
}

TEST_CASE("fonts: a template face no pinned font has is reported at its style, an existing one is not") {
  const text::FontSet fonts(kFonts, "en");
  model::Template design;
  model::TextStyle body;
  body.family = "Noto Serif";
  body.loc = {"t.yaml", 3, 9};
  design.styles["body"] = body;
  model::TextStyle bold_heading = body;
  bold_heading.family = "Inter";
  bold_heading.weight = 700;
  bold_heading.loc = {"t.yaml", 4, 9};
  design.styles["heading"] = bold_heading;
  base::Diagnostics clean;
  text::CheckTemplateFaces(fonts, design, clean);
  CHECK(Lines(clean, base::Severity::kError).empty());

  model::TextStyle light = bold_heading;
  light.weight = 300;
  light.loc = {"t.yaml", 5, 9};
  design.styles["light"] = light;
  model::TextStyle comic = body;
  comic.family = "Comic Sans";
  comic.loc = {"t.yaml", 6, 9};
  design.styles["comic"] = comic;
  base::Diagnostics diags;
  text::CheckTemplateFaces(fonts, design, diags);
  CHECK(Lines(diags, base::Severity::kError) ==
        std::vector<std::string>{
            "t.yaml:5:9: style 'light' asks for Inter weight 300, which no font in the fonts folder has (it would be "
            "faked or substituted)",
            "t.yaml:6:9: style 'comic' uses font family 'Comic Sans', which no font in the fonts folder has",
        });
}

TEST_CASE("fonts: the versions of the text libraries are named for the build record") {
  const std::map<std::string, std::string> versions = text::TextLibraryVersions();
  for (const char* library : {"cairo", "pango", "harfbuzz", "fontconfig"}) {
    REQUIRE_MESSAGE(versions.count(library), library);
    CHECK(versions.at(library).find('.') != std::string::npos);
  }
}
