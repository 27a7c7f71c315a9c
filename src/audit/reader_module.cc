#include "audit/reader_module.h"

#include <dlfcn.h>

#include <filesystem>
#include <stdexcept>

#include "base/file_system.h"

namespace barometer::audit {
namespace {

const ReaderModule* Load(std::string* error) {
  const std::filesystem::path dir = base::ExecutableDir();
  if (dir.empty()) {
    *error = "the folder of the running binary is unknown (no /proc/self/exe)";
    return nullptr;
  }
  // Beside the binary in a build folder; BAROMETER_MODULE_FROM_BIN (e.g. "../lib/barometer") once installed.
  const std::filesystem::path candidates[] = {dir / kReaderModuleFile,
                                              (dir / BAROMETER_MODULE_FROM_BIN / kReaderModuleFile).lexically_normal()};
  std::error_code ec;
  for (const std::filesystem::path& path : candidates) {
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      *error = dlerror();
      return nullptr;
    }
    using Entry = const ReaderModule* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(library, kReaderModuleEntry));
    const ReaderModule* module = entry ? entry() : nullptr;
    if (!module || module->size != sizeof(ReaderModule) || std::string(module->version) != BAROMETER_VERSION) {
      *error = path.string() + " is not the module of this barometer " BAROMETER_VERSION;
      dlclose(library);
      return nullptr;
    }
    return module;  // it stays loaded for the process's life
  }
  *error = std::string(kReaderModuleFile) + " is neither beside " + dir.string() + "/barometer nor in " +
           (dir / BAROMETER_MODULE_FROM_BIN).lexically_normal().string();
  return nullptr;
}

}  // namespace

const ReaderModule& Readers() {
  static std::string error;
  static const ReaderModule* const module = Load(&error);
  if (!module) {
    throw std::runtime_error(
        "cannot load the readers of PDFs and workbooks, which `make compile` builds and `make "
        "install` installs with the binary: " +
        error);
  }
  return *module;
}

}  // namespace barometer::audit
