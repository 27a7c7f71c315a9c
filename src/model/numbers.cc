#include "model/numbers.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "base/edit_distance.h"
#include "model/text_visit.h"

namespace barometer::model {
namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != std::string::npos; start = at + 1) {
    parts.push_back(text.substr(start, at - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

std::vector<std::string> OneOf(const std::vector<std::string>& candidates) {
  std::string all;
  for (const std::string& c : candidates) all += (all.empty() ? "" : ", ") + c;
  if (all.empty()) return {};
  return {"one of: " + all};
}

std::vector<std::string> DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  std::vector<std::string> hints = base::DidYouMean(word, candidates);
  return hints.empty() ? OneOf(candidates) : hints;
}

double Rounded(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale * (1 + 1e-12)) / scale;
}

// One operand: FIGURE/n, FIGURE/CATEGORY or FIGURE/CATEGORY/SERIES.
std::optional<BoundNumber> ResolveOperand(const Edition& edition, const std::string& operand, const SourceLoc& loc,
                                          base::Diagnostics& diags) {
  std::vector<std::string> parts = Split(operand, '/');
  auto spec_it = edition.figures.find(parts[0]);
  if (spec_it == edition.figures.end()) {
    std::vector<std::string> figure_ids;  // only here: made for every reference, it cost time in the figures squared
    for (const auto& [id, spec] : edition.figures) figure_ids.push_back(id);
    diags.Error(loc, "number reference '{" + operand + "}': figure '" + parts[0] + "' does not exist in figures.yaml",
                DidYouMean(parts[0], figure_ids));
    return std::nullopt;
  }
  const FigureSpec& spec = spec_it->second;
  if (parts.size() < 2 || parts.size() > 3 || parts[1].empty()) {
    diags.Error(loc, "number reference '{" + operand + "}' must be {figure/category}, {figure/category/series} or "
                     "{figure/n}");
    return std::nullopt;
  }
  auto table_it = edition.tables.find(spec.table);
  if (table_it == edition.tables.end()) {
    // A figure that must have a table and has none was reported where its table is named (missing, refused or
    // not found); only a zones figure has none by design.
    if (spec.kind == ChartKind::kZones) {
      diags.Error(loc, "number reference '{" + operand + "}': figure '" + spec.id + "' has no table");
    }
    return std::nullopt;
  }
  const Table& table = table_it->second;
  if (parts[1] == "n" && !spec.group_base_n.empty()) {
    // A figure whose groups have bases of their own: {figure/n/SERIES} names one.
    std::vector<std::string> groups;
    for (const auto& [id, n] : spec.group_base_n) {
      if (parts.size() == 3 && parts[2] == id) return BoundNumber{static_cast<double>(n), 0, false};
      groups.push_back(id);
    }
    diags.Error(loc, "number reference '{" + operand + "}': figure '" + spec.id +
                         "' has a base per group; name one as {" + spec.id + "/n/GROUP}",
                OneOf(groups));
    return std::nullopt;
  }
  if (parts[1] == "n" && parts.size() == 2) {
    int n = spec.base_n;
    if (n == 0 && !table.rows.empty()) n = table.rows.front().n;
    return BoundNumber{static_cast<double>(n), 0, false};
  }
  // The figure's own rows, then its published totals (indicator "<indicator>-grouped").
  const std::string grouped = spec.indicator + "-grouped";
  std::vector<const TableRow*> rows;
  std::vector<std::string> categories;
  for (const TableRow& row : table.rows) {
    if (row.indicator != spec.indicator && row.indicator != grouped) continue;
    if (std::find(categories.begin(), categories.end(), row.category) == categories.end()) {
      categories.push_back(row.category);
    }
    if (row.category == parts[1]) rows.push_back(&row);
  }
  if (rows.empty()) {
    diags.Error(loc, "number reference '{" + operand + "}': table '" + table.name + "' has no category '" + parts[1] +
                         "' for figure '" + spec.id + "'",
                DidYouMean(parts[1], categories));
    return std::nullopt;
  }
  std::vector<std::string> series;
  for (const TableRow* row : rows) series.push_back(row->series);
  const TableRow* found = nullptr;
  if (parts.size() == 2) {
    if (rows.size() > 1) {
      diags.Error(loc, "number reference '{" + operand + "}': category '" + parts[1] + "' has " +
                           std::to_string(rows.size()) + " series; name one as {" + operand + "/SERIES}",
                  OneOf(series));
      return std::nullopt;
    }
    found = rows.front();
  } else {
    for (const TableRow* row : rows) {
      if (row->series == parts[2]) found = row;
    }
    if (!found) {
      diags.Error(loc, "number reference '{" + operand + "}': table '" + table.name + "' has no series '" + parts[2] +
                           "' for category '" + parts[1] + "'",
                  DidYouMean(parts[2], series));
      return std::nullopt;
    }
  }
  int decimals = PrintedDecimals(table, found->indicator);
  return BoundNumber{Rounded(found->value, decimals), decimals, true};
}

}  // namespace

int PrintedDecimals(const Table& table, const std::string& indicator) {
  int most = 0;
  for (const TableRow& row : table.rows) {
    if (row.indicator != indicator) continue;
    for (int d = most; d < 2; ++d) {
      double scaled = row.value * std::pow(10.0, d);
      if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
      most = d + 1;
    }
  }
  return most;
}

std::optional<BoundNumber> ResolveNumber(const Edition& edition, const std::string& reference, const SourceLoc& loc,
                                         base::Diagnostics& diags) {
  std::string text = reference;
  bool bare = false;
  const std::string suffix = ":number";
  if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
    bare = true;
    text.resize(text.size() - suffix.size());
  }
  size_t minus = text.find(" - ");
  size_t plus = text.find(" + ");
  if (minus == std::string::npos && plus == std::string::npos) {
    auto number = ResolveOperand(edition, Trim(text), loc, diags);
    if (number && bare) number->percent = false;
    return number;
  }
  if (minus != std::string::npos && plus != std::string::npos) {
    diags.Error(loc, "number reference '{" + reference + "}' mixes '+' and '-'; write a sum or a difference");
    return std::nullopt;
  }
  // A sum or a difference of printed values, as a reader would work it out from the figure: a sum of shares is
  // a share; a difference is in percentage points, printed without the percent sign.
  std::vector<BoundNumber> operands;
  const std::string op = minus != std::string::npos ? " - " : " + ";
  size_t start = 0;
  for (size_t at;; start = at + op.size()) {
    at = text.find(op, start);
    auto number = ResolveOperand(edition, Trim(text.substr(start, at == std::string::npos ? at : at - start)), loc,
                                 diags);
    if (!number) return std::nullopt;
    if (!number->percent) {
      diags.Error(loc, "number reference '{" + reference + "}': only percentages can be added or subtracted");
      return std::nullopt;
    }
    operands.push_back(*number);
    if (at == std::string::npos) break;
  }
  if (op == " - " && operands.size() != 2) {
    diags.Error(loc, "number reference '{" + reference + "}': a difference is between two values");
    return std::nullopt;
  }
  BoundNumber result{operands.front().value, operands.front().decimals, op == " + " && !bare};
  for (size_t i = 1; i < operands.size(); ++i) {
    result.value += op == " + " ? operands[i].value : -operands[i].value;
    result.decimals = std::max(result.decimals, operands[i].decimals);
  }
  result.value = Rounded(result.value, result.decimals);
  if (result.value < 0) {
    diags.Warning(loc, "number reference '{" + reference + "}' is negative: the first value is now the smaller, "
                       "so the sentence around it may say the opposite of the data",
                  {"swap the two values and check the words around them"});
  }
  return result;
}

std::string FormatBound(const BoundNumber& number, const base::NumberStyle& style) {
  return number.percent ? style.Percent(number.value, number.decimals) : style.Format(number.value, number.decimals);
}

namespace {

// The text of a number reference: {=...} as written ('~' a no-break space), else the resolved value; the
// reference itself, braces and all, when it does not resolve (reported).
std::string BoundText(const Edition& edition, const std::string& reference, const SourceLoc& loc,
                      const base::NumberStyle& style, base::Diagnostics& diags) {
  if (!reference.empty() && reference[0] == '=') {  // {=35%}: typed by hand on purpose
    std::string out;
    for (char c : reference.substr(1)) out += c == '~' ? std::string("\u00A0") : std::string(1, c);
    return out;
  }
  auto number = ResolveNumber(edition, reference, loc, diags);
  return number ? FormatBound(*number, style) : "{" + reference + "}";
}

// A figure text (a plain string, no other markup) with its references filled in. `positions`: where each byte
// was written, when known; else every message points at `loc`.
void BindPlain(const Edition& edition, std::string& text, const SourceLoc& loc,
               const base::BytePlaces& positions, const base::NumberStyle& style, base::Diagnostics& diags) {
  auto at_byte = [&](size_t offset) { return positions.LocOf(offset, loc); };
  std::string out;
  size_t at = 0;
  for (size_t open; (open = text.find('{', at)) != std::string::npos;) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) {
      diags.Error(at_byte(open), "number reference '{' is never closed with '}'");
      break;
    }
    out += text.substr(at, open - at) +
           BoundText(edition, text.substr(open + 1, close - open - 1), at_byte(open), style, diags);
    at = close + 1;
  }
  text = out + text.substr(at);
}

}  // namespace

void BindNumbers(Edition& edition, base::Diagnostics& diags) {
  for (LanguageEdition& language : edition.languages) {
    for (auto& [id, words] : language.figures) {
      for (auto [field, text] : {std::pair{"title", &words.title}, {"question", &words.question},
                                 {"population", &words.population}, {"note", &words.note}, {"alt", &words.alt},
                                 {"caption", &words.caption}}) {
        words.written[field] = *text;
        auto positions = words.positions.find(field);
        BindPlain(edition, *text, words.loc, positions == words.positions.end() ? base::BytePlaces{} : positions->second,
                  language.profile.numbers, diags);
      }
    }
    auto bind = [&](RichText& text) {
      for (Span& span : text.spans) {
        if (span.number_ref.empty()) continue;
        span.text = BoundText(edition, span.number_ref, span.loc, language.profile.numbers, diags);
      }
    };
    for (Section& section : language.sections) {
      bind(section.title);
      for (Block& block : section.blocks) ForEachText(block, bind);
      for (Footnote& note : section.footnotes) bind(note.text);
    }
  }
}

}  // namespace barometer::model
