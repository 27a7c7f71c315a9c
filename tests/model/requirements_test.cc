// The one declaration of what a template, a language profile and an edition must provide: every fixed name the
// stages use is in it, and each item it declares, when missing, is reported by `check` exactly as by `build`.
#include "model/requirements.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "base/diagnostic_codes.h"
#include "base/progress.h"
#include "driver/build.h"
#include "mini_fixture.h"
#include "model/load.h"

using namespace barometer;

namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> LabelKeys() {
  std::vector<std::string> keys;
  for (const model::LabelRequirement& label : model::RequiredLabels()) keys.push_back(label.key);
  return keys;
}

// Every match of `pattern`'s first group in the .cc and .h files of the given stages.
std::set<std::string> UsedNames(std::initializer_list<const char*> stages, const std::string& pattern) {
  std::set<std::string> names;
  const std::regex re(pattern);
  for (const char* stage : stages) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BAROMETER_SOURCE_DIR "/src/") + stage)) {
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
        names.insert((*it)[1]);
      }
    }
  }
  return names;
}

// Removes the entry `key` of the map `parent` (a top-level key; empty: the file's own top level) from YAML text,
// with the lines that continue it. False when there is no such entry.
bool RemoveEntry(std::string& text, const std::string& parent, const std::string& key) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const std::string indent = parent.empty() ? "" : "  ";
  bool inside = parent.empty();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!parent.empty() && lines[i].rfind(parent + ":", 0) == 0) inside = true;
    else if (!parent.empty() && inside && !lines[i].empty() && lines[i][0] != ' ' && lines[i][0] != '#') inside = false;
    if (!inside || lines[i].rfind(indent + key + ":", 0) != 0) continue;
    size_t end = i + 1;
    while (end < lines.size() && lines[end].size() > indent.size() && lines[end][indent.size()] == ' ') ++end;
    lines.erase(lines.begin() + i, lines.begin() + end);
    text.clear();
    for (const std::string& line : lines) text += line + "\n";
    return true;
  }
  return false;
}

// "path:line:col: code" of each diagnostic of a run of the pipeline: `check` (write = false) or `build`.
std::vector<std::string> Run(base::MemoryFileSystem fs, bool write) {
  driver::BuildOptions options;
  options.content_dir = "mini";
  options.templates_dir = "templates";
  options.fonts_dir = "fonts";
  options.out_dir = "out";
  options.write = write;
  options.jobs = 1;
  base::SilentProgress progress;
  base::Diagnostics diags;
  driver::Build(fs, options, progress, diags);
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diags.Sorted()) {
    out.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
                  std::string(base::DiagnosticCode(d)) + ": " + d.message);
  }
  return out;
}

// Removes one item, runs `check` and `build`, and expects both to report the same, `code` among it.
// `needed`: whether the item is needed, so that its absence is an error; else neither command reports it.
void ExpectAgreement(base::MemoryFileSystem& fs, const std::string& item, const std::string& code,
                     bool needed = true) {
  CAPTURE(item);
  const std::vector<std::string> check = Run(fs, false);
  const std::vector<std::string> build = Run(fs, true);
  CHECK(check == build);
  const bool reported = std::any_of(check.begin(), check.end(), [&](const std::string& line) {
    return line.find(": " + code + ": ") != std::string::npos && line.find("'" + item + "'") != std::string::npos;
  });
  CHECK_MESSAGE(reported == needed, (needed ? "no " : "unexpected ") << code << " for '" << item << "'");
  if (needed) CHECK(std::none_of(fs.files.begin(), fs.files.end(),
                     [](const auto& file) { return file.first.rfind("out/", 0) == 0; }));
}

}  // namespace

TEST_CASE("requirements: every fixed label, colour, master and phrase the stages use is declared") {
  const std::vector<std::string> labels = LabelKeys();
  std::set<std::string> used = UsedNames({"layout", "appendix", "exports"},
                                         R"re((?:Label\(language_?, |Word\((?:figure, )?|heading\(|Field\()"([a-z0-9-]+)")re");
  CHECK(used.size() > 40);  // the pattern still finds the uses
  for (const std::string& key : used) CHECK_MESSAGE(Contains(labels, key), "label '" << key << "' is not declared");

  used = UsedNames({"layout", "figures", "render"}, R"re(Colour\("([a-z0-9-]+)"\))re");
  CHECK(used.size() > 4);
  for (const std::string& name : used) CHECK_MESSAGE(Contains(model::RequiredColours(), name), name);

  used = UsedNames({"layout", "figures"}, R"re((?:Style\(|style = |Leading\()"([a-z0-9-]+)")re");
  CHECK(used.size() > 8);
  for (const std::string& name : used) CHECK_MESSAGE(Contains(model::RequiredStyles(), name), name);

  used = UsedNames({"layout", "figures"}, R"re(masters\.(?:at|find)\("([a-z0-9-]+)"\))re");
  CHECK(used.size() > 3);
  for (const std::string& name : used) CHECK_MESSAGE(Contains(model::RequiredMasters(), name), name);

  used = UsedNames({"figures"}, R"re(Phrase\("([a-z0-9-]+)")re");
  CHECK(used.size() > 8);
  for (const std::string& key : used) CHECK_MESSAGE(Contains(model::RequiredPhrases(), key), key);
}

TEST_CASE("requirements: a label only an optional field needs is required only when the field is used") {
  base::MemoryFileSystem fs;
  testing::LoadMini(fs);
  base::Diagnostics diags;
  auto edition = model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  REQUIRE(edition);
  REQUIRE(edition->languages.size() == 2);
  // The Danish edition has no ISBN, the English one has.
  CHECK_FALSE(Contains(model::NeededLabels(*edition, edition->languages[0]), "isbn"));
  CHECK(Contains(model::NeededLabels(*edition, edition->languages[1]), "isbn"));
  CHECK_FALSE(Contains(model::NeededLabels(*edition, edition->languages[1]), "significant-pair"));
  // The web address is printed in a colophon only; the mini edition has none until one is added.
  CHECK_FALSE(Contains(model::NeededLabels(*edition, edition->languages[1]), "web"));
  model::Block colophon;
  colophon.content = model::Colophon{};
  edition->languages[1].sections.back().blocks.push_back(colophon);
  CHECK(Contains(model::NeededLabels(*edition, edition->languages[1]), "web"));
  edition->web.clear();
  CHECK_FALSE(Contains(model::NeededLabels(*edition, edition->languages[1]), "web"));
}

TEST_CASE("requirements: without any one required item, check and build report the same") {
  base::MemoryFileSystem clean;
  testing::LoadMini(clean);
  const std::string report = "templates/report-a4.yaml";
  SUBCASE("the template's colours, styles and master pages") {
    struct Part {
      const char* key;
      const std::vector<std::string>& names;
      const char* code;
    };
    for (const Part& part : {Part{"palette", model::RequiredColours(), "palette-missing-colour"},
                             Part{"styles", model::RequiredStyles(), "missing-style"},
                             Part{"masters", model::RequiredMasters(), "missing-master"}}) {
      for (const std::string& name : part.names) {
        base::MemoryFileSystem fs = clean;
        REQUIRE(RemoveEntry(fs.files[report], part.key, name));
        ExpectAgreement(fs, name, part.code);
      }
    }
  }
  SUBCASE("phrases") {
    for (const std::string& key : model::RequiredPhrases()) {
      base::MemoryFileSystem fs = clean;
      REQUIRE(RemoveEntry(fs.files["templates/languages/en.yaml"], "phrases", key));
      ExpectAgreement(fs, key, "missing-phrase");
    }
  }
  SUBCASE("labels: from the edition and from its language profile's defaults") {
    base::Diagnostics diags;
    auto edition = model::LoadEdition(clean, {"mini", "templates", {}}, diags);
    REQUIRE(edition);
    const std::vector<std::string> needed = model::NeededLabels(*edition, edition->languages.back());
    CHECK(needed.size() > 40);
    for (const model::LabelRequirement& label : model::RequiredLabels()) {
      base::MemoryFileSystem fs = clean;
      // From wherever it is: an edition's own words (the source line) or the profile's defaults, or both.
      const bool from_edition = RemoveEntry(fs.files["mini/en/labels.yaml"], "", label.key);
      const bool from_profile = RemoveEntry(fs.files["templates/languages/en.yaml"], "labels", label.key);
      REQUIRE((from_edition || from_profile));
      ExpectAgreement(fs, label.key, "missing-label", Contains(needed, label.key));
    }
  }
}
