#include "model/markup.h"

#include <utility>

namespace barometer::model {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const SourceLoc& loc, bool single_line, base::Diagnostics& diags,
         const base::BytePlaces& positions)
      : text_(text), loc_(loc), single_line_(single_line), diags_(diags), positions_(positions) {}

  RichText Parse() {
    RichText out;
    out.loc = loc_;
    ParseUntil(out.spans, '\0', Style{});
    if (strong_open_ != std::string::npos) Error(strong_open_, "'**' is never closed");
    if (emphasis_open_ != std::string::npos) Error(emphasis_open_, "'*' is never closed");
    return out;
  }

 private:
  struct Style {
    bool emphasis = false, strong = false;
    std::string link;
  };
  static constexpr char kLanguageKey[] = "{lang=";

  // Line and column of byte `offset` of the text; without the file name, which every byte shares.
  std::pair<int, int> PlaceAt(size_t offset) const {
    if (single_line_) return {loc_.line, loc_.col + static_cast<int>(offset)};
    return offset < positions_.size() ? positions_.At(offset) : std::pair{loc_.line, loc_.col};
  }
  SourceLoc At(size_t offset) const {
    auto [line, col] = PlaceAt(offset);
    return {loc_.file, line, col};
  }
  void Error(size_t offset, const std::string& message) { diags_.Error(At(offset), message); }

  // `verbatim`: the piece is the source text at `offset` byte for byte (not an escape or a '~').
  void Append(std::vector<Span>& spans, const std::string& piece, const Style& style, size_t offset,
              bool verbatim = false) {
    if (piece.empty()) return;
    Span* span = nullptr;
    if (!spans.empty()) {
      Span& last = spans.back();
      if (last.footnote.empty() && last.page_ref.empty() && last.number_ref.empty() && last.language.empty() && last.emphasis == emphasis_ &&
          last.strong == strong_ && last.link == style.link) {
        span = &last;
      }
    }
    if (!span) {
      spans.emplace_back();
      span = &spans.back();
      span->emphasis = emphasis_;
      span->strong = strong_;
      span->link = style.link;
      span->loc = At(offset);
    }
    span->text += piece;
    if (single_line_ || !positions_.empty()) {
      for (size_t i = 0; i < piece.size(); ++i) {
        auto [line, col] = PlaceAt(verbatim ? offset + i : offset);
        span->byte_positions.Add(line, col);
      }
    }
  }

  // Reads until `stop` (']' inside link text) or the end.
  void ParseUntil(std::vector<Span>& spans, char stop, const Style& style) {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (stop && c == stop) return;
      if (c == '\\' && pos_ + 1 < text_.size()) {
        Append(spans, text_.substr(pos_ + 1, 1), style, pos_);
        pos_ += 2;
      } else if (c == '~') {
        Append(spans, "\u00A0", style, pos_);
        ++pos_;
      } else if (c == '*' && text_.compare(pos_, 2, "**") == 0) {
        ToggleStrong();
        pos_ += 2;
      } else if (c == '*') {
        if (emphasis_open_ == std::string::npos) {
          emphasis_open_ = pos_;
          emphasis_ = true;
        } else {
          emphasis_open_ = std::string::npos;
          emphasis_ = false;
        }
        ++pos_;
      } else if (c == '[' && text_.compare(pos_, 2, "[^") == 0) {
        size_t close = text_.find(']', pos_);
        if (close == std::string::npos) {
          Error(pos_, "footnote reference '[^' is never closed with ']'");
          Append(spans, "[^", style, pos_);
          pos_ += 2;
          continue;
        }
        std::string id = text_.substr(pos_ + 2, close - pos_ - 2);
        if (id.empty()) Error(pos_, "footnote reference has no id");
        Span span;
        span.footnote = id;
        span.link = style.link;
        span.loc = At(pos_);
        spans.push_back(span);
        pos_ = close + 1;
      } else if (c == '[' && style.link.empty()) {
        ParseLink(spans, style);
      } else if (c == '@' && text_.compare(pos_, 2, "@{") == 0) {
        size_t close = text_.find('}', pos_);
        if (close == std::string::npos) {
          Error(pos_, "page reference '@{' is never closed with '}'");
          Append(spans, "@{", style, pos_);
          pos_ += 2;
          continue;
        }
        Span span;
        span.page_ref = text_.substr(pos_ + 2, close - pos_ - 2);
        span.link = style.link;
        span.loc = At(pos_);
        if (span.page_ref.empty()) Error(pos_, "page reference has no id");
        spans.push_back(span);
        pos_ = close + 1;
      } else if (c == '{') {
        size_t close = text_.find('}', pos_);
        if (close == std::string::npos) {
          Error(pos_, "number reference '{' is never closed with '}'; write '\\{' for a brace");
          Append(spans, "{", style, pos_);
          ++pos_;
          continue;
        }
        Span span;
        span.number_ref = text_.substr(pos_ + 1, close - pos_ - 1);
        span.emphasis = emphasis_;
        span.strong = strong_;
        span.link = style.link;
        span.loc = At(pos_);
        if (span.number_ref.empty()) Error(pos_, "number reference has no table reference");
        spans.push_back(span);
        pos_ = close + 1;
      } else {
        size_t start = pos_;
        while (pos_ < text_.size() && !IsSpecial(text_[pos_]) && !(stop && text_[pos_] == stop)) ++pos_;
        if (pos_ == start) ++pos_;  // a lone special character ('@' without '{', '[' inside a link)
        Append(spans, text_.substr(start, pos_ - start), style, start, /*verbatim=*/true);
      }
    }
  }

  void ToggleStrong() {
    if (strong_open_ == std::string::npos) {
      strong_open_ = pos_;
      strong_ = true;
    } else {
      strong_open_ = std::string::npos;
      strong_ = false;
    }
  }

  void ParseLink(std::vector<Span>& spans, const Style& style) {
    size_t open = pos_;
    ++pos_;
    Style inner = style;
    inner.link = "\x01";  // placeholder until the URL is known
    std::vector<Span> text_spans;
    ParseUntil(text_spans, ']', inner);
    if (pos_ < text_.size() && text_.compare(pos_, 2, "]{") == 0) {
      ++pos_;
      ParsePhraseLanguage(spans, text_spans, style, open);
      return;
    }
    if (pos_ >= text_.size() || text_.compare(pos_, 2, "](") != 0) {
      Error(open, "'[' starts a link or a phrase but is not followed by '](url)' or ']{lang=code}'; write '\\[' for "
                  "a bracket");
      for (Span& s : text_spans) {
        s.link = style.link;
        spans.push_back(s);
      }
      return;
    }
    size_t url_start = pos_ + 2;
    size_t close = text_.find(')', url_start);
    if (close == std::string::npos) {
      Error(pos_, "link target '(' is never closed with ')'");
      pos_ = text_.size();
      return;
    }
    std::string url = text_.substr(url_start, close - url_start);
    if (url.empty() || url.find(' ') != std::string::npos) Error(url_start, "link target must be a URL without spaces");
    if (text_spans.empty()) Error(open, "link has no text");
    for (Span& s : text_spans) {
      s.link = url;
      spans.push_back(s);
    }
    pos_ = close + 1;
  }

  // After "[phrase]": "{lang=code}" names the language of a phrase in another language (a profile of
  // templates/languages/, checked when the edition is loaded).
  void ParsePhraseLanguage(std::vector<Span>& spans, std::vector<Span>& text_spans, const Style& style, size_t open) {
    const size_t attribute = pos_;  // the opening brace
    size_t close = text_.find('}', attribute);
    if (close == std::string::npos || text_.compare(attribute, sizeof kLanguageKey - 1, kLanguageKey) != 0) {
      Error(attribute, "'{' after '[text]' must be '{lang=code}', naming the language of the phrase; write '\\[' "
                       "for a bracket");
      pos_ = close == std::string::npos ? text_.size() : close + 1;
      for (Span& s : text_spans) {
        s.link = style.link;
        spans.push_back(s);
      }
      return;
    }
    const size_t code_start = attribute + sizeof kLanguageKey - 1;
    std::string code = text_.substr(code_start, close - code_start);
    if (code.empty() || code.find_first_of(" \t/") != std::string::npos) {
      Error(code_start, "'{lang=...}' needs the code of a language profile, e.g. the name of a file in "
                        "templates/languages/ without '.yaml'");
      code.clear();
    }
    if (text_spans.empty()) Error(open, "a phrase in another language has no text");
    for (Span& s : text_spans) {
      s.link = style.link;
      s.language = code;
      spans.push_back(s);
    }
    pos_ = close + 1;
  }

  static bool IsSpecial(char c) { return c == '\\' || c == '~' || c == '*' || c == '[' || c == '@' || c == '{'; }

  const std::string& text_;
  SourceLoc loc_;
  bool single_line_;
  base::Diagnostics& diags_;
  const base::BytePlaces& positions_;
  size_t pos_ = 0;
  bool emphasis_ = false, strong_ = false;
  size_t emphasis_open_ = std::string::npos, strong_open_ = std::string::npos;
};

}  // namespace

RichText ParseMarkup(const std::string& text, const SourceLoc& loc, bool single_line, base::Diagnostics& diags,
                     const base::BytePlaces& positions) {
  return Parser(text, loc, single_line, diags, positions).Parse();
}

}  // namespace barometer::model
