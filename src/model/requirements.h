// What a template, a language profile and an edition must provide, declared once. The template and profile
// loaders and `check` report what is missing, so `check` and `build` agree, and the stages that use an item
// (layout, figures, the figure exports, the appendix) may rely on it. tests/model/requirements_test.cc holds
// every fixed name used in src/ to this declaration.
//
// To require a new item, add it here; a label that only an optional field needs gets a `needed_when`.
#pragma once

#include <string>
#include <vector>

namespace barometer::model {

struct Edition;
struct LanguageEdition;

/// A fixed word an edition must have, from its labels.yaml or its language profile's defaults.
struct LabelRequirement {
  std::string key;
  std::string needed_by;  ///< the stage that prints it: "the layout", "the figure exports", "the Excel appendix"
  /// Needed only when the edition prints it (a case's parts, a tips giver, an ISBN, a figure's own source line):
  /// a label for a field the edition does not use is not required. See NeededLabels.
  bool optional = false;
};

/// The palette names the layout and the figures use; a template must define all of them.
const std::vector<std::string>& RequiredColours();
/// The paragraph style names the layout and the figures use.
const std::vector<std::string>& RequiredStyles();
/// The master page names the layout uses.
const std::vector<std::string>& RequiredMasters();
/// The phrase keys every language profile must define (README "Language profiles"): generated alt texts.
const std::vector<std::string>& RequiredPhrases();
/// The labels of the layout, the figure exports and the appendix.
const std::vector<LabelRequirement>& RequiredLabels();

/// The keys of RequiredLabels() that `language` of `edition` needs, in declaration order.
std::vector<std::string> NeededLabels(const Edition& edition, const LanguageEdition& language);

}  // namespace barometer::model
