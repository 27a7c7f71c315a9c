// The auditors' commands of the command line: `verify` and `diff`, with their arguments and exit statuses.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "build/build.h"

namespace barometer::audit {

/// Exit statuses of both commands.
enum ExitStatus { kSame = 0, kDiffers = 1, kUsage = 2, kUnreadable = 3 };

/// How the command line builds a content folder: the templates and fonts folders found for it.
using OptionsFor = std::function<build::BuildOptions(const std::string& content_dir)>;

/// `verify CONTENT_DIR --against SHA256SUMS`: builds in memory and compares with the list (and with the build
/// record beside it). `args` are the words after "verify". Output on stdout, problems on stderr.
int RunVerify(base::FileSystem& fs, const std::vector<std::string>& args, const OptionsFor& options_for);

/// `diff OLD NEW [--json] [--html FILE]`: compares two output folders or two content folders.
int RunDiff(base::FileSystem& fs, const std::vector<std::string>& args, const OptionsFor& options_for);

}  // namespace barometer::audit
