// Visiting every inline text of a block: headings, paragraphs, list items, quotes, case stories, tips,
// methodology facts and colophons.
#pragma once

#include <type_traits>
#include <variant>

#include "model/edition.h"

namespace barometer::model {

/// Calls `visit` on every RichText of a block (const or not), a case's story included, so checks and passes over
/// text see all of them.
template <typename BlockT, typename F>
void ForEachText(BlockT& block, F&& visit) {
  std::visit(
      [&](auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
          visit(c.text);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          for (auto& item : c.items) visit(item);
        } else if constexpr (std::is_same_v<T, PullQuote>) {
          visit(c.text);
          visit(c.attribution);
        } else if constexpr (std::is_same_v<T, CaseStory>) {
          visit(c.lede);
          for (auto& p : c.before) visit(p);
          for (auto& p : c.now) visit(p);
          for (auto& part : c.story) ForEachText(part, visit);
          visit(c.nomination);
          if (c.link) visit(c.link->text);
        } else if constexpr (std::is_same_v<T, TipsBox>) {
          visit(c.title);
          visit(c.intro);
          for (auto& tip : c.items) {
            visit(tip.title);
            visit(tip.body);
          }
        } else if constexpr (std::is_same_v<T, Methodology>) {
          for (auto& fact : c.facts) {
            visit(fact.label);
            visit(fact.value);
          }
        } else if constexpr (std::is_same_v<T, Colophon>) {
          for (auto& p : c.about) visit(p);
          for (auto& link : c.links) visit(link.text);
        }
      },
      block.content);
}

}  // namespace barometer::model
