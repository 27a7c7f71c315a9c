// ExportFigure: the three files per figure, byte-identical across runs, and CSVs that hold the table's values.
#include <doctest/doctest.h>

#include <cmath>

#include "exports/figure_exports.h"
#include "../figures/figures_fixture.h"

using namespace barometer;

namespace {

std::vector<std::pair<std::string, std::string>> Export(const std::string& id, const std::string& language) {
  base::Diagnostics diags;
  figures::Chart chart = testing::Build2021(id, language, diags);
  REQUIRE_FALSE(diags.HasErrors());
  return exports::ExportFigure(chart, testing::Edition2021().figures.at(id).number, language,
                               base::NumberStyle::ForLanguage(language));
}

unsigned ReadBigEndian(const std::string& bytes, size_t at) {
  unsigned value = 0;
  for (size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

}  // namespace

TEST_CASE("exports: every 2021 figure gives SVG, 150 dpi PNG and CSV, byte-identical from two separate builds") {
  for (const std::string language : {"da", "en"}) {
    for (const auto& [id, spec] : testing::Edition2021().figures) {
      INFO(language << " " << id);
      auto first = Export(id, language);
      auto second = Export(id, language);  // charts built again from scratch: ids and bytes must not drift
      REQUIRE(first.size() == 3);
      char stem[64];
      std::snprintf(stem, sizeof stem, "figures/%s/figure-%02d", language.c_str(), spec.number);
      CHECK(first[0].first == std::string(stem) + ".svg");
      CHECK(first[1].first == std::string(stem) + ".png");
      CHECK(first[2].first == std::string(stem) + ".csv");
      for (size_t i = 0; i < 3; ++i) CHECK(first[i].second == second[i].second);

      const std::string& svg = first[0].second;
      CHECK(svg.rfind("<?xml", 0) == 0);
      CHECK(svg.find("<svg") != std::string::npos);
      const std::string& png = first[1].second;
      REQUIRE(png.size() > 24);
      CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
      base::Diagnostics diags;
      figures::Chart chart = testing::Build2021(id, language, diags);
      CHECK(ReadBigEndian(png, 16) == static_cast<unsigned>(std::ceil(std::ceil(chart.width) * 150 / 72)));
      CHECK(ReadBigEndian(png, 20) == static_cast<unsigned>(std::ceil(std::ceil(chart.height) * 150 / 72)));
    }
  }
}

TEST_CASE("exports: the CSV holds the table's values with English ids and the language's labels") {
  auto files = Export("fig04", "en");
  CHECK(files[2].second ==
        "category,series,category_label,series_label,value,n\n"
        "quality,technological,Quality,Technological innovations,60,1877\n"
        "quality,non-technological,Quality,Non-technological innovations,72,1877\n"
        "efficiency,technological,Efficiency,Technological innovations,47,1877\n"
        "efficiency,non-technological,Efficiency,Non-technological innovations,35,1877\n"
        "employee-satisfaction,technological,Employee satisfaction,Technological innovations,40,1877\n"
        "employee-satisfaction,non-technological,Employee satisfaction,Non-technological innovations,51,1877\n"
        "citizen-involvement,technological,Citizen involvement,Technological innovations,33,1877\n"
        "citizen-involvement,non-technological,Citizen involvement,Non-technological innovations,28,1877\n"
        "policy-goals,technological,Policy goals,Technological innovations,31,1877\n"
        "policy-goals,non-technological,Policy goals,Non-technological innovations,35,1877\n");
  auto danish = Export("fig01", "da");
  CHECK(danish[2].second ==
        "category,series,category_label,series_label,value,n\n"
        "itself,all,Innovationen er i sig selv en teknologisk løsning,Alle innovationer,10,1877\n"
        "important,all,Teknologi er en vigtig del af innovationen,Alle innovationer,25,1877\n"
        "minor,all,Teknologi er kun en mindre del af innovationen,Alle innovationer,34,1877\n"
        "none,all,Teknologi indgår slet ikke i innovationen,Alle innovationer,26,1877\n"
        "technological,all,Teknologiske innovationer,Alle innovationer,34,1877\n");
}

TEST_CASE("exports: CSV fields with commas and quotes are quoted per RFC 4180 - zone items have no value") {
  auto files = Export("fig02", "en");
  const std::string& csv = files[2].second;
  CHECK(csv.find("\nsensors-iot,new,\"Sensors, Internet of Things (IoT) and smart city\",New technologies,,\n") !=
        std::string::npos);
  CHECK(csv.find("\napps,both,Apps,\"New to some, known to others\",,\n") != std::string::npos);

  figures::Chart chart;
  chart.width = chart.height = 10;
  chart.values.push_back({"a", "b", "Say \"hi\"", "Line\nbreak", 12.5, 40});
  chart.values.push_back({"c", "d", "C", "D", 0.125, 0});
  CHECK(exports::ChartCsv(chart) ==
        "category,series,category_label,series_label,value,n\n"
        "a,b,\"Say \"\"hi\"\"\",\"Line\nbreak\",12.5,40\n"
        "c,d,C,D,0.125,\n");
}

TEST_CASE("exports: plain numbers use '.' and as few digits as needed") {
  CHECK(exports::PlainNumber(34) == "34");
  CHECK(exports::PlainNumber(12.5) == "12.5");
  CHECK(exports::PlainNumber(0.1) == "0.1");
  CHECK(exports::PlainNumber(100) == "100");
  CHECK(exports::PlainNumber(-0.0) == "0");
  CHECK(exports::PlainNumber(1877) == "1877");
}
