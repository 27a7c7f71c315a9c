// "Did you mean" suggestions for misspelt keys and ids.
#pragma once

#include <string>
#include <vector>

namespace barometer::base {

/// Edit distance between two byte strings, counting a swap of neighbours as one edit.
int EditDistance(const std::string& a, const std::string& b);

/// The candidate closest to `word`, when it is close enough to be a plausible typo (distance at most a third of
/// the word's length, at least 1, at most 3); otherwise "". Ties go to the earlier candidate.
std::string ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

/// The hint "did you mean 'x'?" for the ClosestMatch of `word`, or no hint when none is close enough.
std::vector<std::string> DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace barometer::base
