#include "driver/build_cache.h"

namespace barometer::driver {

TextTools::TextTools(const std::string& fonts_dir, const model::LanguageEdition& language,
                     std::unique_ptr<text::Hyphenator> patterns)
    : fonts(fonts_dir, language.locale), hyphenator(std::move(patterns)), shaper(fonts, *hyphenator) {}

void TextTools::Warm(const model::Template& design) {
  for (const auto& [name, style] : design.styles) {
    for (int variant = 0; variant < 4; ++variant) {
      model::TextStyle warm = style;
      warm.italic = variant & 1;
      if (variant & 2) warm.weight = 700;
      if (warmed.emplace(warm.family, warm.weight, warm.italic).second) shaper.MeasureWidth("Ag æøå 0123 %", warm);
    }
  }
}

BuildCache::BuildCache() = default;
BuildCache::~BuildCache() = default;

}  // namespace barometer::driver
