// Every input saved under tests/fuzz/inputs/<target>/ (the hostile seeds, and each input a fuzzer once crashed on)
// goes through its fuzz target again, so a crash found once stays fixed; under `make sanitize` with ASan and UBSan.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "fuzz/targets.h"
#include "shell.h"

TEST_CASE("fuzz: every saved input of every fuzz target loads without crashing") {
  namespace fs = std::filesystem;
  for (const std::string& target : barometer::fuzz::Targets()) {
    const fs::path folder = fs::path(BAROMETER_SOURCE_DIR) / "tests/fuzz/inputs" / target;
    int inputs = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
      CAPTURE(entry.path().string());
      barometer::fuzz::Run(target, barometer::testing::ReadFile(entry.path().string()));
      ++inputs;
    }
    CAPTURE(target);
    CHECK(inputs > 0);
  }
}
