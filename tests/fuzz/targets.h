// What each fuzz target does with one input, shared by the libFuzzer programs (`make fuzz`, fuzz_main.cc) and the
// unit test that runs every saved input through them (fuzz_inputs_test.cc). Each target puts the input where the
// loader expects a file, loads it and prints the diagnostics as the command line would; all it may do with a
// hostile input is report errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostic_printer.h"
#include "base/diagnostics.h"
#include "base/file_system.h"
#include "mini_fixture.h"
#include "model/load.h"
#include "model/markup.h"

namespace barometer::fuzz {

/// The targets, by the name of their folder under tests/fuzz/inputs/ and of their program (fuzz_<name>).
inline const std::vector<std::string>& Targets() {
  static const std::vector<std::string> names = {"edition", "section", "markup", "table", "figure_specs", "template"};
  return names;
}

inline void Run(const std::string& target, const std::string& input) {
  base::MemoryFileSystem fs;
  base::Diagnostics diags;
  if (target == "edition") {
    // The mini edition with its edition.yaml replaced: everything the loader reads from there on.
    testing::LoadMini(fs);
    fs.files["mini/edition.yaml"] = input;
    model::LoadEdition(fs, {"mini", "templates", {}}, diags);
  } else if (target == "section") {
    fs.files["first.yaml"] = input;
    model::LoadSection(fs, "first.yaml", "first", diags);
  } else if (target == "markup") {
    model::ParseMarkup(input, {"text.yaml", 1, 1}, input.find('\n') == std::string::npos, diags);
  } else if (target == "table") {
    fs.files["shares.csv"] = input;
    model::LoadTable(fs, "shares.csv", "shares", diags);
  } else if (target == "figure_specs") {
    fs.files["figures.yaml"] = input;
    model::LoadFigureSpecs(fs, "figures.yaml", diags);
    model::LoadFigureTexts(fs, "figures.yaml", diags);
  } else if (target == "template") {
    fs.files["report.yaml"] = input;
    model::LoadTemplate(fs, "report.yaml", diags);
  }
  base::FormatDiagnostics(diags, fs);
}

}  // namespace barometer::fuzz
