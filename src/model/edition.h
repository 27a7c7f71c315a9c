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

#include "base/diagnostics.h"
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
  SourceLoc loc;

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
struct CaseStory {
  RichText lede;
  std::vector<RichText> before;
  std::vector<RichText> now;
  RichText nomination;
  std::optional<Link> link;
  std::vector<Person> contacts;
};
struct Tip {
  RichText title;
  RichText body;
};
struct TipsBox {
  RichText title;
  Person giver;
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
};

using BlockContent = std::variant<Heading, Paragraph, BulletList, PullQuote, FigureRef, CaseStory, TipsBox,
                                  Methodology, Colophon>;

/// The key that names a block kind in content files, e.g. "paragraph".
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
  RichText title;
  std::string kicker;
  std::string master = "body";
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;  ///< in file order
  /// True when the file could not be read or parsed (its diagnostic says why): the checks that compare it with
  /// other files skip it, so that error is not buried under follow-on ones.
  bool unreadable = false;
};

/// A date as far as it is known: month and day may be 0 (only the year is known).
struct Date {
  int year = 0, month = 0, day = 0;
  /// ISO 8601 midnight UTC of the date, unknown parts as 01: "2021-01-01T00:00:00Z".
  std::string IsoTimestamp() const;
  /// Seconds since the epoch of the same instant.
  long long EpochSeconds() const;
};

/// One language's edition: its metadata and its content.
struct LanguageEdition {
  std::string code;    ///< "da"
  std::string locale;  ///< BCP 47 tag for the PDF /Lang: "da-DK"
  std::string series, title, subtitle, publisher, isbn, file;
  std::vector<std::string> keywords;
  SourceLoc loc;
  std::vector<Section> sections;           ///< in edition order
  std::map<std::string, FigureText> figures;  ///< figure id -> texts in this language
  std::map<std::string, std::string> labels;  ///< fixed words of the layout ("before", "contents", ...)
  std::map<std::string, SourceLoc> label_locs;  ///< where each label's key is written
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
  /// Words the hyphenation patterns break badly, their allowed breaks marked '-' (see LoadHyphenationExceptions).
  std::vector<std::string> hyphenation_exceptions;
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

}  // namespace barometer::model
