// The scratch folder: where libxlsxwriter's short-lived files go.
#include "base/file_system.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

TEST_CASE("file system: scratch files go to TMPDIR, else a memory-backed folder, else /tmp") {
  const char* saved = std::getenv("TMPDIR");
  std::string restore = saved ? saved : "";

  setenv("TMPDIR", "/some/where", 1);
  CHECK(barometer::base::ScratchDir() == "/some/where");

  unsetenv("TMPDIR");
  std::string expected = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
  CHECK(barometer::base::ScratchDir() == expected);

  if (saved) setenv("TMPDIR", restore.c_str(), 1);
}
