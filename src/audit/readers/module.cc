// The entry point of barometer-readers.so (see audit/reader_module.h), the one function it exports on purpose: the
// rest is compiled with hidden visibility and loaded RTLD_LOCAL, so nothing in it stands in for the binary's own.
#include "audit/reader_module.h"

extern "C" __attribute__((visibility("default"))) const barometer::audit::ReaderModule* barometer_reader_module() {
  using namespace barometer::audit;
  static const ReaderModule module{BAROMETER_VERSION, sizeof(ReaderModule), &CheckAccessibility,
                                   &ReadPdfPages,     &PageDigests,         &ReadWorkbookCells};
  return &module;
}
