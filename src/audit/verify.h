// Checks a published edition against its sources: the files of a build made in memory against a published
// checksum list, and the build record beside the list against this build's, to say why files differ.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/diff.h"
#include "audit/outputs.h"

namespace barometer::audit {

struct Verification {
  std::vector<std::string> matching, differing, missing, unlisted;  ///< paths
  std::vector<RecordChange> record;  ///< published record -> this build's (when a record lies beside the list)
  bool had_record = false;
  /// The build record (build-info.json) in the list differs from this build's. It says how the files were made,
  /// not what they are: alone (a build by another commit of the compiler, say) it does not fail verification.
  bool record_differs = false;

  bool Ok() const { return differing.empty() && missing.empty(); }
};

/// `built`: the in-memory build; `sums`: the published SHA256SUMS; `published_record`: the build-info.json
/// beside it, if any. A file the list names that the build did not make is missing; one the build made that the
/// list does not name is unlisted (reported, not a failure: the list may be of a build of fewer languages).
Verification Verify(const OutputSet& built, const std::string& sums,
                    const std::optional<std::string>& published_record, const std::string& record_name);

/// One line per file that differs or is missing, the record's differences, and a closing verdict.
std::string FormatVerification(const Verification& verification, const std::string& sums_name);

}  // namespace barometer::audit
