// The auditors' commands, `verify` and `diff`, behind the command line: what they read, print and return.
#pragma once

#include <functional>
#include <string>

#include "base/file_system.h"
#include "driver/build.h"

namespace barometer::audit {

/// Exit statuses of both commands (2, usage errors, is the command line's).
enum ExitStatus { kSame = 0, kDiffers = 1, kUnreadable = 3 };

/// How the command line builds a content folder: the templates and fonts folders found for it.
using OptionsFor = std::function<driver::BuildOptions(const std::string& content_dir)>;

/// `verify CONTENT_DIR --against SHA256SUMS`: builds in memory and compares with the list (and with the build
/// record beside it). The verdict on stdout, problems on stderr.
int RunVerify(base::FileSystem& fs, const std::string& content_dir, const std::string& sums_path,
              const OptionsFor& options_for);

struct DiffRequest {
  std::string old_dir, new_dir;
  bool json = false;      ///< the report as JSON on stdout instead of text
  std::string html_path;  ///< also write the HTML report here, when set
};

/// `diff OLD NEW`: compares two output folders or two content folders.
int RunDiff(base::FileSystem& fs, const DiffRequest& request, const OptionsFor& options_for);

}  // namespace barometer::audit
