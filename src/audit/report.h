// A diff report for people and tools: the CI summary (one line per change, then a total), JSON, and one
// self-contained HTML page to send on (images embedded, no scripts, no network).
#pragma once

#include <string>

#include "audit/diff.h"

namespace barometer::audit {

std::string FormatText(const DiffReport& report);
std::string FormatJson(const DiffReport& report);
/// Needs the report made with DiffOptions::thumbnails for the images.
std::string FormatHtml(const DiffReport& report);

/// A number as the tables write it: '.' decimals, as few digits as it needs.
std::string FormatValue(const std::optional<double>& value);

}  // namespace barometer::audit
