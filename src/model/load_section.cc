// Section files: a title and a list of blocks, each with an id and exactly one kind key.
#include <set>

#include "base/edit_distance.h"
#include "model/load.h"
#include "model/markup.h"
#include "source/input.h"
#include "source/yaml_file.h"

namespace barometer::model {
namespace {

using source::LocOf;
using source::MapReader;

class SectionReader {
 public:
  SectionReader(const source::YamlFile& file, base::Diagnostics& diags) : file_(file), diags_(diags) {}

  RichText Text(const YAML::Node& node, const std::string& what) {
    auto value = source::ScalarString(node, file_.path, diags_, what);
    if (!value) return {};
    if (value->size() > source::kMaxTextBytes) {
      diags_.Error(LocOf(file_.path, node), what + " is too long: " + source::ByteSize(value->size()) +
                                                ", the limit is " + source::ByteSize(source::kMaxTextBytes),
                   {"split it into paragraphs"});
      return {};
    }
    SourceLoc start;
    bool single = file_.InlineScalarStart(node, &start);
    return ParseMarkup(*value, start, single, diags_, single ? base::BytePlaces{} : file_.BlockScalarPositions(node));
  }

  RichText TextKey(MapReader& map, const char* key, bool required) {
    YAML::Node node = map.Node(key, required);
    if (!node.IsDefined()) return {};
    return Text(node, "'" + std::string(key) + "'");
  }

  std::vector<RichText> TextList(MapReader& map, const char* key, bool required) {
    std::vector<RichText> out;
    YAML::Node node = map.Node(key, required);
    if (!node.IsDefined()) return out;
    if (!node.IsSequence()) {
      diags_.Error(LocOf(file_.path, node), "'" + std::string(key) + "' must be a list of paragraphs");
      return out;
    }
    for (const auto& item : node) out.push_back(Text(item, "an item of '" + std::string(key) + "'"));
    return out;
  }

  Person ReadPerson(const YAML::Node& node, const std::string& what) {
    Person person;
    person.loc = LocOf(file_.path, node);
    MapReader map(node, file_.path, diags_, what);
    person.name = map.String("name", true).value_or("");
    person.role = map.String("role", false).value_or("");
    person.organisation = map.String("organisation", false).value_or("");
    return person;
  }

  Link ReadLink(const YAML::Node& node) {
    Link link;
    MapReader map(node, file_.path, diags_, "link");
    link.text = TextKey(map, "text", true);
    link.url = map.String("url", true).value_or("");
    return link;
  }

  std::optional<Block> ReadBlock(const YAML::Node& node) {
    MapReader map(node, file_.path, diags_, "block");
    if (!map.ok()) return std::nullopt;
    Block block;
    block.loc = map.loc();
    block.id = map.String("id", true).value_or("");
    std::vector<std::string> kinds_present;
    for (const std::string& kind : BlockKindNames()) {
      if (map.Has(kind.c_str())) kinds_present.push_back(kind);
    }
    if (kinds_present.size() != 1) {
      if (kinds_present.empty()) {
        // An unknown key is probably a misspelt kind; Finish() will name it with a suggestion.
        diags_.Error(block.loc, "block '" + block.id + "' has no kind; give one of: heading, paragraph, list, quote, "
                                "figure, case, tips, methodology, colophon");
      } else {
        diags_.Error(block.loc, "block '" + block.id + "' has more than one kind ('" + kinds_present[0] + "' and '" +
                                    kinds_present[1] + "')");
      }
      return std::nullopt;
    }
    const std::string& kind = kinds_present[0];
    YAML::Node value = map.Node(kind.c_str(), true);
    if (kind == "heading") {
      Heading heading;
      heading.text = Text(value, "'heading'");
      heading.level = map.Integer("level", false).value_or(2);
      if (heading.level < 2 || heading.level > 3) {
        diags_.Error(LocOf(file_.path, node["level"]), "heading level must be 2 or 3 (level 1 is the section title)");
      }
      block.content = heading;
    } else if (kind == "paragraph") {
      block.content = Paragraph{Text(value, "'paragraph'")};
    } else if (kind == "list") {
      BulletList list;
      list.ordered = map.Bool("ordered", false).value_or(false);
      if (!value.IsSequence() || value.size() == 0) {
        diags_.Error(LocOf(file_.path, value), "'list' must be a list of items");
      } else {
        for (const auto& item : value) list.items.push_back(Text(item, "a list item"));
      }
      block.content = list;
    } else if (kind == "quote") {
      PullQuote quote;
      quote.text = Text(value, "'quote'");
      quote.attribution = TextKey(map, "attribution", false);
      block.content = quote;
    } else if (kind == "figure") {
      block.content = FigureRef{source::ScalarString(value, file_.path, diags_, "'figure'").value_or("")};
    } else if (kind == "case") {
      block.content = ReadCase(value);
    } else if (kind == "tips") {
      block.content = ReadTips(value);
    } else if (kind == "methodology") {
      Methodology methodology;
      if (!value.IsSequence()) {
        diags_.Error(LocOf(file_.path, value), "'methodology' must be a list of {label, value} facts");
      } else {
        for (const auto& item : value) {
          MapReader fact(item, file_.path, diags_, "methodology fact");
          methodology.facts.push_back({TextKey(fact, "label", true), TextKey(fact, "value", true)});
        }
      }
      block.content = methodology;
    } else if (kind == "colophon") {
      Colophon colophon;
      MapReader c(value, file_.path, diags_, "colophon");
      colophon.about = TextList(c, "about", true);
      colophon.show_title = c.Bool("show_title", false).value_or(false);
      YAML::Node links = c.Node("links", false);
      if (links.IsDefined()) {
        if (!links.IsSequence()) {
          diags_.Error(LocOf(file_.path, links), "'links' must be a list of {text, url}");
        } else {
          for (const auto& link : links) colophon.links.push_back(ReadLink(link));
        }
      }
      block.content = colophon;
    }
    return block;
  }

  CaseStory ReadCase(const YAML::Node& node) {
    CaseStory story;
    MapReader map(node, file_.path, diags_, "case");
    story.lede = TextKey(map, "lede", true);
    // A case is told either in the fixed "before" and "now" parts or as a free story of blocks (or both: the
    // story then follows "now").
    const bool has_story = map.Has("story");
    story.before = TextList(map, "before", !has_story);
    story.now = TextList(map, "now", !has_story);
    if (has_story) {
      YAML::Node blocks = map.Node("story", true);
      if (!blocks.IsSequence() || blocks.size() == 0) {
        diags_.Error(LocOf(file_.path, blocks), "'story' must be a list of blocks",
                     {"write each paragraph, heading, list, quote or figure as a block with its own id, as in "
                      "a section's 'blocks'"});
      } else {
        for (const auto& item : blocks) {
          std::optional<Block> block = ReadBlock(item);
          if (!block) continue;
          const char* kind = BlockKindName(block->content);
          if (std::holds_alternative<CaseStory>(block->content) || std::holds_alternative<TipsBox>(block->content) ||
              std::holds_alternative<Methodology>(block->content) ||
              std::holds_alternative<Colophon>(block->content)) {
            diags_.Error(block->loc, "a case's story cannot hold a '" + std::string(kind) + "' block",
                         {"a story holds paragraphs, headings, lists, quotes and figures; put the " +
                          std::string(kind) + " block after the case"});
            continue;
          }
          story.story.push_back(std::move(*block));
        }
      }
    }
    story.nomination = TextKey(map, "nomination", false);
    YAML::Node link = map.Node("link", false);
    if (link.IsDefined()) story.link = ReadLink(link);
    YAML::Node contacts = map.Node("contacts", false);
    if (contacts.IsDefined()) {
      if (!contacts.IsSequence()) {
        diags_.Error(LocOf(file_.path, contacts), "'contacts' must be a list of {name, role, organisation}");
      } else {
        for (const auto& c : contacts) story.contacts.push_back(ReadPerson(c, "contact"));
      }
    }
    return story;
  }

  TipsBox ReadTips(const YAML::Node& node) {
    TipsBox box;
    MapReader map(node, file_.path, diags_, "tips");
    box.title = TextKey(map, "title", false);
    YAML::Node giver = map.Node("giver", false);
    if (giver.IsDefined()) box.giver = ReadPerson(giver, "giver");
    box.intro = TextKey(map, "intro", false);
    YAML::Node items = map.Node("items", true);
    if (items.IsDefined()) {
      if (!items.IsSequence() || items.size() == 0) {
        diags_.Error(LocOf(file_.path, items), "'items' must be a list of {title, body}");
      } else {
        for (const auto& item : items) {
          MapReader tip(item, file_.path, diags_, "tip");
          box.items.push_back({TextKey(tip, "title", true), TextKey(tip, "body", true)});
        }
      }
    }
    return box;
  }

 private:
  const source::YamlFile& file_;
  base::Diagnostics& diags_;
};

}  // namespace

Section LoadSection(const base::FileSystem& fs, const std::string& path, const std::string& expected_id,
                    base::Diagnostics& diags) {
  Section section;
  section.file = path;
  section.id = expected_id;
  source::YamlFile file = source::LoadYaml(fs, path, diags);
  section.unreadable = !file.ok;
  if (!file.ok) return section;
  section.loc = LocOf(path, file.root);
  MapReader map(file.root, path, diags, "section");
  if (!map.ok()) return section;
  SectionReader reader(file, diags);

  YAML::Node id = map.Node("id", true);
  if (id.IsDefined()) {
    std::string value = source::ScalarString(id, path, diags, "'id'").value_or(expected_id);
    if (value != expected_id) {
      diags.Error(LocOf(path, id), "section id '" + value + "' does not match its file name '" + expected_id + "'");
    }
  }
  section.title = reader.TextKey(map, "title", false);
  section.kicker = map.String("kicker", false).value_or("");
  if (auto master = map.String("master", false)) section.master = *master;

  YAML::Node blocks = map.Node("blocks", true);
  std::set<std::string> ids;
  if (blocks.IsDefined()) {
    if (!blocks.IsSequence()) {
      diags.Error(LocOf(path, blocks), "'blocks' must be a list");
    } else {
      for (const auto& node : blocks) {
        std::optional<Block> block = reader.ReadBlock(node);
        if (!block) continue;
        section.blocks.push_back(std::move(*block));
      }
      // Ids are unique in the whole section, a case's story included: page references and translations use them.
      ForEachBlock(section.blocks, [&](const Block& b) {
        if (!b.id.empty() && !ids.insert(b.id).second) diags.Error(b.loc, "duplicate block id '" + b.id + "'");
      });
    }
  }

  YAML::Node footnotes = map.Node("footnotes", false);
  if (footnotes.IsDefined()) {
    if (!footnotes.IsMap()) {
      diags.Error(LocOf(path, footnotes), "'footnotes' must be a map of id: text");
    } else {
      for (const auto& entry : footnotes) {
        Footnote note;
        note.id = entry.first.Scalar();
        note.loc = LocOf(path, entry.first);
        note.text = reader.Text(entry.second, "footnote '" + note.id + "'");
        section.footnotes.push_back(std::move(note));
      }
    }
  }
  return section;
}

}  // namespace barometer::model
