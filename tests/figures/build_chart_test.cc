// BuildChart on the ten 2021 figures in both languages: clean, inside the frame, no label over another, every
// drawn value labelled with its formatted number, alt text from the data; and the diagnostics for missing labels
// and rows.
#include <doctest/doctest.h>

#include <algorithm>

#include "figures_fixture.h"

using namespace barometer;
using testing::Build2021;
using testing::Edition2021;
using testing::LabelText;

TEST_CASE("figures: all ten 2021 figures build cleanly in both languages, labels inside the frame, none overlapping") {
  const model::Edition& edition = Edition2021();
  REQUIRE(edition.figures.size() == 10);
  for (const std::string language : {"da", "en"}) {
    for (const auto& [id, spec] : edition.figures) {
      INFO(language << " " << id);
      base::Diagnostics diags;
      figures::Chart chart = Build2021(id, language, diags);
      CHECK(testing::Lines(diags).empty());
      CHECK(chart.figure_id == id);
      CHECK(chart.width == doctest::Approx(testing::WidthOf(edition, spec)));
      CHECK(chart.height > 40);
      if (!spec.page_width) CHECK(chart.height <= 330);
      CHECK(chart.height <= 330);
      CHECK(figures::LabelsOutsideFrame(chart).empty());
      CHECK(figures::OverlappingLabels(chart).empty());
      CHECK_FALSE(chart.alt.empty());
      CHECK(chart.alt.back() == '.');
      for (const figures::Label& label : chart.labels) {
        REQUIRE(label.text);
        CHECK(label.text->line_count() >= 1);
        CHECK(label.right() - label.left() <= chart.width);
      }
      // Every drawn mark carries its value: the formatted values of the marks are among the value labels.
      std::vector<std::string> value_labels;
      for (const figures::Label& label : chart.labels) {
        if (label.role == "value" || label.role == "headline") value_labels.push_back(LabelText(label));
      }
      const base::NumberStyle& numbers = testing::Profile(language).numbers;
      for (const figures::Shape& shape : chart.shapes) {
        if (shape.role != "bar" && shape.role != "segment") continue;
        std::string text = numbers.Percent(shape.value);
        auto it = std::find(value_labels.begin(), value_labels.end(), text);
        CHECK_MESSAGE(it != value_labels.end(), "no value label " << text << " for " << shape.category);
        if (it != value_labels.end()) value_labels.erase(it);
      }
      // The alt text states every value drawn, with what it stands for.
      for (const figures::DrawnValue& v : chart.values) {
        if (!v.has_value) continue;
        CHECK_MESSAGE(chart.alt.find(numbers.Percent(v.value)) != std::string::npos, "alt lacks " << v.value);
        CHECK_MESSAGE(chart.alt.find(v.category_label) != std::string::npos, "alt lacks " << v.category_label);
      }
      // The chart's values are exactly what the table says.
      for (const figures::DrawnValue& v : chart.values) {
        if (!v.has_value || spec.table.empty()) continue;
        const model::Table& table = edition.tables.at(spec.table);
        const model::TableRow* row = table.Find(spec.indicator, v.series, v.category);
        if (!row) row = table.Find(spec.indicator + "-grouped", v.series, v.category);
        REQUIRE(row);
        CHECK(v.value == row->value);
        CHECK(v.n == row->n);
        CHECK(v.category_label == testing::Language(edition, language).figures.at(id).labels.at(v.category));
      }
    }
  }
}

TEST_CASE("figures: the English labels are English and the Danish numbers use a no-break space") {
  base::Diagnostics diags;
  figures::Chart en = Build2021("fig06", "en", diags);
  figures::Chart da = Build2021("fig06", "da", diags);
  REQUIRE(testing::Lines(diags).empty());
  std::vector<std::string> en_texts, da_texts;
  for (const auto& label : en.labels) en_texts.push_back(LabelText(label));
  for (const auto& label : da.labels) da_texts.push_back(LabelText(label));
  CHECK(std::count(en_texts.begin(), en_texts.end(), "Employees hindered the innovation") == 1);
  CHECK(std::count(en_texts.begin(), en_texts.end(), "86%") == 1);
  CHECK(std::count(da_texts.begin(), da_texts.end(), "Medarbejderne hæmmede innovationen") == 1);
  CHECK(std::count(da_texts.begin(), da_texts.end(), "86\u00A0%") == 1);
}

TEST_CASE("figures: the generated alt text names the chart and every value, in its language, unless overridden") {
  base::Diagnostics diags;
  CHECK(Build2021("fig10", "en", diags).alt ==
        "Bar chart of \u201CCollaboration with private companies\u201D for 3 groups; the largest value is 38%"
        " (\u201CInnovations with new technology\u201D) and the smallest 12% (\u201CNon-technological innovat"
        "ions\u201D). The values: \u201CInnovations with new technology\u201D 38%, \u201CInnovations with kno"
        "wn technology only\u201D 26% and \u201CNon-technological innovations\u201D 12%.");
  CHECK(Build2021("fig10", "da", diags).alt ==
        "Liggende s\u00F8jlediagram over \u00BBSamarbejde med private virksomheder\u00AB for 3 grupper; den s"
        "t\u00F8rste v\u00E6rdi er 38\u00A0% (\u00BBInnovationer med ny teknologi\u00AB), og den mindste er 1"
        "2\u00A0% (\u00BBIkke-teknologiske innovationer\u00AB). V\u00E6rdierne: \u00BBInnovationer med ny tek"
        "nologi\u00AB 38\u00A0%, \u00BBInnovationer med udelukkende kendt teknologi\u00AB 26\u00A0% og \u00BB"
        "Ikke-teknologiske innovationer\u00AB 12\u00A0%.");
  CHECK(Build2021("fig01", "en", diags).alt ==
        "Donut chart of \u201CAll innovations\u201D across 4 answers; the largest share is 34% (\u201CTechnol"
        "ogy is only a minor part of the innovation\u201D) and the smallest 10% (\u201CThe innovation is itse"
        "lf a technological solution\u201D); the group \u201CTechnological innovations\u201D totals 34%. The "
        "values: \u201CThe innovation is itself a technological solution\u201D 10%, \u201CTechnology is an im"
        "portant part of the innovation\u201D 25%, \u201CTechnology is only a minor part of the innovation"
        "\u201D 34%, \u201CTechnology plays no part in the innovation\u201D 26% and \u201CTechnological innov"
        "ations\u201D 34%.");
  CHECK(Build2021("fig04", "en", diags).alt ==
        "Column chart comparing \u201CTechnological innovations\u201D and \u201CNon-technological innovations"
        "\u201D across 5 categories; the largest value is 72% (\u201CNon-technological innovations\u201D, "
        "\u201CQuality\u201D) and the smallest 28% (\u201CNon-technological innovations\u201D, \u201CCitizen "
        "involvement\u201D). The values: \u201CQuality\u201D: \u201CTechnological innovations\u201D 60% and "
        "\u201CNon-technological innovations\u201D 72% (a difference of 12 percentage points); \u201CEfficien"
        "cy\u201D: \u201CTechnological innovations\u201D 47% and \u201CNon-technological innovations\u201D 35"
        "% (a difference of 12 percentage points); \u201CEmployee satisfaction\u201D: \u201CTechnological inn"
        "ovations\u201D 40% and \u201CNon-technological innovations\u201D 51% (a difference of 11 percentage "
        "points); \u201CCitizen involvement\u201D: \u201CTechnological innovations\u201D 33% and \u201CNon-te"
        "chnological innovations\u201D 28% (a difference of 5 percentage points); \u201CPolicy goals\u201D: "
        "\u201CTechnological innovations\u201D 31% and \u201CNon-technological innovations\u201D 35% (a diffe"
        "rence of 4 percentage points).");
  CHECK(testing::Lines(diags).empty());

  const model::Edition& edition = Edition2021();
  const model::FigureSpec& spec = edition.figures.at("fig07");
  model::FigureText text = testing::Language(edition, "en").figures.at("fig07");
  text.alt = "Written by hand.";
  auto& tools = testing::Tools("en");
  figures::Chart chart = figures::BuildChart(spec, &edition.tables.at(spec.table), text, 229.6,
                                             tools.Context(edition.design), diags);
  CHECK(chart.alt == "Written by hand.");
}

TEST_CASE("figures: a missing label is a diagnostic at the figure's entry in the language file") {
  const model::Edition& edition = Edition2021();
  const model::FigureSpec& spec = edition.figures.at("fig04");
  model::FigureText text = testing::Language(edition, "en").figures.at("fig04");
  text.labels.erase("quality");
  base::Diagnostics diags;
  auto& tools = testing::Tools("en");
  figures::Chart chart = figures::BuildChart(spec, &edition.tables.at(spec.table), text, 479.3,
                                             tools.Context(edition.design), diags);
  CHECK(testing::Lines(diags) ==
        std::vector<std::string>{BAROMETER_SOURCE_DIR
                                 "/content/2021/en/figures.yaml:86:1: error: figure 'fig04' has no label for 'quality'"});
  // The chart is still drawn (with the id as its label) so every problem of a run is reported at once.
  CHECK(chart.values.size() == 10);
}

TEST_CASE("figures: a category the table lacks is a diagnostic at the spec") {
  const model::Edition& edition = Edition2021();
  model::FigureSpec spec = edition.figures.at("fig09");
  spec.categories = {"public-same-sectr"};
  model::FigureText text = testing::Language(edition, "en").figures.at("fig09");
  text.labels["public-same-sectr"] = "Typo";
  base::Diagnostics diags;
  auto& tools = testing::Tools("en");
  figures::BuildChart(spec, &edition.tables.at(spec.table), text, 229.6, tools.Context(edition.design), diags);
  const std::string prefix = BAROMETER_SOURCE_DIR "/content/2021/figures.yaml:127:1: error: figure 'fig09': table "
                                                  "'fig09-same-sector' has no row for indicator 'collaboration-partner', ";
  CHECK(testing::Lines(diags) == std::vector<std::string>{
                                     prefix + "series 'new-technology', category 'public-same-sectr'",
                                     prefix + "series 'known-technology', category 'public-same-sectr'",
                                     prefix + "series 'non-technological', category 'public-same-sectr'",
                                 });
}

TEST_CASE("figures: all twenty charts of the 2021 edition build without a problem") {
  // How long they take is measured by `make bench` (stage "figures"), not here.
  const model::Edition& edition = Edition2021();
  base::Diagnostics diags;
  int charts = 0;
  for (const std::string language : {"da", "en"}) {
    for (const auto& entry : edition.figures) {
      figures::Chart chart = Build2021(entry.first, language, diags);
      CHECK_FALSE(chart.shapes.empty());
      ++charts;
    }
  }
  CHECK(charts == 20);
  CHECK_FALSE(diags.HasErrors());
}
