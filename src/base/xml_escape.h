// Text for XML: the writers that patch XML their libraries wrote (SVG titles, workbook chart descriptions).
#pragma once

#include <string>

namespace barometer::base {

/// `text` escaped for XML character data and attribute values: & < > " ' as entities, control characters other
/// than tab, line feed and carriage return (not allowed in XML 1.0) dropped.
std::string XmlEscape(const std::string& text);

}  // namespace barometer::base
