// The build record's reading side: every file read is recorded once, and taking the record empties it.
#include "driver/build_info.h"

#include <doctest/doctest.h>

#include "base/file_system.h"

using namespace barometer;

TEST_CASE("build info: the recording file system hands over what was read, and keeps no copy") {
  base::MemoryFileSystem files;
  files.files["c/a.yaml"] = "a: 1\n";
  files.files["c/b.yaml"] = "b: 2\n";
  driver::RecordingFileSystem reading(files);
  std::string bytes;
  REQUIRE(reading.ReadFile("c/a.yaml", &bytes));
  REQUIRE(reading.ReadFile("c/b.yaml", &bytes));
  REQUIRE(reading.ReadFile("c/a.yaml", &bytes));  // read twice, recorded once
  CHECK_FALSE(reading.ReadFile("c/missing.yaml", &bytes));
  const std::map<std::string, std::string> read = reading.TakeRead();
  CHECK(read == std::map<std::string, std::string>{{"c/a.yaml", "a: 1\n"}, {"c/b.yaml", "b: 2\n"}});
  CHECK(reading.TakeRead().empty());
  REQUIRE(reading.ReadFile("c/b.yaml", &bytes));
  CHECK(reading.TakeRead() == std::map<std::string, std::string>{{"c/b.yaml", "b: 2\n"}});
}
