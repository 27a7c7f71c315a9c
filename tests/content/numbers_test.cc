// The 2021 content against the reference: every section and case is there in both languages, and every number the
// reference lists for a section appears in that section's text or in one of its figures, in both languages.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "base/file_system.h"
#include "model/load.h"

using namespace barometer;

namespace {

// From the reference (shared/reference/publication-2021.md): the numbers each section states.
const std::map<std::string, std::vector<double>>& ReferenceNumbers() {
  static const std::map<std::string, std::vector<double>> numbers = {
      {"intro", {2018, 2020}},  // the period is written 2018–19
      {"technology-role", {12, 10, 25, 34, 35, 26, 5, 1877, 52, 37, 32, 9, 65}},
      {"case-hospital-friend", {1, 4, 2021}},
      {"possibilities", {60, 72, 51, 40, 47, 35, 27, 28, 33, 31, 1877, 0.05}},
      {"end-user", {53, 49, 10, 15, 59, 733, 5, 10, 25, 79, 18, 13, 8, 71, 81, 86, 1877, 0.05, 80, 20}},
      {"together", {79, 12, 3, 6, 2271, 84, 77, 64, 1877, 0.05, 25, 18, 9, 38, 26, 46, 40, 29, 20, 15, 7, 1}},
      {"case-traffic-signal", {21, 18, 32, 38, 1.5, 2021}},
      {"methodology", {2271, 2020, 2018, 2019, 50, 0.05, 1877, 733, 2015, 2017}},
      {"back-cover", {2015, 2017, 2020}},
  };
  return numbers;
}

void AddText(std::string& out, const model::RichText& text) { out += text.Plain() + " \n"; }

// Every visible text of a section, in one string.
std::string SectionText(const model::Section& section) {
  std::string out;
  AddText(out, section.title);
  for (const model::Block& block : section.blocks) {
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, model::Heading> || std::is_same_v<T, model::Paragraph>) {
            AddText(out, c.text);
          } else if constexpr (std::is_same_v<T, model::BulletList>) {
            for (const auto& item : c.items) AddText(out, item);
          } else if constexpr (std::is_same_v<T, model::PullQuote>) {
            AddText(out, c.text);
          } else if constexpr (std::is_same_v<T, model::CaseStory>) {
            AddText(out, c.lede);
            for (const auto& p : c.before) AddText(out, p);
            for (const auto& p : c.now) AddText(out, p);
            AddText(out, c.nomination);
          } else if constexpr (std::is_same_v<T, model::TipsBox>) {
            for (const auto& tip : c.items) {
              AddText(out, tip.title);
              AddText(out, tip.body);
            }
          } else if constexpr (std::is_same_v<T, model::Methodology>) {
            for (const auto& fact : c.facts) {
              AddText(out, fact.label);
              AddText(out, fact.value);
            }
          } else if constexpr (std::is_same_v<T, model::Colophon>) {
            for (const auto& p : c.about) AddText(out, p);
          }
        },
        block.content);
  }
  for (const model::Footnote& note : section.footnotes) AddText(out, note.text);
  return out;
}

// The numbers written in a text, read the way the language writes them ("1.877" and "0,05" in Danish).
std::set<double> NumbersIn(const std::string& text, const std::string& language) {
  std::set<double> out;
  const char thousands = language == "da" ? '.' : ',';
  const char decimal = language == "da" ? ',' : '.';
  static const std::regex number("[0-9]+(?:[.,][0-9]+)*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
    // "1.877" (da) or "1,877" (en): groups of three after the thousands mark are one number.
    std::vector<std::string> groups;
    std::string token = it->str(), group;
    for (char c : token) {
      if (c == thousands) {
        groups.push_back(group);
        group.clear();
      } else {
        group += c == decimal ? '.' : c;
      }
    }
    groups.push_back(group);
    bool grouped = groups.size() > 1;
    for (size_t i = 1; i < groups.size(); ++i) grouped &= groups[i].size() == 3 || groups[i].rfind('.') == 3;
    if (grouped) {
      std::string joined;
      for (const std::string& g : groups) joined += g;
      out.insert(std::strtod(joined.c_str(), nullptr));
    } else {
      for (const std::string& g : groups) out.insert(std::strtod(g.c_str(), nullptr));
    }
  }
  return out;
}

const model::Edition& Edition2021() {
  static const model::Edition edition = [] {
    base::RealFileSystem fs;
    base::Diagnostics diags;
    auto loaded = model::LoadEdition(fs, {BAROMETER_SOURCE_DIR "/content/2021", BAROMETER_SOURCE_DIR "/templates", {}},
                                     diags);
    REQUIRE(loaded);
    REQUIRE_FALSE(diags.HasErrors());
    return *loaded;
  }();
  return edition;
}

}  // namespace

TEST_CASE("content: every section of the reference, with both cases and both tips boxes, in both languages") {
  const model::Edition& edition = Edition2021();
  const std::vector<std::string> sections = {"intro",    "digital-champions", "technology-role",    "case-hospital-friend",
                                             "possibilities", "end-user",      "together",           "case-traffic-signal",
                                             "methodology",   "back-cover"};
  REQUIRE(edition.languages.size() == 2);
  for (const model::LanguageEdition& language : edition.languages) {
    INFO("language " << language.code);
    std::vector<std::string> ids;
    int cases = 0, tips = 0, figures = 0, methodology = 0, colophons = 0, quotes = 0;
    size_t words = 0;
    for (const model::Section& section : language.sections) {
      ids.push_back(section.id);
      for (const model::Block& block : section.blocks) {
        cases += std::holds_alternative<model::CaseStory>(block.content);
        tips += std::holds_alternative<model::TipsBox>(block.content);
        figures += std::holds_alternative<model::FigureRef>(block.content);
        methodology += std::holds_alternative<model::Methodology>(block.content);
        colophons += std::holds_alternative<model::Colophon>(block.content);
        quotes += std::holds_alternative<model::PullQuote>(block.content);
      }
      std::string text = SectionText(section);
      bool in_word = false;
      for (char c : text) {
        bool letter = !std::isspace(static_cast<unsigned char>(c));
        words += letter && !in_word;
        in_word = letter;
      }
      if (const auto* tip_box = &section; tip_box) {
        for (const model::Block& block : section.blocks) {
          if (const auto* box = std::get_if<model::TipsBox>(&block.content)) CHECK(box->items.size() == 3);
        }
      }
    }
    CHECK(ids == sections);
    CHECK(cases == 2);
    CHECK(tips == 2);
    CHECK(figures == 10);
    CHECK(methodology == 1);
    CHECK(colophons == 1);
    CHECK(quotes == 3);
    // The original's length: about 6,000-9,000 words of body text.
    CHECK(words >= 6000);
    CHECK(words <= 9500);
  }
}

TEST_CASE("content: every number of the reference appears in its section's text or figures, in both languages") {
  const model::Edition& edition = Edition2021();
  for (const model::LanguageEdition& language : edition.languages) {
    for (const model::Section& section : language.sections) {
      auto expected = ReferenceNumbers().find(section.id);
      if (expected == ReferenceNumbers().end()) continue;
      std::set<double> found = NumbersIn(SectionText(section), language.code);
      for (const model::Block& block : section.blocks) {
        const auto* ref = std::get_if<model::FigureRef>(&block.content);
        if (!ref) continue;
        const model::FigureSpec& spec = edition.figures.at(ref->figure_id);
        found.insert(spec.base_n);
        if (spec.table.empty()) continue;
        for (const model::TableRow& row : edition.tables.at(spec.table).rows) found.insert(row.value);
      }
      for (double number : expected->second) {
        INFO(language.code << "/" << section.id << " lacks " << number);
        CHECK(found.count(number) == 1);
      }
    }
  }
}

TEST_CASE("content: no personal phone numbers or e-mail addresses") {
  const model::Edition& edition = Edition2021();
  static const std::regex email("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}");
  static const std::regex phone("(\\+45[ 0-9]{8,}|\\b[0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}\\b)");
  for (const model::LanguageEdition& language : edition.languages) {
    for (const model::Section& section : language.sections) {
      std::string text = SectionText(section);
      INFO(language.code << "/" << section.id);
      CHECK_FALSE(std::regex_search(text, email));
      CHECK_FALSE(std::regex_search(text, phone));
      for (const model::Block& block : section.blocks) {
        if (const auto* story = std::get_if<model::CaseStory>(&block.content)) {
          for (const auto& person : story->contacts) {
            CHECK_FALSE(std::regex_search(person.role + person.organisation, email));
          }
        }
      }
    }
  }
}
