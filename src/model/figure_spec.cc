#include "model/figure_spec.h"

namespace barometer::model {
namespace {

struct KindName {
  ChartKind kind;
  const char* name;
};
constexpr KindName kKinds[] = {
    {ChartKind::kDonut, "donut"},
    {ChartKind::kStackedBar, "stacked-bar"},
    {ChartKind::kGroupedColumns, "grouped-columns"},
    {ChartKind::kCitizenRoles, "citizen-roles"},
    {ChartKind::kPromoteHinder, "promote-hinder"},
    {ChartKind::kDiverging, "diverging"},
    {ChartKind::kGroupedBars, "grouped-bars"},
    {ChartKind::kBars, "bars"},
    {ChartKind::kZones, "zones"},
};

}  // namespace

bool ParseChartKind(const std::string& name, ChartKind* kind) {
  for (const KindName& k : kKinds) {
    if (name == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

std::vector<std::string> ChartKindNames() {
  std::vector<std::string> names;
  for (const KindName& k : kKinds) names.push_back(k.name);
  return names;
}

std::optional<std::string> FigureLabel(const FigureSpec& spec, const FigureText& text, const std::string& id) {
  auto it = text.labels.find(id);
  if (it != text.labels.end()) return it->second;
  if (!spec.show_series_name && spec.series.size() == 1 && id == spec.series.front()) return text.title;
  return std::nullopt;
}

const TableRow* GroupRow(const Table& table, const FigureSpec& spec, const std::string& series) {
  const std::string grouped = spec.indicator + "-grouped";
  const TableRow* found = nullptr;
  for (const TableRow& row : table.rows) {
    if (row.indicator != grouped || row.series != series) continue;
    if (found) return nullptr;
    found = &row;
  }
  return found;
}

}  // namespace barometer::model
