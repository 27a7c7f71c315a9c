// Figure specs and tables as data: chart kind names, finding a row, a figure's labels and its group totals.
#include "model/figure_spec.h"

#include <doctest/doctest.h>

#include <set>

using namespace barometer;

TEST_CASE("figure spec: every chart kind's name reads back as that kind, and nothing else does") {
  const std::vector<std::string> names = model::ChartKindNames();
  CHECK(names.size() == 9);
  std::set<model::ChartKind> kinds;
  for (const std::string& name : names) {
    model::ChartKind kind = model::ChartKind::kBars;
    REQUIRE_MESSAGE(model::ParseChartKind(name, &kind), name);
    kinds.insert(kind);
  }
  CHECK(kinds.size() == names.size());
  model::ChartKind kind = model::ChartKind::kDonut;
  CHECK(model::ParseChartKind("zones", &kind));
  CHECK(kind == model::ChartKind::kZones);
  for (const char* bad : {"", "Bars", "bar", "zones "}) {
    kind = model::ChartKind::kDonut;
    CHECK_FALSE(model::ParseChartKind(bad, &kind));
    CHECK(kind == model::ChartKind::kDonut);  // left as it was
  }
}

TEST_CASE("figure spec: a table row by its three ids, and the single total of a group") {
  model::Table table;
  table.rows = {
      {"share", "a", "yes", 40, 100, {}},
      {"share", "a", "no", 60, 100, {}},
      {"share-grouped", "a", "yes-or-maybe", 70, 100, {}},
      {"share-grouped", "b", "yes-or-maybe", 50, 80, {}},
      {"share-grouped", "b", "other-group", 20, 80, {}},
  };
  REQUIRE(table.Find("share", "a", "no"));
  CHECK(table.Find("share", "a", "no")->value == 60);
  CHECK(table.Find("share", "b", "no") == nullptr);
  CHECK(table.Find("share", "a", "maybe") == nullptr);

  model::FigureSpec spec;
  spec.indicator = "share";
  const model::TableRow* total = model::GroupRow(table, spec, "a");
  REQUIRE(total);
  CHECK(total->category == "yes-or-maybe");
  CHECK(total->value == 70);
  CHECK(model::GroupRow(table, spec, "b") == nullptr);  // two rows: no single total
  CHECK(model::GroupRow(table, spec, "c") == nullptr);  // none
  spec.indicator = "other";
  CHECK(model::GroupRow(table, spec, "a") == nullptr);
}

TEST_CASE("figure spec: a label from the language's texts, or the title for a lone unnamed series") {
  model::FigureSpec spec;
  spec.series = {"all"};
  spec.show_series_name = false;
  model::FigureText text;
  text.title = "Share of workplaces";
  text.labels = {{"yes", "Yes"}};
  CHECK(model::FigureLabel(spec, text, "yes") == std::optional<std::string>("Yes"));
  CHECK(model::FigureLabel(spec, text, "all") == std::optional<std::string>("Share of workplaces"));
  CHECK(model::FigureLabel(spec, text, "no") == std::nullopt);
  spec.show_series_name = true;
  CHECK(model::FigureLabel(spec, text, "all") == std::nullopt);
  spec.show_series_name = false;
  spec.series = {"all", "some"};
  CHECK(model::FigureLabel(spec, text, "all") == std::nullopt);
}
