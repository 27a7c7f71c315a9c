#include "exports/figure_exports.h"

#include <png.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>
#include <cairo.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "base/number_style.h"
#include "base/xml_escape.h"
#include "exports/chart_svg.h"
#include "render/draw.h"

namespace barometer::exports {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

void CheckStatus(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cairo cannot ") + what + ": " + cairo_status_to_string(status));
  }
}

void PngWrite(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

// Cairo's own PNG writer compresses with zlib's default effort and tries every row filter, which made the PNG
// exports a quarter of the whole build. Flat-coloured charts compress almost as well with a fast setting; with no
// row filter (runs of a colour repeat its three bytes, which zlib finds as well as the zero rows of the "up" filter)
// and a smaller match index the files came out a sixth smaller and zlib did a sixth less work than with "up" and
// zlib's default index.
std::string EncodePng(const unsigned char* pixels, int width, int height, int stride) {
  std::string bytes;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) throw std::runtime_error("libpng cannot start a PNG");
  std::vector<unsigned char> row(static_cast<size_t>(width) * 3 + 1);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("libpng could not write a PNG");
  }
  png_set_write_fn(png, &bytes, PngWrite, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // 150 dpi = 5906 pixels per metre, so viewers show the figure at its printed size.
  png_set_pHYs(png, info, 5906, 5906, PNG_RESOLUTION_METER);
  png_set_compression_level(png, 2);
  png_set_compression_mem_level(png, 6);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    // CAIRO_FORMAT_RGB24 stores each pixel as a native-endian 32-bit 0xXXRRGGBB. Each becomes R, G, B and one
    // byte more, which the next pixel overwrites: one 4-byte store a pixel instead of three single bytes.
    const auto* source = reinterpret_cast<const uint32_t*>(pixels + static_cast<size_t>(y) * stride);
    unsigned char* out = row.data();
    for (int x = 0; x < width; ++x) {
      const uint32_t p = source[x];
      const uint32_t rgb = std::endian::native == std::endian::little ? __builtin_bswap32(p) >> 8 : p << 8;
      std::memcpy(out + 3 * static_cast<size_t>(x), &rgb, sizeof rgb);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return bytes;
}

std::string Png(const figures::Chart& chart) {
  constexpr double kScale = 150.0 / 72.0;
  // 480pt is exactly 1000 px; the tolerance keeps floating-point error from adding a column.
  const int w = static_cast<int>(std::ceil(WholePoints(chart.width) * kScale - 1e-6));
  const int h = static_cast<int>(std::ceil(WholePoints(chart.height) * kScale - 1e-6));
  // White from the start: a surface Cairo allocates is zeroed first, and painting it white went over it again.
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
  std::vector<uint32_t> pixels(static_cast<size_t>(stride / 4) * static_cast<size_t>(h), 0xFFFFFFFF);
  Surface surface(cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(pixels.data()),
                                                      CAIRO_FORMAT_RGB24, w, h, stride));
  CheckStatus(cairo_surface_status(surface.get()), "create the PNG surface");
  {
    Context cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), kScale, kScale);
    render::DrawChart(cr.get(), chart, 0, 0);
    CheckStatus(cairo_status(cr.get()), "draw the PNG");
  }
  cairo_surface_flush(surface.get());
  return EncodePng(reinterpret_cast<const unsigned char*>(pixels.data()), w, h, stride);
}

// RFC 4180: quote a field that holds a comma, a quote or a line break; double the quotes inside.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + CsvField(fields[i]);
  return line + "\n";
}

/// A fixed word of the figure's language; a missing one is an error and shows as its key.
std::string Word(const FigureExport& figure, const std::string& key, base::Diagnostics& diags) {
  auto it = figure.language->labels.find(key);
  if (it != figure.language->labels.end()) return it->second;
  diags.Error(figure.language->LabelsLoc(), "label '" + key + "' is missing; the figure exports need it");
  return key;
}

std::string Label(const FigureExport& figure, const std::string& id) {
  return model::FigureLabel(*figure.spec, *figure.text, id).value_or(id);  // BuildChart reports a missing label
}

/// A value the figure leaves out (excluded answers), from the table.
struct ExcludedValue {
  std::string category, series;
  const model::TableRow* row = nullptr;
};

std::vector<ExcludedValue> Excluded(const FigureExport& figure) {
  std::vector<ExcludedValue> out;
  if (!figure.table) return out;
  for (const std::string& category : figure.spec->excluded) {
    for (const std::string& series : figure.spec->series) {
      if (const model::TableRow* row = figure.table->Find(figure.spec->indicator, series, category)) {
        out.push_back({category, series, row});
      }
    }
  }
  return out;
}

/// The colour the chart draws the mark of (category, series) in; empty when it draws none (a total in a label).
std::string MarkColour(const figures::Chart& chart, const std::string& category, const std::string& series) {
  for (const figures::Shape& shape : chart.shapes) {
    if ((shape.role == "bar" || shape.role == "segment") && shape.category == category && shape.series == series) {
      return HexColour(shape.fill);
    }
  }
  return "";
}

std::string NumberOfFigure(int number) {
  std::string digits = std::to_string(number);
  return digits.size() < 2 ? "0" + digits : digits;
}

}  // namespace

std::string FigureCsv(const FigureExport& figure, base::Diagnostics& diags) {
  std::string out = "\xEF\xBB\xBF";  // the byte-order mark
  const figures::Chart& chart = *figure.chart;
  if (figure.spec->kind == model::ChartKind::kZones) {
    out += CsvLine({Word(figure, "appendix-zone-item", diags), Word(figure, "appendix-zone", diags)});
    for (const figures::DrawnValue& v : chart.values) out += CsvLine({v.category_label, v.series_label});
    return out;
  }
  const std::string shown = Word(figure, "export-shown-yes", diags);
  out += CsvLine({Word(figure, "appendix-category", diags), Word(figure, "export-series", diags),
                  Word(figure, "export-share", diags), Word(figure, "appendix-base", diags),
                  Word(figure, "export-shown", diags)});
  for (const figures::DrawnValue& v : chart.values) {
    out += CsvLine(
        {v.category_label, v.series_label, base::PlainNumber(v.value), v.n > 0 ? std::to_string(v.n) : "", shown});
  }
  const std::string excluded = Word(figure, "export-shown-excluded", diags);
  for (const ExcludedValue& v : Excluded(figure)) {
    out += CsvLine({Label(figure, v.category), Label(figure, v.series), base::PlainNumber(v.row->value),
                    std::to_string(v.row->n), excluded});
  }
  return out;
}

std::string FigureJson(const FigureExport& figure, base::Diagnostics& diags) {
  const model::FigureSpec& spec = *figure.spec;
  const model::FigureText& text = *figure.text;
  const figures::Chart& chart = *figure.chart;
  nlohmann::ordered_json json;
  json["figure"] = spec.number;
  json["id"] = spec.id;
  json["language"] = figure.language->locale;
  for (const std::string& name : model::ChartKindNames()) {
    model::ChartKind kind;
    if (model::ParseChartKind(name, &kind) && kind == spec.kind) json["kind"] = name;
  }
  json["title"] = text.title;
  if (!text.caption.empty()) json["caption"] = text.caption;
  json["question"] = text.question;
  json["population"] = text.population;
  if (spec.kind != model::ChartKind::kZones) json["base_n"] = spec.base_n;
  if (!spec.group_base_n.empty()) {
    nlohmann::ordered_json bases;
    for (const auto& [id, n] : spec.group_base_n) bases[id] = n;
    json["base_n_by_series"] = bases;
  }
  if (!spec.significant_pairs.empty()) {
    nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
    for (const auto& [a, b] : spec.significant_pairs) pairs.push_back({a, b});
    json["significant_pairs"] = pairs;
  }
  json["note"] = text.note;
  json["source"] = text.source.empty() ? Word(figure, "source", diags) : text.source;
  json["alt"] = chart.alt;
  if (spec.kind == model::ChartKind::kZones) {
    nlohmann::ordered_json zones = nlohmann::ordered_json::array();
    for (const std::string& zone : spec.zone_order) {
      nlohmann::ordered_json items = nlohmann::ordered_json::array();
      auto found = spec.zones.find(zone);
      if (found != spec.zones.end()) {
        for (const std::string& item : found->second) items.push_back({{"id", item}, {"label", Label(figure, item)}});
      }
      zones.push_back({{"id", zone}, {"label", Label(figure, zone)}, {"items", items}});
    }
    json["zones"] = zones;
    return json.dump(2) + "\n";
  }
  json["unit"] = "percent";
  json["value_header"] = Word(figure, "export-share", diags);
  auto labelled = [&](const std::vector<std::string>& ids) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const std::string& id : ids) list.push_back({{"id", id}, {"label", Label(figure, id)}});
    return list;
  };
  json["categories"] = labelled(spec.categories);
  json["series"] = labelled(spec.series);
  nlohmann::ordered_json values = nlohmann::ordered_json::array();
  for (const figures::DrawnValue& v : chart.values) {
    nlohmann::ordered_json value = {{"category", v.category}, {"series", v.series},
                                    {"category_label", v.category_label}, {"series_label", v.series_label},
                                    {"value", v.value}, {"n", v.n}, {"shown", true}};
    const std::string colour = MarkColour(chart, v.category, v.series);
    if (!colour.empty()) value["colour"] = colour;
    values.push_back(value);
  }
  for (const ExcludedValue& v : Excluded(figure)) {
    values.push_back({{"category", v.category}, {"series", v.series}, {"category_label", Label(figure, v.category)},
                      {"series_label", Label(figure, v.series)}, {"value", v.row->value}, {"n", v.row->n},
                      {"shown", false}});
  }
  json["values"] = values;
  return json.dump(2) + "\n";
}

std::string AccessibleSvg(const std::string& svg, const std::string& locale, const std::string& title,
                          const std::string& description) {
  const size_t root = svg.find("<svg");
  const size_t end = root == std::string::npos ? root : svg.find('>', root);
  if (end == std::string::npos) throw std::runtime_error("the SVG has no root element");
  std::string out = svg.substr(0, end);
  out += " role=\"img\" aria-labelledby=\"figure-title figure-desc\" xml:lang=\"" + base::XmlEscape(locale) + "\">\n";
  out += "<title id=\"figure-title\">" + base::XmlEscape(title) + "</title>\n";
  out += "<desc id=\"figure-desc\">" + base::XmlEscape(description) + "</desc>";
  out += svg.substr(end + 1);
  return out;
}

std::vector<std::pair<std::string, std::string>> ExportFigure(const FigureExport& figure, base::Diagnostics& diags) {
  const std::string stem = "figures/" + figure.language->code + "/figure-" + NumberOfFigure(figure.spec->number);
  const figures::Chart& chart = *figure.chart;
  return {{stem + ".svg", AccessibleSvg(ChartSvg(chart), figure.language->locale, figure.text->title, chart.alt)},
          {stem + ".png", Png(chart)},
          {stem + ".csv", FigureCsv(figure, diags)},
          {stem + ".json", FigureJson(figure, diags)}};
}

}  // namespace barometer::exports
