// The typed edition: everything the later stages need, read and checked from content/ and templates/.
//
// Plain data only. Every value that came from a file carries its SourceLoc so later stages (check, layout) can
// report problems in compiler form.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/byte_places.h"
#include "base/diagnostics.h"
#include "base/number_style.h"
#include "model/figure_spec.h"
#include "model/template.h"

namespace barometer::model {

using base::SourceLoc;

/// A run of text with one set of inline properties. A paragraph is a list of spans.
struct Span {
  std::string text;       ///< UTF-8; U+00A0 for '~'. Empty for footnote and page references.
  bool emphasis = false;
  bool strong = false;
  std::string link;       ///< target URL when the span is (part of) a link
  std::string footnote;   ///< footnote id when the span is a footnote reference
  std::string page_ref;   ///< section or block id when the span is a page reference @{id}
  /// A number bound to a table, as written between the braces of {fig04/efficiency/technological}; `text` is
  /// the formatted number once the edition is loaded (model/numbers.h).
  std::string number_ref;
  /// The language of a phrase in another language, [text]{lang=code}: the code of a profile in
  /// templates/languages/ as written, and its BCP 47 tag once the edition is loaded; empty for the text's own.
  std::string language, language_tag;
  SourceLoc loc;
  /// Line and column in loc.file of each byte of `text`, when known (one-line scalars and block scalars), so a
  /// check can point at a word in the middle of a paragraph.
  base::BytePlaces byte_positions;
  /// Where byte `offset` of `text` was written: its own place when known, else the span's.
  SourceLoc At(size_t offset) const { return byte_positions.LocOf(offset, loc); }

  bool operator==(const Span&) const = default;
};

/// Inline text parsed from the small markup (see README "Inline markup").
struct RichText {
  std::vector<Span> spans;
  SourceLoc loc;

  bool empty() const { return spans.empty(); }
  /// The visible text without markup (references left out).
  std::string Plain() const;
};

struct Heading {
  int level = 2;  ///< 2 or 3; level 1 is a section title
  RichText text;
};
struct Paragraph {
  RichText text;
};
struct BulletList {
  bool ordered = false;
  std::vector<RichText> items;
};
struct PullQuote {
  RichText text;
  RichText attribution;
};
struct FigureRef {
  std::string figure_id;
};
struct Person {
  std::string name, role, organisation;
  SourceLoc loc;
};
struct Link {
  RichText text;
  std::string url;
};
struct Block;
/// A case: its lede, then its story (the older fixed "before" and "now" parts, or a free sequence of blocks), then
/// the nomination, link and contacts that close it.
struct CaseStory {
  RichText lede;
  std::vector<RichText> before;
  std::vector<RichText> now;
  std::vector<Block> story;  ///< paragraphs, headings, lists, quotes and figures, in reading order
  RichText nomination;
  std::optional<Link> link;
  std::vector<Person> contacts;
};
struct Tip {
  RichText title;
  RichText body;
};
struct TipsBox {
  RichText title;  ///< may be empty: a box that opens its section needs no title of its own
  Person giver;    ///< name empty when the tips have no giver
  RichText intro;
  std::vector<Tip> items;
};
struct Fact {
  RichText label;
  RichText value;
};
struct Methodology {
  std::vector<Fact> facts;
};
struct Colophon {
  std::vector<RichText> about;
  std::vector<Link> links;
  bool show_title = false;  ///< the imprint starts with the publication's title and subtitle
};

using BlockContent = std::variant<Heading, Paragraph, BulletList, PullQuote, FigureRef, CaseStory, TipsBox,
                                  Methodology, Colophon>;

/// The keys that name the block kinds in content files, in the order of BlockContent's alternatives.
const std::vector<std::string>& BlockKindNames();
/// The key that names a block's kind in content files, e.g. "paragraph".
const char* BlockKindName(const BlockContent& content);

struct Block {
  std::string id;  ///< the same in every language
  SourceLoc loc;
  BlockContent content;
};

struct Footnote {
  std::string id;
  RichText text;
  SourceLoc loc;
};

struct Section {
  std::string id;
  std::string file;
  SourceLoc loc;
  RichText title;  ///< empty when the section has none (see TitleForContents)
  std::string kicker;
  std::string master = "body";
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;  ///< in file order
  /// True when the file could not be read or parsed (its diagnostic says why): the checks that compare it with
  /// other files skip it, so that error is not buried under follow-on ones.
  bool unreadable = false;

  /// The words that name the section in the contents and bookmarks: its title, else the title of a first block
  /// that is a level-2 heading or a titled tips box; empty when there is neither.
  const RichText& TitleForContents() const;
};

/// `pattern` with each {name} replaced by its value ("The difference between {a} and {b} ..."); an unknown
/// {name} stays as written.
std::string FillIn(const std::string& pattern, const std::map<std::string, std::string>& values);

/// The figure's sentence that the difference between a pair of its groups is significant, from the label
/// `significant-pair` with the groups' labels in place of {a} and {b}.
std::string SignificantPairSentence(const std::string& pattern, const FigureText& text,
                                    const std::pair<std::string, std::string>& pair);

/// Calls `visit` on each block of `blocks` and on the blocks inside them (a case's story), in reading order.
template <typename F>
void ForEachBlock(const std::vector<Block>& blocks, F&& visit);

/// A date as far as it is known: month and day may be 0 (only the year is known).
struct Date {
  int year = 0, month = 0, day = 0;
  /// ISO 8601 midnight UTC of the date, unknown parts as 01: "2021-01-01T00:00:00Z".
  std::string IsoTimestamp() const;
  /// Seconds since the epoch of the same instant.
  long long EpochSeconds() const;
};

/// Everything about a language that is not an edition's content, from templates/languages/<code>.yaml (README
/// "Language profiles"): the code knows no language; it reads this.
struct LanguageProfile {
  std::string code;  ///< the file's name without ".yaml"
  std::string file;
  std::string tag;   ///< BCP 47, e.g. "da-DK"
  /// The hyphenation patterns: a file of a Debian hyphen-* package (an absolute path), or one beside the profile.
  std::string dictionary;
  std::string dictionary_package;  ///< that package, named in the error when the file is missing
  SourceLoc dictionary_loc;
  /// The dictionary file's bytes, read through the FileSystem by the loader (libhyphen is given these, never the
  /// path); empty when it could not be read, which the loader has reported.
  std::string dictionary_patterns;
  int min_before = 2, min_after = 3;  ///< letters kept before and after a hyphenation break
  /// The file of words the patterns break badly (beside the profile; empty when it names none), and its words with
  /// their allowed breaks marked '-' (see LoadHyphenationExceptions).
  std::string exceptions_file;
  std::vector<std::string> hyphenation_exceptions;
  base::NumberStyle numbers;
  std::string quote_open, quote_close;
  std::vector<std::string> months;  ///< January first
  std::string date_day, date_month, date_year;  ///< date patterns with {day}, {month}, {year}
  std::map<std::string, std::string> phrases;   ///< what generated alt texts are made of, with {placeholders}
  std::map<std::string, std::string> labels;    ///< default layout and appendix labels
  std::map<std::string, SourceLoc> label_locs;
  SourceLoc loc;

  /// `date` in the language's words ("1. september 2023", "1 September 2023"), as far as it is known.
  std::string FormatDate(const Date& date) const;
  /// The phrase `key` with each {name} replaced by its value; the key itself when the profile lacks it (the
  /// loader reports missing phrases).
  std::string Phrase(const std::string& key, const std::map<std::string, std::string>& values = {}) const;
  /// `text` in the language's quotation marks.
  std::string Quoted(const std::string& text) const { return quote_open + text + quote_close; }
};

/// One language's edition: its metadata and its content.
struct LanguageEdition {
  std::string code;    ///< as in edition.yaml's languages
  std::string locale;  ///< BCP 47 tag for the PDF /Lang; the profile's tag unless edition.yaml sets one
  LanguageProfile profile;
  std::string series, title, subtitle, publisher, isbn, file;
  std::string edition_notice;  ///< "Second edition", "Revised June 2023": on the cover and in the colophon
  std::vector<std::string> keywords;
  SourceLoc loc;
  std::vector<Section> sections;           ///< in edition order
  std::map<std::string, FigureText> figures;  ///< figure id -> texts in this language
  /// Fixed words of the layout ("before", "contents", ...): the profile's defaults, overridden by labels.yaml.
  std::map<std::string, std::string> labels;
  std::map<std::string, SourceLoc> label_locs;  ///< where each label's key is written (labels.yaml or profile)
  std::string labels_file;
  bool labels_unreadable = false;   ///< see Section::unreadable
  bool figures_unreadable = false;  ///< the language's figures.yaml, see Section::unreadable
  /// Where a missing label is reported: the start of labels.yaml's map (the file itself when it has none).
  SourceLoc LabelsLoc() const;
  /// From translation.lock: unit id -> fingerprint of the source text it was translated from (see
  /// check/staleness.h). Empty when the folder has no lock file.
  std::map<std::string, std::string> translation_lock;
  std::map<std::string, SourceLoc> translation_lock_locs;
  std::string translation_lock_file;
};

struct Edition {
  std::string id;
  int year = 0;
  Date publication_date;
  std::string publisher;
  std::string web;
  std::string template_name;
  std::string source_language;
  std::string root;  ///< the content folder
  std::vector<std::string> section_ids;
  std::vector<LanguageEdition> languages;  ///< source language first
  std::map<std::string, FigureSpec> figures;  ///< language-neutral specs by id
  bool figures_unreadable = false;            ///< figures.yaml, see Section::unreadable
  std::map<std::string, Table> tables;        ///< by table name
  Template design;
};

template <typename F>
void ForEachBlock(const std::vector<Block>& blocks, F&& visit) {
  for (const Block& block : blocks) {
    visit(block);
    if (const auto* story = std::get_if<CaseStory>(&block.content)) ForEachBlock(story->story, visit);
  }
}

}  // namespace barometer::model
