#include "audit/verify.h"

#include "base/hash.h"

namespace barometer::audit {

Verification Verify(const OutputSet& built, const std::string& sums,
                    const std::optional<std::string>& published_record, const std::string& record_name) {
  Verification result;
  const std::map<std::string, std::string> listed = ParseChecksums(sums);
  for (const auto& [path, hash] : listed) {
    auto file = built.files.find(path);
    if (file == built.files.end()) {
      result.missing.push_back(path);
    } else if (base::Sha256Hex(file->second) != hash) {
      if (path == "build-info.json") {
        result.record_differs = true;
      } else {
        result.differing.push_back(path);
      }
    } else {
      result.matching.push_back(path);
    }
  }
  for (const auto& [path, bytes] : built.files) {
    if (!listed.count(path)) result.unlisted.push_back(path);
  }
  auto record = built.files.find("build-info.json");
  if (published_record && record != built.files.end()) {
    result.had_record = true;
    result.record = CompareBuildRecords(*published_record, record_name, record->second,
                                        built.name + " (this build)/build-info.json");
  }
  return result;
}

std::string FormatVerification(const Verification& verification, const std::string& sums_name) {
  std::string out;
  for (const std::string& path : verification.differing) out += "differs: " + path + "\n";
  for (const std::string& path : verification.missing) out += "missing: " + path + " (this build does not make it)\n";
  for (const std::string& path : verification.unlisted) out += "not listed: " + path + "\n";
  if (verification.record_differs && verification.Ok()) out += "note: build-info.json differs:\n";
  if ((!verification.Ok() || verification.record_differs) && verification.had_record) {
    if (verification.record.empty()) {
      out += "  the build record lists the same inputs and library versions\n";
    }
    for (const RecordChange& change : verification.record) {
      out += "  " + change.what + ": published " + (change.old_value ? *change.old_value : "(none)") +
             ", this build " + (change.new_value ? *change.new_value : "(none)") + "\n";
    }
  }
  const size_t listed = verification.matching.size() + verification.differing.size() + verification.missing.size();
  if (verification.Ok() && verification.record_differs) {
    out += "verified: the " + std::to_string(listed) + " files listed in " + sums_name +
           " match, the build record aside\n";
  } else if (verification.Ok()) {
    out += "verified: all " + std::to_string(listed) + " files listed in " + sums_name + " match\n";
  } else {
    out += "NOT verified: " + std::to_string(verification.differing.size() + verification.missing.size()) + " of " +
           std::to_string(listed) + " files listed in " + sums_name + " differ or are missing\n";
  }
  return out;
}

}  // namespace barometer::audit
