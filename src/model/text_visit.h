// Walking a block's contents: every field of every block kind, in one order, so that the passes over text
// (checks, number binding, translation fingerprints) cannot disagree on what a block holds.
#pragma once

#include <type_traits>
#include <variant>

#include "model/edition.h"

namespace barometer::model {

/// Calls `visit` on every field of a block that a reader sees or that changes what is read, in reading order:
/// each RichText, each Person, a heading's level (int), a list's `ordered` (bool), a figure's id and a link's
/// address (std::string), and a case's story blocks (std::vector<Block>, not entered: see ForEachText). Fields
/// keep the block's constness. A new field of a block kind belongs here, so that every pass sees it; switches of
/// presentation alone (a colophon's `show_title`) are no content and are left out.
template <typename BlockT, typename F>
void ForEachField(BlockT& block, F&& visit) {
  std::visit(
      [&](auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, Heading>) {
          visit(c.level);
          visit(c.text);
        } else if constexpr (std::is_same_v<T, Paragraph>) {
          visit(c.text);
        } else if constexpr (std::is_same_v<T, BulletList>) {
          visit(c.ordered);
          for (auto& item : c.items) visit(item);
        } else if constexpr (std::is_same_v<T, PullQuote>) {
          visit(c.text);
          visit(c.attribution);
        } else if constexpr (std::is_same_v<T, FigureRef>) {
          visit(c.figure_id);
        } else if constexpr (std::is_same_v<T, CaseStory>) {
          visit(c.lede);
          for (auto& p : c.before) visit(p);
          for (auto& p : c.now) visit(p);
          visit(c.story);
          visit(c.nomination);
          if (c.link) {
            visit(c.link->text);
            visit(c.link->url);
          }
          for (auto& person : c.contacts) visit(person);
        } else if constexpr (std::is_same_v<T, TipsBox>) {
          visit(c.title);
          visit(c.giver);
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
          for (auto& link : c.links) {
            visit(link.text);
            visit(link.url);
          }
        } else {
          static_assert(!sizeof(T), "a block kind ForEachField does not know");
        }
      },
      block.content);
}

/// Calls `visit` on every RichText of a block (const or not), a case's story included, so checks and passes over
/// text see all of them.
template <typename BlockT, typename F>
void ForEachText(BlockT& block, F&& visit) {
  ForEachField(block, [&](auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, RichText>) {
      visit(field);
    } else if constexpr (std::is_same_v<T, std::vector<Block>>) {
      for (auto& part : field) ForEachText(part, visit);
    }
  });
}

}  // namespace barometer::model
