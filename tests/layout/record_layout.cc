// Records the layout dumps that tests/layout/layout_test.cc compares against (`make record-layout`). Run it after
// a change that is meant to move things, then review the change of the .expected files as a diff before
// committing them. The tests themselves never write these files.
#include <cstdio>
#include <exception>
#include <fstream>

#include "base/diagnostic_printer.h"
#include "layout/layout_fixture.h"

int main() {
  using namespace barometer;
  int status = 0;
  for (const testing::RecordedLayout& recorded : testing::kRecordedLayouts) {
    try {
      auto laid = testing::LayOut(std::string(BAROMETER_SOURCE_DIR "/") + recorded.content, recorded.language);
      if (laid->diags.HasErrors()) {
        base::RealFileSystem fs;
        std::fputs(base::FormatDiagnostics(laid->diags, fs).c_str(), stderr);
        std::fprintf(stderr, "record-layout: %s (%s) has errors; %s not written\n", recorded.content,
                     recorded.language, recorded.expected);
        status = 1;
        continue;
      }
      const std::string path = std::string(BAROMETER_SOURCE_DIR "/") + recorded.expected;
      std::ofstream(path, std::ios::binary) << layout::DumpDocument(laid->document);
      std::printf("record-layout: wrote %s\n", recorded.expected);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "record-layout: %s\n", e.what());
      status = 1;
    }
  }
  return status;
}
