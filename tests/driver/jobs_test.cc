// The build on one thread and on several: the same outputs byte for byte, and the same diagnostics in the same
// order, whichever thread finishes first.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/progress.h"
#include "driver/build.h"

namespace fs = std::filesystem;

namespace {

using barometer::driver::Output;

struct Built {
  barometer::driver::Outcome outcome;
  std::vector<Output> outputs;
  std::vector<std::string> diagnostics;  ///< "file:line:col: message", in the order they are printed
};

Built BuildInMemory(const std::string& content, int jobs,
                    const std::string& templates = BAROMETER_SOURCE_DIR "/templates") {
  barometer::base::RealFileSystem real;
  barometer::base::SilentProgress quiet;
  barometer::base::Diagnostics diags;
  barometer::driver::BuildOptions options;
  options.content_dir = content;
  options.templates_dir = templates;
  options.fonts_dir = BAROMETER_SOURCE_DIR "/fonts";
  options.jobs = jobs;
  Built built;
  options.in_memory = &built.outputs;
  built.outcome = barometer::driver::Build(real, options, quiet, diags);
  for (const barometer::base::Diagnostic& d : diags.Sorted()) {
    built.diagnostics.push_back(d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) +
                                ": " + d.message);
  }
  return built;
}

// Removes every line of `path` that starts with one of `prefixes`.
void DropLines(const fs::path& path, const std::vector<std::string>& prefixes) {
  std::ifstream in(path);
  std::string line, kept;
  while (std::getline(in, line)) {
    bool drop = false;
    for (const std::string& prefix : prefixes) drop |= line.rfind(prefix, 0) == 0;
    if (!drop) kept += line + "\n";
  }
  std::ofstream(path) << kept;
}

}  // namespace

TEST_CASE("build: one thread and several make the same outputs, byte for byte and in the same order") {
  const std::string content = BAROMETER_SOURCE_DIR "/content/2021";
  Built serial = BuildInMemory(content, 1);
  REQUIRE(serial.outcome == barometer::driver::Outcome::kBuilt);
  REQUIRE(serial.outputs.size() > 40);
  for (int jobs : {2, 5}) {
    CAPTURE(jobs);
    Built parallel = BuildInMemory(content, jobs);
    REQUIRE(parallel.outcome == barometer::driver::Outcome::kBuilt);
    REQUIRE(parallel.outputs.size() == serial.outputs.size());
    for (size_t i = 0; i < serial.outputs.size(); ++i) {
      CAPTURE(serial.outputs[i].path);
      CHECK(parallel.outputs[i].path == serial.outputs[i].path);
      CHECK(parallel.outputs[i].bytes == serial.outputs[i].bytes);
    }
    CHECK(parallel.diagnostics == serial.diagnostics);
  }
}

TEST_CASE("build: diagnostics of the writers on several threads come in the order of one thread") {
  // Two words the figure exports and the workbooks need, gone from both languages (their labels and the language
  // profiles' defaults): each language's figures and workbook report them at the same place (the labels file),
  // from tasks that may run on any thread.
  const fs::path work = fs::temp_directory_path() / ("barometer-jobs-" + std::to_string(getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  fs::copy(BAROMETER_SOURCE_DIR "/content/2021", work / "2021", fs::copy_options::recursive);
  fs::copy(BAROMETER_SOURCE_DIR "/templates", work / "templates", fs::copy_options::recursive);
  for (const char* language : {"da", "en"}) {
    DropLines(work / "2021" / language / "labels.yaml", {"appendix-zone-item:", "export-series:"});
    DropLines(work / "templates" / "languages" / (std::string(language) + ".yaml"),
              {"appendix-zone-item:", "export-series:", "  appendix-zone-item:", "  export-series:"});
  }
  const std::string templates = (work / "templates").string();
  Built serial = BuildInMemory((work / "2021").string(), 1, templates);
  CHECK(serial.outcome == barometer::driver::Outcome::kContentErrors);
  CHECK(serial.outputs.empty());
  REQUIRE(serial.diagnostics.size() >= 4);
  for (int run = 0; run < 3; ++run) {
    Built parallel = BuildInMemory((work / "2021").string(), 4, templates);
    CHECK(parallel.outcome == barometer::driver::Outcome::kContentErrors);
    CHECK(parallel.diagnostics == serial.diagnostics);
  }
  fs::remove_all(work);
}
