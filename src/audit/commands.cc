#include "audit/commands.h"

#include <cstdio>
#include <exception>
#include <optional>

#include "audit/diff.h"
#include "audit/outputs.h"
#include "audit/report.h"
#include "audit/verify.h"
#include "base/diagnostic_printer.h"

namespace barometer::audit {
namespace {

int Usage(const std::string& message) {
  std::fprintf(stderr,
               "barometer: error: %s\nusage: barometer verify CONTENT_DIR --against SHA256SUMS [--templates DIR] "
               "[--fonts DIR]\n       barometer diff OLD NEW [--json] [--html FILE] [--templates DIR] [--fonts DIR]\n",
               message.c_str());
  return kUsage;
}

// --templates and --fonts, for content folders outside a repository; false when `args[*i]` is neither.
bool FolderOption(const std::vector<std::string>& args, size_t* i, std::string* templates, std::string* fonts,
                  std::string* error) {
  if (args[*i] != "--templates" && args[*i] != "--fonts") return false;
  if (*i + 1 >= args.size()) {
    *error = args[*i] + " needs a value";
  } else {
    (args[*i] == "--templates" ? *templates : *fonts) = args[*i + 1];
    ++*i;
  }
  return true;
}

// The command line's defaults for a content folder, with the folders given on the command line.
OptionsFor WithFolders(const OptionsFor& options_for, const std::string& templates, const std::string& fonts) {
  return [=](const std::string& content_dir) {
    build::BuildOptions options = options_for(content_dir);
    if (!templates.empty()) options.templates_dir = templates;
    if (!fonts.empty()) options.fonts_dir = fonts;
    return options;
  };
}

// A side that failed to build: its diagnostics, and the status of unreadable input.
int ContentErrors(const base::Diagnostics& diags, const base::FileSystem& fs, const std::string& dir) {
  std::fputs(base::FormatDiagnostics(diags, fs).c_str(), stderr);
  std::fprintf(stderr, "barometer: error: %s does not build; nothing to compare\n", dir.c_str());
  return kUnreadable;
}

}  // namespace

int RunVerify(base::FileSystem& fs, const std::vector<std::string>& args, const OptionsFor& options_for) {
  std::string content_dir, sums_path, templates, fonts, error;
  for (size_t i = 0; i < args.size(); ++i) {
    if (FolderOption(args, &i, &templates, &fonts, &error)) {
      if (!error.empty()) return Usage(error);
    } else if (args[i] == "--against") {
      if (i + 1 >= args.size()) return Usage("--against needs a value");
      sums_path = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      return Usage("unknown option '" + args[i] + "' for verify");
    } else if (content_dir.empty()) {
      content_dir = args[i];
    } else {
      return Usage("unexpected argument '" + args[i] + "'");
    }
  }
  if (content_dir.empty()) return Usage("verify needs a content folder");
  if (sums_path.empty()) return Usage("verify needs --against SHA256SUMS");
  try {
    std::string sums;
    if (!fs.ReadFile(sums_path, &sums)) throw std::runtime_error(sums_path + ": cannot be read");
    if (ParseChecksums(sums).empty()) throw std::runtime_error(sums_path + ": lists no files (not a SHA256SUMS)");
    if (!fs.Exists(base::JoinPath(content_dir, "edition.yaml"))) {
      throw std::runtime_error(content_dir + ": not a content folder (no edition.yaml)");
    }
    base::Diagnostics diags;
    OutputSet built;
    if (!BuildInMemory(fs, WithFolders(options_for, templates, fonts)(content_dir), diags, &built)) return ContentErrors(diags, fs, content_dir);
    const std::string record_path = base::JoinPath(base::DirName(sums_path), "build-info.json");
    std::optional<std::string> record;
    if (std::string text; fs.ReadFile(record_path, &text)) record = text;
    Verification verification = Verify(built, sums, record, record_path);
    std::fputs(FormatVerification(verification, sums_path).c_str(), stdout);
    return verification.Ok() ? kSame : kDiffers;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "barometer: error: %s\n", e.what());
    return kUnreadable;
  }
}

int RunDiff(base::FileSystem& fs, const std::vector<std::string>& args, const OptionsFor& options_for) {
  std::vector<std::string> sides;
  std::string html_path, templates, fonts, error;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (FolderOption(args, &i, &templates, &fonts, &error)) {
      if (!error.empty()) return Usage(error);
    } else if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--html") {
      if (i + 1 >= args.size()) return Usage("--html needs a file");
      html_path = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      return Usage("unknown option '" + args[i] + "' for diff");
    } else {
      sides.push_back(args[i]);
    }
  }
  if (sides.size() != 2) return Usage("diff needs two folders, OLD and NEW");
  try {
    OutputSet old_set, new_set;
    for (int side = 0; side < 2; ++side) {
      base::Diagnostics diags;
      if (!ReadSide(fs, sides[side], WithFolders(options_for, templates, fonts), diags, side == 0 ? &old_set : &new_set)) {
        return ContentErrors(diags, fs, sides[side]);
      }
    }
    DiffOptions options;
    options.thumbnails = !html_path.empty();
    DiffReport report = Compare(old_set, new_set, options);
    std::fputs((json ? FormatJson(report) : FormatText(report)).c_str(), stdout);
    if (!html_path.empty()) {
      fs.WriteFile(html_path + ".tmp", FormatHtml(report));
      fs.Rename(html_path + ".tmp", html_path);
    }
    return report.Total() ? kDiffers : kSame;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "barometer: error: %s\n", e.what());
    return kUnreadable;
  }
}

}  // namespace barometer::audit
