// barometer: the command line. Parses arguments, owns progress output and turns outcomes into exit codes:
// 0 built, 1 content errors, 2 usage errors, 3 I/O or internal errors.
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic_printer.h"
#include "build/build.h"

namespace {

using barometer::build::BuildOptions;

constexpr int kExitBuilt = 0, kExitContent = 1, kExitUsage = 2, kExitInternal = 3;

const char kUsage[] =
    "usage: barometer build CONTENT_DIR --out OUT_DIR [--lang da,en] [options]\n"
    "       barometer check CONTENT_DIR [--lang da,en] [options]\n"
    "       barometer mark-translated CONTENT_DIR [--lang en]\n"
    "       barometer --help | --version\n"
    "\n"
    "Compiles an edition (edition.yaml, section files, figures and tables) into one PDF per language, figure\n"
    "exports and an Excel appendix per language.\n"
    "\n"
    "commands:\n"
    "  build          build the edition into OUT_DIR (written only when there are no errors)\n"
    "  check          load, check and lay out the edition without writing anything\n"
    "  mark-translated  record that a translation is up to date with the source language (writes\n"
    "                 <lang>/translation.lock); 'check' then warns about source text changed since\n"
    "\n"
    "options:\n"
    "  --out DIR        output folder (build only)\n"
    "  --lang LIST      comma-separated languages to build (default: all in edition.yaml)\n"
    "  --templates DIR  template folder (default: templates/ of the repository holding CONTENT_DIR)\n"
    "  --fonts DIR      pinned font folder (default: fonts/ of that repository)\n"
    "  --serial         build the languages one after the other instead of in parallel\n"
    "  -q, --quiet      print only diagnostics\n"
    "\n"
    "exit status: 0 built, 1 content errors, 2 usage errors, 3 I/O or internal errors\n";

class StderrProgress : public barometer::base::Progress {
 public:
  void StageDone(const std::string& stage, double seconds, const std::string& detail) override {
    char line[512];
    std::snprintf(line, sizeof line, "barometer: %-8s %7.1f ms  %s\n", stage.c_str(), seconds * 1000, detail.c_str());
    std::fputs(line, stderr);
  }
};

int Usage(const std::string& message) {
  std::fprintf(stderr, "barometer: error: %s\n\n%s", message.c_str(), kUsage);
  return kExitUsage;
}

// The folder holding `templates/` and `fonts/`: the content folder's nearest ancestor that has both.
std::string RepositoryOf(const std::string& content_dir) {
  std::filesystem::path dir = std::filesystem::absolute(content_dir);
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::is_directory(dir / "templates") && std::filesystem::is_directory(dir / "fonts")) {
      return dir.string();
    }
    if (dir == dir.parent_path()) break;
  }
  return ".";
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return Usage("no command given");
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return kExitBuilt;
    }
    if (arg == "--version") {
      std::printf("barometer %s\n", BAROMETER_VERSION);
      return kExitBuilt;
    }
  }
  const std::string command = args[0];
  if (command != "build" && command != "check" && command != "mark-translated") {
    return Usage("unknown command '" + command + "'");
  }

  BuildOptions options;
  options.write = command == "build";
  bool quiet = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)name;
      return &args[++i];
    };
    if (arg == "--out" || arg == "--lang" || arg == "--templates" || arg == "--fonts") {
      const std::string* v = value(arg.c_str());
      if (!v) return Usage(arg + " needs a value");
      if (arg == "--out") options.out_dir = *v;
      if (arg == "--lang") options.languages = SplitList(*v);
      if (arg == "--templates") options.templates_dir = *v;
      if (arg == "--fonts") options.fonts_dir = *v;
    } else if (arg == "-q" || arg == "--quiet") {
      quiet = true;
    } else if (arg == "--serial") {
      options.parallel = false;
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option '" + arg + "'");
    } else if (options.content_dir.empty()) {
      options.content_dir = arg;
    } else {
      return Usage("unexpected argument '" + arg + "'");
    }
  }
  if (options.content_dir.empty()) return Usage("no content folder given");
  if (options.write && options.out_dir.empty()) return Usage("build needs --out DIR");
  if (!options.write && !options.out_dir.empty()) return Usage("--out is for build");
  if (!std::filesystem::is_directory(options.content_dir)) {
    return Usage("content folder '" + options.content_dir + "' does not exist");
  }
  const std::string repository = RepositoryOf(options.content_dir);
  if (options.templates_dir.empty()) options.templates_dir = repository + "/templates";
  if (options.fonts_dir.empty()) options.fonts_dir = repository + "/fonts";
  // Paths in messages stay as the user typed them; only the defaults are made relative again.
  auto relative = [](const std::string& path) {
    std::error_code ec;
    std::string rel = std::filesystem::relative(path, std::filesystem::current_path(), ec).string();
    return ec || rel.empty() ? path : rel;
  };
  options.templates_dir = relative(options.templates_dir);
  options.fonts_dir = relative(options.fonts_dir);

  barometer::base::RealFileSystem fs;
  barometer::base::Diagnostics diags;
  StderrProgress loud;
  barometer::base::SilentProgress silent;
  try {
    if (command == "mark-translated") {
      std::vector<std::string> written;
      auto outcome = barometer::build::MarkTranslated(fs, options, diags, &written);
      std::fputs(barometer::base::FormatDiagnostics(diags, fs).c_str(), stderr);
      for (const std::string& path : written) {
        if (!quiet) std::fprintf(stderr, "barometer: wrote %s\n", path.c_str());
      }
      return outcome == barometer::build::Outcome::kBuilt ? kExitBuilt : kExitContent;
    }
    auto outcome = barometer::build::Build(fs, options, quiet ? static_cast<barometer::base::Progress&>(silent)
                                                              : static_cast<barometer::base::Progress&>(loud),
                                           diags);
    std::fputs(barometer::base::FormatDiagnostics(diags, fs).c_str(), stderr);
    return outcome == barometer::build::Outcome::kBuilt ? kExitBuilt : kExitContent;
  } catch (const std::exception& e) {
    std::fputs(barometer::base::FormatDiagnostics(diags, fs).c_str(), stderr);
    std::fprintf(stderr, "barometer: error: %s\n", e.what());
    return kExitInternal;
  }
}
