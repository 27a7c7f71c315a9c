// Excel's rules for worksheet names, so a name taken from a label can never make Excel refuse the workbook.
//
// Excel accepts a name of 1 to 31 characters (UTF-16 code units) that contains none of []:*?/\, does not start
// or end with an apostrophe and is not "History"; names are compared without regard to case.
#pragma once

#include <set>
#include <string>

namespace barometer::appendix {

/// Keeps the names handed out so far and makes each new one valid and unique.
class SheetNames {
 public:
  /// `wanted` made valid: forbidden characters become spaces, runs of spaces one space, apostrophes and spaces
  /// trimmed at both ends, cut to 31 UTF-16 units at a character boundary; empty becomes `fallback`. When the
  /// name is taken (case-insensitively for ASCII letters), " (2)", " (3)", ... is appended, shortening the
  /// name so the total stays within 31. The result is recorded as taken.
  std::string Make(const std::string& wanted, const std::string& fallback = "Sheet");

  /// True when `name` obeys Excel's rules (uniqueness not included).
  static bool IsValid(const std::string& name);

  /// `name` as it must appear in a formula or internal link: 'Figure 4' with apostrophes doubled. Always quoted,
  /// which Excel accepts for every name.
  static std::string Quoted(const std::string& name);

 private:
  std::set<std::string> taken_;  ///< folded to lower case
};

}  // namespace barometer::appendix
