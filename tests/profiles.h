// The repository's language profiles (templates/languages/<code>.yaml), loaded once per test run.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/file_system.h"
#include "model/load.h"

namespace barometer::testing {

/// The profile of `code`; the test fails when it does not load cleanly.
inline const model::LanguageProfile& Profile(const std::string& code) {
  static std::map<std::string, model::LanguageProfile> profiles;
  auto it = profiles.find(code);
  if (it == profiles.end()) {
    base::RealFileSystem fs;
    base::Diagnostics diags;
    auto profile = model::LoadLanguageProfile(fs, BAROMETER_SOURCE_DIR "/templates", code, diags);
    REQUIRE(profile);
    REQUIRE_FALSE(diags.HasErrors());
    it = profiles.emplace(code, std::move(*profile)).first;
  }
  return it->second;
}

}  // namespace barometer::testing
