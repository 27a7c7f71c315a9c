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

// A side that failed to build: its diagnostics, and the status of unreadable input.
int ContentErrors(const base::Diagnostics& diags, const base::FileSystem& fs, const std::string& dir) {
  std::fputs(base::FormatDiagnostics(diags, fs).c_str(), stderr);
  std::fprintf(stderr, "barometer: error: %s does not build; nothing to compare\n", dir.c_str());
  return kUnreadable;
}

}  // namespace

int RunVerify(base::FileSystem& fs, const std::string& content_dir, const std::string& sums_path,
              const OptionsFor& options_for) {
  try {
    std::string sums;
    if (!fs.ReadFile(sums_path, &sums)) throw std::runtime_error(sums_path + ": cannot be read");
    if (ParseChecksums(sums).empty()) throw std::runtime_error(sums_path + ": lists no files (not a SHA256SUMS)");
    base::Diagnostics diags;
    OutputSet built;
    if (!BuildInMemory(fs, options_for(content_dir), diags, &built)) return ContentErrors(diags, fs, content_dir);
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

int RunDiff(base::FileSystem& fs, const DiffRequest& request, const OptionsFor& options_for) {
  try {
    OutputSet old_set, new_set;
    for (const auto& [dir, set] : {std::pair{&request.old_dir, &old_set}, std::pair{&request.new_dir, &new_set}}) {
      base::Diagnostics diags;
      if (!ReadSide(fs, *dir, options_for, diags, set)) return ContentErrors(diags, fs, *dir);
    }
    DiffOptions options;
    options.thumbnails = !request.html_path.empty();
    DiffReport report = Compare(old_set, new_set, options);
    std::fputs((request.json ? FormatJson(report) : FormatText(report)).c_str(), stdout);
    if (!request.html_path.empty()) {
      fs.WriteFile(request.html_path + ".tmp", FormatHtml(report));
      fs.Rename(request.html_path + ".tmp", request.html_path);
    }
    return report.Total() ? kDiffers : kSame;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "barometer: error: %s\n", e.what());
    return kUnreadable;
  }
}

}  // namespace barometer::audit
