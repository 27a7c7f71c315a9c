// barometer's command line. Every command and option is declared once, in Barometer() below, and parsing,
// --help, "did you mean", the man page and bash completion all come from that table.
//
// To add a command: add a CommandSpec to `commands` (its name, operand, one-line summary, the options it
// accepts, and its function) and write the function, `int RunName(const Invocation&)`. It returns an exit status
// and may throw UsageError for a mistake on the command line. ContentCommand() turns the usual operand and
// options into driver::BuildOptions with every usage check done. To add an option: add an OptionSpec to `options`,
// name it in the commands that accept it, and read it with `invocation.Value("--name")` or `Has("--name")`.
#include "cli/commands.h"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>

#include "audit/accessibility.h"
#include "audit/commands.h"
#include "base/diagnostic_printer.h"
#include "driver/build.h"
#include "driver/translation.h"
#include "cli/content_folder.h"
#include "cli/watch.h"

namespace barometer::cli {
namespace {

class StderrProgress : public base::Progress {
 public:
  void StageDone(const std::string& stage, double seconds, const std::string& detail) override {
    char line[512];
    std::snprintf(line, sizeof line, "barometer: %-8s %7.1f ms  %s\n", stage.c_str(), seconds * 1000, detail.c_str());
    std::fputs(line, stderr);
  }
};

// The folder holding `templates/` and `fonts/`: the content folder's nearest ancestor that has both.
std::string RepositoryOf(const std::string& content_dir) {
  std::filesystem::path dir = std::filesystem::absolute(content_dir);
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (std::filesystem::is_directory(dir / "templates") && std::filesystem::is_directory(dir / "fonts")) {
      return dir.string();
    }
    if (dir == dir.parent_path()) break;
  }
  return "";
}

// Where `make install` put the templates and fonts: BAROMETER_DATA_FROM_BIN (e.g. "../share/barometer") from
// the folder of the running executable, so an installed tree can be moved (or staged with DESTDIR) whole.
std::string InstalledDataDir() {
  const std::string exe_dir = base::ExecutableDir();
  if (exe_dir.empty()) return "";
  std::filesystem::path dir = (std::filesystem::path(exe_dir) / BAROMETER_DATA_FROM_BIN).lexically_normal();
  std::error_code ec;
  return std::filesystem::is_directory(dir / "templates", ec) ? dir.string() : "";
}

// Paths in messages stay as the user typed them; defaults found by search are made relative again.
std::string Relative(const std::string& path) {
  std::error_code ec;
  std::string rel = std::filesystem::relative(path, std::filesystem::current_path(), ec).string();
  return ec || rel.empty() ? path : rel;
}

DiagnosticsOutput OutputOf(const Invocation& inv) {
  return {inv.Value("--diagnostics", "text") == "json", UseColour(inv.Value("--color", "auto"))};
}

// The templates and fonts: --templates and --fonts, else those beside the content folder, else the installed ones.
void SetDataFolders(const Invocation& inv, driver::BuildOptions* options) {
  std::string data = RepositoryOf(options->content_dir);
  if (data.empty()) data = InstalledDataDir();
  if (data.empty()) data = ".";
  options->templates_dir = inv.Value("--templates", Relative(data + "/templates"));
  options->fonts_dir = inv.Value("--fonts", Relative(data + "/fonts"));
}

// The value of --jobs: a whole number from 1 to 256.
int JobCount(const std::string& value) {
  int jobs = 0;
  size_t used = 0;
  try {
    jobs = std::stoi(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != value.size() || value.empty() || !std::isdigit(static_cast<unsigned char>(value[0])) || jobs < 1 ||
      jobs > 256) {
    throw UsageError("'--jobs' takes a whole number of threads from 1 to 256, not '" + value + "'");
  }
  return jobs;
}

// The operand and options that every command on an edition shares, checked: the edition folder, the languages,
// the output folder, the templates and fonts.
driver::BuildOptions ContentCommand(const Invocation& inv, const base::FileSystem& fs) {
  driver::BuildOptions options;
  options.content_dir = inv.operand;
  RequireEditionFolder(options.content_dir);
  if (inv.Has("--lang")) {
    options.languages = ResolveLanguages(inv.Value("--lang"), EditionLanguages(fs, options.content_dir),
                                         base::JoinPath(options.content_dir, "edition.yaml"));
  }
  options.out_dir = inv.Value("--out");
  options.write = !options.out_dir.empty();
  if (options.write) RequireOutputOutside(options.out_dir, options.content_dir);
  if (inv.Has("--serial") && inv.Has("--jobs")) throw UsageError("'--serial' and '--jobs' say the same thing; give one");
  if (inv.Has("--serial")) options.jobs = 1;
  if (inv.Has("--jobs")) options.jobs = JobCount(inv.Value("--jobs"));
  options.strict = inv.Has("--strict");
  options.draft = inv.Has("--draft");
  SetDataFolders(inv, &options);
  return options;
}

bool Quiet(const Invocation& inv) { return inv.Has("--quiet") || inv.Value("--diagnostics") == "json"; }

int RunPipeline(const Invocation& inv) {
  base::RealFileSystem fs;
  driver::BuildOptions options = ContentCommand(inv, fs);
  DiagnosticsOutput output = OutputOf(inv);
  base::Diagnostics diags;
  StderrProgress loud;
  base::SilentProgress silent;
  try {
    auto outcome = driver::Build(fs, options, Quiet(inv) ? static_cast<base::Progress&>(silent) : loud, diags);
    output.Print(diags, fs);
    return outcome == driver::Outcome::kBuilt ? kExitBuilt : kExitContent;
  } catch (const std::exception& e) {
    output.Print(diags, fs);
    throw;
  }
}

int RunMarkTranslated(const Invocation& inv) {
  base::RealFileSystem fs;
  driver::BuildOptions options = ContentCommand(inv, fs);
  base::Diagnostics diags;
  std::vector<std::string> written;
  auto outcome = driver::MarkTranslated(fs, options, diags, &written);
  OutputOf(inv).Print(diags, fs);
  for (const std::string& path : written) {
    if (!Quiet(inv)) std::fprintf(stderr, "barometer: wrote %s\n", path.c_str());
  }
  return outcome == driver::Outcome::kBuilt ? kExitBuilt : kExitContent;
}

int RunTranslationStatus(const Invocation& inv) {
  base::RealFileSystem fs;
  driver::BuildOptions options = ContentCommand(inv, fs);
  base::Diagnostics diags;
  driver::StatusFormat format = inv.Has("--json")       ? driver::StatusFormat::kJson
                               : inv.Has("--markdown") ? driver::StatusFormat::kMarkdown
                                                       : driver::StatusFormat::kText;
  std::string report;
  if (driver::TranslationStatusReport(fs, options, format, &report, diags) != driver::Outcome::kBuilt) {
    OutputOf(inv).Print(diags, fs);
    return kExitContent;
  }
  std::fputs(report.c_str(), stdout);
  return kExitBuilt;  // the report is the answer, whatever state the translations are in
}

int RunNewLanguage(const Invocation& inv) {
  base::RealFileSystem fs;
  driver::BuildOptions options = ContentCommand(inv, fs);
  base::Diagnostics diags;
  std::vector<std::string> written;
  auto outcome = driver::NewLanguage(fs, options, inv.operands[1], inv.Value("--from"), diags, &written);
  OutputOf(inv).Print(diags, fs);
  for (const std::string& path : written) {
    if (!Quiet(inv)) std::fprintf(stderr, "barometer: wrote %s\n", path.c_str());
  }
  return outcome == driver::Outcome::kBuilt ? kExitBuilt : kExitContent;
}

int RunWatch(const Invocation& inv) {
  base::RealFileSystem fs;
  driver::BuildOptions options = ContentCommand(inv, fs);
  DiagnosticsOutput output = OutputOf(inv);
  WatchSettings settings;
  settings.quiet = inv.Has("--quiet");
  settings.json = inv.Value("--diagnostics") == "json";
  settings.report = [&](const base::Diagnostics& diags) { output.Print(diags, fs); };
  return Watch(fs, options, settings);
}

// How verify and diff build a content folder in memory.
audit::OptionsFor AuditBuildOptions(const Invocation& inv) {
  return [&inv](const std::string& content_dir) {
    driver::BuildOptions options;
    options.content_dir = content_dir;
    SetDataFolders(inv, &options);
    return options;
  };
}

int RunVerify(const Invocation& inv) {
  RequireEditionFolder(inv.operand);
  base::RealFileSystem fs;
  return audit::RunVerify(fs, inv.operand, inv.Value("--against"), AuditBuildOptions(inv));
}

int RunDiff(const Invocation& inv) {
  base::RealFileSystem fs;
  audit::DiffRequest request{inv.operands.at(0), inv.operands.at(1), inv.Has("--json"), inv.Value("--html")};
  return audit::RunDiff(fs, request, AuditBuildOptions(inv));
}

int RunCheckPdf(const Invocation& inv) { return audit::RunCheckPdf({inv.operand}); }

int RunLanguages(const Invocation& inv) {
  RequireEditionFolder(inv.operand);
  base::RealFileSystem fs;
  for (const std::string& code : EditionLanguages(fs, inv.operand)) std::printf("%s\n", code.c_str());
  return kExitBuilt;
}

int RunCompletion(const Invocation&) {
  std::fputs(BashCompletion(Barometer()).c_str(), stdout);
  return kExitBuilt;
}

int RunManPage(const Invocation&) {
  std::fputs(ManPage(Barometer()).c_str(), stdout);
  return kExitBuilt;
}

void PrintUsageError(const UsageError& error, bool colour) {
  auto paint = [&](const char* escape, const std::string& text) {
    return colour ? std::string("\033[") + escape + "m" + text + "\033[0m" : text;
  };
  std::string out = "barometer: " + paint("1;31", "error:") + " " + error.what() + "\n";
  for (const std::string& hint : error.hints) out += paint("1;36", "hint:") + " " + hint + "\n";
  std::fputs(out.c_str(), stderr);
}

}  // namespace

const ProgramSpec& Barometer() {
  static const ProgramSpec program = [] {
    const std::vector<std::string> content = {"--lang", "--templates", "--fonts", "--quiet", "--diagnostics",
                                              "--color"};
    auto with = [](std::vector<std::string> base, std::vector<std::string> more) {
      base.insert(base.begin(), more.begin(), more.end());
      return base;
    };
    ProgramSpec p;
    p.name = "barometer";
    p.version = BAROMETER_VERSION;
    p.summary = "compile an edition of a statistical publication into PDF, figures and an Excel appendix";
    p.description =
        "Compiles an edition (edition.yaml, section files, figures and tables) into one PDF per language, figure\n"
        "exports and an Excel appendix per language. Problems in the content are reported all at once, in compiler\n"
        "form (path:line:col: error: message); nothing is written unless the whole build succeeds.";
    p.exit_status =
        "exit status: 0 built, 1 content errors, 2 usage errors, 3 I/O or internal errors; verify and diff: 0 the "
        "same, 1 something differs, 2 usage errors, 3 unreadable input; check-pdf: 0 passes, 1 fails, 3 unreadable";
    p.commands = {
        {.name = "build", .operand = "CONTENT_DIR",
         .summary = "build the edition into OUT_DIR (written only when there are no errors)",
         .options = with(content, {"--out", "--jobs", "--serial", "--strict", "--draft"}), .required = {"--out"},
         .run = RunPipeline},
        {.name = "check", .operand = "CONTENT_DIR",
         .summary = "load, check and lay out the edition without writing anything",
         .options = with(content, {"--jobs", "--serial", "--strict"}), .run = RunPipeline},
        {.name = "watch", .operand = "CONTENT_DIR",
         .summary = "build, then rebuild on every saved change to the content, template or fonts",
         .options = with(content, {"--out", "--jobs", "--serial"}), .required = {"--out"}, .run = RunWatch},
        {.name = "mark-translated", .operand = "CONTENT_DIR",
         .summary = "record that translations are up to date with the source language (<lang>/translation.lock)",
         .options = content, .run = RunMarkTranslated},
        {.name = "translation-status", .operand = "CONTENT_DIR",
         .summary = "per language and file: units translated, stale, missing and untranslated",
         .options = with(content, {"--markdown", "--json"}), .run = RunTranslationStatus},
        {.name = "new-language", .operand = "CONTENT_DIR CODE",
         .summary = "scaffold language CODE from another: its folder to translate, an edition.yaml entry, a profile "
                    "stub",
         .options = with(content, {"--from"}), .required = {"--from"}, .run = RunNewLanguage,
         .operand_count = 2},
        {.name = "verify", .operand = "CONTENT_DIR",
         .summary = "build in memory and compare with a published SHA256SUMS (and the build-info.json beside it)",
         .options = {"--against", "--templates", "--fonts"}, .required = {"--against"}, .run = RunVerify},
        {.name = "diff", .operand = "OLD NEW",
         .summary = "what changed between two output folders, or two content folders built in memory",
         .options = {"--json", "--html", "--templates", "--fonts"}, .run = RunDiff, .operand_count = 2},
        {.name = "check-pdf", .operand = "PDF",
         .summary = "check a PDF against the machine-checkable PDF/UA-1 conditions (Matterhorn Protocol)",
         .run = RunCheckPdf, .operand_kind = ValueKind::kNone},
        {.name = "languages", .operand = "CONTENT_DIR", .summary = "print the edition's language codes, one a line",
         .run = RunLanguages},
        {.name = "completion", .operand = "SHELL", .summary = "print the shell completion script (bash)",
         .run = RunCompletion, .operand_kind = ValueKind::kChoice, .operand_choices = {"bash"}},
        {.name = "man-page", .summary = "print the man page (roff)", .run = RunManPage, .hidden = true},
    };
    p.options = {
        {.name = "--out", .value = "OUT_DIR", .help = "output folder, outside the content folder",
         .kind = ValueKind::kDirectory},
        {.name = "--lang", .value = "LIST", .help = "comma-separated languages (default: all in edition.yaml; any case)",
         .kind = ValueKind::kLanguages},
        {.name = "--templates", .value = "DIR",
         .help = "template folder (default: templates/ beside the content, else the installed one)",
         .kind = ValueKind::kDirectory},
        {.name = "--fonts", .value = "DIR",
         .help = "pinned font folder (default: fonts/ beside the content, else the installed one)",
         .kind = ValueKind::kDirectory},
        {.name = "--against", .value = "SHA256SUMS", .help = "the published checksum list to verify against"},
        {.name = "--json", .help = "print the report (diff, translation-status) as JSON, for other tools"},
        {.name = "--html", .value = "FILE",
         .help = "also write the diff as one self-contained HTML page (images embedded, no scripts)"},
        {.name = "--jobs", .short_name = "-j", .value = "N",
         .help = "threads at most for the languages, PDFs, figure exports and workbooks (default: one per core)"},
        {.name = "--serial", .help = "everything on one thread, as --jobs 1"},
        {.name = "--strict", .help = "treat warnings as errors (e.g. a number typed by hand that a table holds)"},
        {.name = "--draft", .help = "build despite untranslated text, marking each such paragraph in the margin"},
        {.name = "--markdown", .help = "translation-status as Markdown tables"},
        {.name = "--from", .value = "LANG", .help = "new-language: the language whose folder is copied",
         .kind = ValueKind::kLanguages},
        {.name = "--quiet", .short_name = "-q", .help = "print only diagnostics"},
        {.name = "--diagnostics", .value = "FORMAT",
         .help = "text (compiler form), or json: one JSON object per diagnostic and line",
         .kind = ValueKind::kChoice, .choices = {"text", "json"}},
        {.name = "--color", .value = "WHEN",
         .help = "colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never",
         .kind = ValueKind::kChoice, .choices = {"auto", "always", "never"}},
        {.name = "--help", .short_name = "-h", .help = "print help (after a command: that command's options)"},
        {.name = "--version", .help = "print the version"},
    };
    p.man_sections = {
        {"Examples",
         {"Build an edition, then only one language's PDF, then watch it while editing:",
          "  barometer build content/EDITION --out output/EDITION",
          "  barometer build content/EDITION --out output/EDITION --lang LANG",
          "  barometer watch content/EDITION --out output/EDITION",
          "Check a translation, with diagnostics as JSON lines for an editor:",
          "  barometer check content/EDITION --lang LANG --diagnostics json",
          "Check a published edition against its sources, and see what an edit changes:",
          "  barometer verify content/EDITION --against output/EDITION/SHA256SUMS",
          "  barometer diff output/EDITION output/EDITION-new --html report.html"}},
        {"Environment",
         {"NO_COLOR: when set and not empty, diagnostics are not coloured (unless --color always).",
          "TMPDIR: where scratch files of the Excel writer go (else /dev/shm, else /tmp)."}},
        {"Files",
         {"CONTENT_DIR/edition.yaml: the edition; one folder per language beside it, and tables/.",
          "templates/ and fonts/ beside the content folder, or else those installed with barometer (share/barometer "
          "beside its bin/)."}},
    };
    return p;
  }();
  return program;
}

bool UseColour(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && !(no_colour && *no_colour) && !(term && std::strcmp(term, "dumb") == 0);
}

void DiagnosticsOutput::Print(const base::Diagnostics& diagnostics, const base::FileSystem& fs) const {
  std::string text = json ? base::FormatDiagnosticsJson(diagnostics, fs) : base::FormatDiagnostics(diagnostics, fs, colour);
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

int Main(const std::vector<std::string>& args) {
  const ProgramSpec& program = Barometer();
  Invocation invocation;
  bool colour = UseColour("auto");
  try {
    switch (Parse(program, args, &invocation)) {
      case Request::kHelp:
        std::fputs(HelpText(program, invocation.command).c_str(), stdout);
        return kExitBuilt;
      case Request::kVersion:
        std::printf("%s %s\n", program.name.c_str(), program.version.c_str());
        return kExitBuilt;
      case Request::kRun:
        break;
    }
    colour = UseColour(invocation.Value("--color", "auto"));
    return invocation.command->run(invocation);
  } catch (const UsageError& error) {
    PrintUsageError(error, colour);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "barometer: error: %s\n", e.what());
    return kExitInternal;
  }
}

}  // namespace barometer::cli
