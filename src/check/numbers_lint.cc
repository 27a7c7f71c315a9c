#include "check/numbers_lint.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "base/number_style.h"
#include "model/numbers.h"
#include "model/text_visit.h"

namespace barometer::check {
namespace {

struct Candidate {
  std::string reference;  ///< as it would be written between braces
  double value = 0;
  std::string printed;
};

// The values of a figure, as it prints them, appended to `out`.
void FigureValues(const model::Edition& edition, const std::string& figure_id, const base::NumberStyle& style,
                  std::vector<Candidate>& out) {
  {
    auto spec = edition.figures.find(figure_id);
    if (spec == edition.figures.end()) return;
    auto table = edition.tables.find(spec->second.table);
    if (table == edition.tables.end()) return;
    const std::string& indicator = spec->second.indicator;
    for (const model::TableRow& row : table->second.rows) {
      if (row.indicator != indicator && row.indicator != indicator + "-grouped") continue;
      int series = 0;
      for (const model::TableRow& other : table->second.rows) {
        series += other.indicator == row.indicator && other.category == row.category;
      }
      std::string reference = spec->first + "/" + row.category + (series > 1 ? "/" + row.series : "");
      model::BoundNumber number{row.value, model::PrintedDecimals(table->second, row.indicator), true};
      number.value = std::round(row.value * std::pow(10.0, number.decimals)) / std::pow(10.0, number.decimals);
      out.push_back({reference, number.value, model::FormatBound(number, style)});
    }
  }
}

// The values of the figures placed in `section`.
std::vector<Candidate> SectionValues(const model::Edition& edition, const model::Section& section,
                                     const base::NumberStyle& style) {
  std::vector<Candidate> out;
  model::ForEachBlock(section.blocks, [&](const model::Block& block) {  // a case's story included
    if (const auto* figure = std::get_if<model::FigureRef>(&block.content)) {
      FigureValues(edition, figure->figure_id, style, out);
    }
  });
  return out;
}

// Every figure's base n.
std::vector<Candidate> BaseValues(const model::Edition& edition, const base::NumberStyle& style) {
  std::vector<Candidate> out;
  for (const auto& [id, spec] : edition.figures) {
    if (spec.base_n > 0) out.push_back({id + "/n", static_cast<double>(spec.base_n), style.Format(spec.base_n)});
    for (const auto& [series, n] : spec.group_base_n) {
      out.push_back({id + "/n/" + series, static_cast<double>(n), style.Format(n)});
    }
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80);
}

// A literal number found in text.
struct Literal {
  size_t begin = 0, end = 0;  ///< bytes of the number and its percent sign
  double value = 0;
  bool percent = false;
  bool base = false;  ///< written after "n = "
};

// The numbers of `text` in the language's style: "1,877", "18,75 %", "n = 1.877".
std::vector<Literal> FindNumbers(const std::string& text, const base::NumberStyle& style) {
  std::vector<Literal> out;
  auto at = [&](size_t i, const std::string& mark) { return !mark.empty() && text.compare(i, mark.size(), mark) == 0; };
  for (size_t i = 0; i < text.size();) {
    if (!IsDigit(text[i]) || (i > 0 && (IsWordByte(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == '/'))) {
      ++i;
      continue;
    }
    Literal literal;
    literal.begin = i;
    std::string digits;
    bool decimals = false;
    while (i < text.size()) {
      if (IsDigit(text[i])) {
        digits += text[i++];
      } else if (!decimals && at(i, style.thousands_mark) && i + style.thousands_mark.size() + 3 <= text.size() &&
                 IsDigit(text[i + style.thousands_mark.size()]) && IsDigit(text[i + style.thousands_mark.size() + 1]) &&
                 IsDigit(text[i + style.thousands_mark.size() + 2]) &&
                 (i + style.thousands_mark.size() + 3 == text.size() ||
                  !IsDigit(text[i + style.thousands_mark.size() + 3]))) {
        i += style.thousands_mark.size();
      } else if (!decimals && at(i, style.decimal_mark) && i + style.decimal_mark.size() < text.size() &&
                 IsDigit(text[i + style.decimal_mark.size()])) {
        decimals = true;
        digits += '.';
        i += style.decimal_mark.size();
      } else {
        break;
      }
    }
    literal.end = i;
    size_t sign = i;
    if (at(sign, " ")) {
      sign += 1;
    } else if (at(sign, "\u00A0")) {
      sign += 2;
    }
    if (at(sign, style.percent_sign)) {
      literal.percent = true;
      literal.end = sign + style.percent_sign.size();
    } else if (i < text.size() && (IsWordByte(text[i]) || text[i] == '-' || text[i] == '/')) {
      continue;  // "2nd", "CO2e", "2018-19", "24/7"
    }
    std::string before = text.substr(literal.begin >= 4 ? literal.begin - 4 : 0, std::min<size_t>(4, literal.begin));
    literal.base = before.find("n =") != std::string::npos || before.find("n=") != std::string::npos ||
                   before.find("n\u00A0=") != std::string::npos;
    // A run of digits too long for a double (no table holds such a number) is no literal to compare.
    const std::optional<double> value = base::ParseNumber(digits);
    if (!value) continue;
    literal.value = *value;
    out.push_back(literal);
  }
  return out;
}

// Warns about each literal number of `text` that `values` (percentages) or `bases` (counts) hold.
void LintText(const std::string& text, const std::function<base::SourceLoc(size_t)>& at,
              const std::vector<Candidate>& values, const std::vector<Candidate>& bases,
              const base::NumberStyle& style, base::Diagnostics& diags) {
  for (const Literal& literal : FindNumbers(text, style)) {
    std::vector<const Candidate*> found;
    if (literal.percent) {
      for (const Candidate& c : values) {
        if (std::fabs(c.value - literal.value) <= 1 + 1e-9) found.push_back(&c);
      }
      std::stable_sort(found.begin(), found.end(), [&](const Candidate* a, const Candidate* b) {
        return std::fabs(a->value - literal.value) < std::fabs(b->value - literal.value);
      });
    } else if (literal.base || literal.value >= 100) {
      for (const Candidate& c : bases) {
        if (c.value == literal.value) found.push_back(&c);
      }
    }
    if (found.empty()) continue;
    std::string names;
    for (size_t i = 0; i < found.size() && i < 4; ++i) {
      names += (i ? ", " : "") + found[i]->reference + " = " + found[i]->printed;
    }
    if (found.size() > 4) names += ", ...";
    const std::string written = text.substr(literal.begin, literal.end - literal.begin);
    diags.Warning(at(literal.begin), "number '" + written + "' is written by hand, but a table holds " +
                                         (found.front()->value == literal.value ? "it" : "a value near it") + ": " +
                                         names,
                  {"cite the table, e.g. {" + found.front()->reference + "}, so the text follows the data"});
  }
}

}  // namespace

void LintNumbers(const model::Edition& edition, base::Diagnostics& diags) {
  for (const model::LanguageEdition& language : edition.languages) {
    const base::NumberStyle& style = language.profile.numbers;
    const std::vector<Candidate> bases = BaseValues(edition, style);
    for (const model::Section& section : language.sections) {
      const std::vector<Candidate> values = SectionValues(edition, section, style);
      auto lint = [&](const model::RichText& text) {
        for (const model::Span& span : text.spans) {
          if (!span.number_ref.empty() || !span.footnote.empty() || !span.page_ref.empty()) continue;
          LintText(span.text, [&](size_t offset) { return span.At(offset); }, values, bases, style, diags);
        }
      };
      lint(section.title);
      for (const model::Block& block : section.blocks) model::ForEachText(block, lint);
      for (const model::Footnote& note : section.footnotes) lint(note.text);
    }
    // A figure's own texts (title, question, population, note) against its own values.
    for (const auto& [id, words] : language.figures) {
      std::vector<Candidate> values;
      FigureValues(edition, id, style, values);
      for (const auto& [field, written] : words.written) {
        std::string text = written;  // the references themselves blanked out: they are bound
        for (size_t open; (open = text.find('{')) != std::string::npos;) {
          size_t close = text.find('}', open);
          text.replace(open, close == std::string::npos ? std::string::npos : close - open + 1,
                       close == std::string::npos ? 0 : close - open + 1, ' ');
        }
        auto positions = words.positions.find(field);
        auto at = [&](size_t offset) {
          return positions == words.positions.end() ? words.loc : positions->second.LocOf(offset, words.loc);
        };
        LintText(text, at, values, bases, style, diags);
      }
    }
  }
}

}  // namespace barometer::check
