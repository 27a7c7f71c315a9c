#include "check/staleness.h"

#include "base/hash.h"
#include "model/text_visit.h"

namespace barometer::check {
namespace {

void Append(std::string& out, const model::RichText& text) {
  std::vector<std::pair<std::string, std::string>> pieces;  // text, its properties
  const model::Span* previous = nullptr;
  for (const model::Span& span : text.spans) {
    // A bound number counts as its reference: a changed table value is no change of the text to translate.
    std::string words = span.number_ref.empty() ? span.text : "{" + span.number_ref + "}";
    std::string properties = std::string("\x1f") + (span.emphasis ? 'e' : '-') + (span.strong ? 's' : '-') +
                             span.link + '\x1f' + span.footnote + '\x1f' + span.page_ref + '\x1e';
    // Marking a phrase's language is no change to translate: the phrase counts as part of the text around it.
    auto plain = [](const model::Span& s) {
      return s.number_ref.empty() && s.footnote.empty() && s.page_ref.empty();
    };
    if (previous && (!span.language.empty() || !previous->language.empty()) && plain(span) && plain(*previous) &&
        pieces.back().second == properties) {
      pieces.back().first += words;
    } else {
      pieces.emplace_back(std::move(words), std::move(properties));
    }
    previous = &span;
  }
  for (const auto& [words, properties] : pieces) out += words + properties;
  out += '\x1d';
}

void Append(std::string& out, const model::Person& person) {
  out += person.name + '\x1f' + person.role + '\x1f' + person.organisation + '\x1d';
}

std::string BlockText(const model::Block& block) {
  std::string out = model::BlockKindName(block.content);
  out += '\x1d';
  model::ForEachField(block, [&](const auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, model::RichText> || std::is_same_v<T, model::Person>) {
      Append(out, field);
    } else if constexpr (std::is_same_v<T, int>) {
      out += std::to_string(field);
    } else if constexpr (std::is_same_v<T, bool>) {
      out += field ? "1" : "0";
    } else if constexpr (std::is_same_v<T, std::string>) {
      out += field;
    }
    // A case's story blocks are units of their own (see Units).
  });
  return out;
}

std::string Fingerprint(const std::string& text) { return base::Sha256Hex(text).substr(0, 16); }

}  // namespace

std::map<std::string, Unit> Units(const model::LanguageEdition& language) {
  std::map<std::string, Unit> out;
  for (const model::Section& section : language.sections) {
    std::string title;
    Append(title, section.title);
    const std::string file = section.loc.file;
    // An untitled section has no words of its own to translate.
    std::string section_words = section.title.empty() ? section.kicker : section.title.Plain() + " " + section.kicker;
    out[section.id] = {Fingerprint(title + section.kicker), section_words,
                       section.title.loc.line ? section.title.loc : section.loc, file};
    // A case's story is translated block by block: each is a unit of its own, as a section's blocks are.
    model::ForEachBlock(section.blocks, [&](const model::Block& block) {
      std::string words;
      model::ForEachText(block, [&](const model::RichText& text) { words += text.Plain() + " "; });
      out[section.id + "/" + block.id] = {Fingerprint(BlockText(block)), words, block.loc, file};
    });
    for (const model::Footnote& note : section.footnotes) {
      std::string text;
      Append(text, note.text);
      out[section.id + "^" + note.id] = {Fingerprint(text), note.text.Plain(), note.loc, file};
    }
  }
  return out;
}

std::map<std::string, std::string> Fingerprints(const model::LanguageEdition& language) {
  std::map<std::string, std::string> out;
  for (const auto& [id, unit] : Units(language)) out[id] = unit.fingerprint;
  return out;
}

std::string LockFileText(const model::LanguageEdition& source) {
  std::string out =
      "# Fingerprints of the " + source.code + " source text this translation was last brought up to date with.\n"
      "# Written by 'barometer mark-translated'; 'barometer check' warns about units whose source has changed since.\n";
  for (const auto& [unit, fingerprint] : Fingerprints(source)) out += "\"" + unit + "\": " + fingerprint + "\n";
  return out;
}

void CheckStaleness(const model::LanguageEdition& source, const model::LanguageEdition& language,
                    base::Diagnostics& diags) {
  if (language.translation_lock_file.empty()) return;
  for (const model::Section& section : source.sections) {
    if (section.unreadable) return;  // its units would all look new; the file's own error comes first
  }
  const auto current = Fingerprints(source);
  for (const auto& [unit, fingerprint] : current) {
    auto recorded = language.translation_lock.find(unit);
    if (recorded == language.translation_lock.end()) {
      diags.Warning({language.translation_lock_file, 0, 0},
                    "'" + unit + "' of language '" + source.code + "' has no translation record; translate it, then run "
                    "'barometer mark-translated'");
    } else if (recorded->second != fingerprint) {
      diags.Warning(language.translation_lock_locs.at(unit),
                    "translation of '" + unit + "' is stale: its '" + source.code +
                        "' text changed since it was translated");
    }
  }
  for (const auto& [unit, fingerprint] : language.translation_lock) {
    if (!current.count(unit)) {
      diags.Warning(language.translation_lock_locs.at(unit),
                    "'" + unit + "' is no longer in language '" + source.code + "'");
    }
  }
}

}  // namespace barometer::check
