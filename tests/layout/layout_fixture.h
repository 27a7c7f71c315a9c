// Shared by the layout tests and tests/layout/record_layout.cc: an edition loaded and one language laid out, with
// its charts, as the build does. Uses no test framework, so the recorder can use it too.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "base/file_system.h"
#include "base/number_style.h"
#include "figures/chart.h"
#include "layout/layout.h"
#include "model/load.h"
#include "text/fonts.h"
#include "text/hyphenator.h"

namespace barometer::testing {

struct Laid {
  model::Edition edition;
  layout::Document document;
  base::Diagnostics diags;
};

/// Loads the edition in `content` and lays out one language. Throws when the edition does not load or has no
/// such language. The fonts, hyphenator and shaper of a language are made once per process.
/// `adjust` may change the loaded edition before layout (a template value, say).
inline std::unique_ptr<Laid> LayOut(const std::string& content, const std::string& language_code,
                                    const std::function<void(model::Edition&)>& adjust = nullptr) {
  auto laid = std::make_unique<Laid>();
  base::RealFileSystem fs;
  auto edition = model::LoadEdition(fs, {content, BAROMETER_SOURCE_DIR "/templates", {}}, laid->diags);
  if (!edition) throw std::runtime_error("the edition in " + content + " does not load");
  laid->edition = std::move(*edition);
  if (adjust) adjust(laid->edition);
  const model::LanguageEdition* language = nullptr;
  for (const auto& l : laid->edition.languages) {
    if (l.code == language_code) language = &l;
  }
  if (!language) throw std::runtime_error("the edition in " + content + " has no language " + language_code);
  struct Tools {
    std::unique_ptr<text::FontSet> fonts;
    std::unique_ptr<text::Hyphenator> hyphenator;
    std::unique_ptr<text::Shaper> shaper;
  };
  static std::map<std::string, Tools> tools;
  Tools& mine = tools[language_code];
  if (!mine.shaper) {
    mine.fonts = std::make_unique<text::FontSet>(BAROMETER_SOURCE_DIR "/fonts", language->locale);
    mine.hyphenator = std::make_unique<text::Hyphenator>(language_code, language->hyphenation_exceptions);
    mine.shaper = std::make_unique<text::Shaper>(*mine.fonts, *mine.hyphenator);
  }
  base::NumberStyle numbers = base::NumberStyle::ForLanguage(language_code);
  figures::ChartContext context{&laid->edition.design, &numbers, mine.shaper.get(), language_code};
  layout::LayoutInput input;
  input.edition = &laid->edition;
  input.language = language;
  input.shaper = mine.shaper.get();
  input.creator = "test";
  input.charts = figures::BuildCharts(laid->edition, *language, context, laid->diags);
  laid->document = layout::LayoutEdition(input, laid->diags);
  return laid;
}

/// The recorded layouts: (content folder, language, .expected file), all relative to the source tree.
struct RecordedLayout {
  const char* content;
  const char* language;
  const char* expected;
};
inline constexpr RecordedLayout kRecordedLayouts[] = {
    {"tests/fixtures/mini", "en", "tests/layout/mini-en.expected"},
    {"content/2021", "da", "tests/layout/edition-2021-da.expected"},
    {"content/2021", "en", "tests/layout/edition-2021-en.expected"},
};

}  // namespace barometer::testing
