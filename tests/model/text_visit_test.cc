// One walk over a block's fields: what ForEachField visits, in which order, and that ForEachText enters a case's
// story.
#include "model/text_visit.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace barometer::model;

namespace {

RichText Text(const std::string& words) {
  RichText text;
  text.spans.push_back(Span{});
  text.spans.back().text = words;
  return text;
}

Block MakeBlock(const std::string& id, BlockContent content) { return Block{id, {}, std::move(content)}; }

// Each field ForEachField visits, as "kind:value".
std::vector<std::string> Fields(const Block& block) {
  std::vector<std::string> out;
  ForEachField(block, [&](const auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, RichText>) {
      out.push_back("text:" + field.Plain());
    } else if constexpr (std::is_same_v<T, Person>) {
      out.push_back("person:" + field.name);
    } else if constexpr (std::is_same_v<T, int>) {
      out.push_back("int:" + std::to_string(field));
    } else if constexpr (std::is_same_v<T, bool>) {
      out.push_back(field ? "bool:1" : "bool:0");
    } else if constexpr (std::is_same_v<T, std::string>) {
      out.push_back("string:" + field);
    } else if constexpr (std::is_same_v<T, std::vector<Block>>) {
      out.push_back("blocks:" + std::to_string(field.size()));
    }
  });
  return out;
}

}  // namespace

TEST_CASE("text visit: every field of every block kind, in reading order") {
  using V = std::vector<std::string>;
  CHECK(Fields(MakeBlock("h", Heading{3, Text("Title")})) == V{"int:3", "text:Title"});
  CHECK(Fields(MakeBlock("p", Paragraph{Text("Body")})) == V{"text:Body"});
  CHECK(Fields(MakeBlock("l", BulletList{true, {Text("one"), Text("two")}})) ==
        V{"bool:1", "text:one", "text:two"});
  CHECK(Fields(MakeBlock("q", PullQuote{Text("Said"), Text("Who")})) == V{"text:Said", "text:Who"});
  CHECK(Fields(MakeBlock("f", FigureRef{"fig01"})) == V{"string:fig01"});

  CaseStory story;
  story.lede = Text("Lede");
  story.before = {Text("Before")};
  story.now = {Text("Now")};
  story.story = {MakeBlock("s1", Paragraph{Text("Inside")})};
  story.nomination = Text("Nominated");
  story.link = Link{Text("Read more"), "https://example.org"};
  story.contacts = {Person{"Ann", "Chief", "Agency", {}}};
  CHECK(Fields(MakeBlock("c", story)) == V{"text:Lede", "text:Before", "text:Now", "blocks:1", "text:Nominated",
                                           "text:Read more", "string:https://example.org", "person:Ann"});

  TipsBox tips;
  tips.title = Text("Tips");
  tips.giver = Person{"Bo", "", "", {}};
  tips.intro = Text("Intro");
  tips.items = {Tip{Text("First"), Text("Do it")}};
  CHECK(Fields(MakeBlock("t", tips)) == V{"text:Tips", "person:Bo", "text:Intro", "text:First", "text:Do it"});

  CHECK(Fields(MakeBlock("m", Methodology{{Fact{Text("Sample"), Text("1,877")}}})) ==
        V{"text:Sample", "text:1,877"});
  Colophon colophon;
  colophon.about = {Text("About")};
  colophon.links = {Link{Text("Web"), "https://example.org/web"}};
  CHECK(Fields(MakeBlock("co", colophon)) == V{"text:About", "text:Web", "string:https://example.org/web"});
}

TEST_CASE("text visit: ForEachText sees a case's story in its place and may change what it visits") {
  CaseStory story;
  story.lede = Text("Lede");
  story.now = {Text("Now")};
  story.story = {MakeBlock("s1", Paragraph{Text("Inside")}), MakeBlock("s2", Heading{2, Text("Sub")})};
  story.nomination = Text("Nominated");
  Block block = MakeBlock("c", story);
  std::vector<std::string> seen;
  ForEachText(block, [&](RichText& text) {
    seen.push_back(text.Plain());
    text.spans.front().text += "!";
  });
  CHECK(seen == std::vector<std::string>{"Lede", "Now", "Inside", "Sub", "Nominated"});
  const Block& changed = block;
  seen.clear();
  ForEachText(changed, [&](const RichText& text) { seen.push_back(text.Plain()); });
  CHECK(seen == std::vector<std::string>{"Lede!", "Now!", "Inside!", "Sub!", "Nominated!"});
}
