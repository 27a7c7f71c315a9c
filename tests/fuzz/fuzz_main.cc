// A libFuzzer program for one target of targets.h, chosen by BAROMETER_FUZZ_TARGET when compiled (CMake makes
// fuzz_<target> for each). Built only with -DBAROMETER_FUZZ=ON and clang; `make fuzz` runs them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  barometer::fuzz::Run(BAROMETER_FUZZ_TARGET, std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
