// Private to figures/: what the bar kinds share (value widths, captions, label columns and rows, the comparing
/// sentence of the alt text). In every bar kind a bar's length is its value times one scale factor per chart (per
/// bar for the 100%-stacked kind), and every bar carries its formatted value.
#pragma once

#include <string>
#include <vector>

#include "figures/chart_kinds.h"

namespace barometer::figures::internal {

/// The height of all of a shaped text's lines.
double TextHeight(const Text& text);

/// The widest formatted value among `values`, so scales can leave room for the labels at the bar ends.
double WidestValue(ChartBuilder& b, const std::vector<double>& values);

/// "{Kind} comparing “A” and “B” across N categories; the largest value is ..." in the chart's language.
std::string CompareSentence(ChartBuilder& b, const char* kind, const std::vector<AltEntry>& entries);

/// A value of one series in one category, for the alt text's extremes.
AltEntry PairEntry(ChartBuilder& b, const std::string& series, const std::string& category, double value);

/// A caption line naming who the single series is ("All innovations"). Returns the height used.
double SeriesCaption(ChartBuilder& b, const std::string& series, double y);

/// The narrowest label column that holds every label of `ids` on as few lines as `limit` allows.
double LabelColumn(ChartBuilder& b, const std::vector<std::string>& ids, double limit);

/// A category's label in the label column, centred on a row at least `marks` tall that holds both the label and
/// the category's marks. Returns the row's height.
double CategoryRow(ChartBuilder& b, const std::string& category, double label_column, double y, double marks);

}  // namespace barometer::figures::internal
