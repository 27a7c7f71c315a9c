// End to end: builds the invented second edition of tests/fixtures/next/ (a case told as a story, untitled
// sections, per-group bases, pair significance, captions, sources, an unnamed single series, no ISBN, no series
// name) and reads the PDFs back with pdftotext and the workbooks with openpyxl.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <string>

#include <unistd.h>

#include "shell.h"

namespace {

using barometer::testing::Run;
using barometer::testing::Shell;

const std::string& OutDir() {
  static const std::string dir = [] {
    std::string out = barometer::testing::ProcessScratchFolder("next");
    Run run = Shell(std::string(BAROMETER_BINARY) + " build " BAROMETER_SOURCE_DIR "/tests/fixtures/next --out " + out);
    if (run.status != 0) FAIL("build failed: " << run.out);
    return out;
  }();
  return dir;
}

// The PDF's text with line breaks and soft hyphens joined, as a reader's search sees it.
std::string Text(const std::string& lang) {
  std::string text =
      Shell("pdftotext -enc UTF-8 " + OutDir() + "/service-barometer-2023-" + lang + ".pdf -").out;
  text = std::regex_replace(text, std::regex("\u00AD\n"), "");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

std::string Cells(const std::string& lang) {
  return Shell("/usr/bin/python3 " BAROMETER_SOURCE_DIR "/tests/e2e/read_next_workbook.py " + OutDir() +
               "/service-barometer-2023-appendix-" + lang + ".xlsx")
      .out;
}

size_t Count(const std::string& text, const std::string& word) {
  size_t count = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++count;
  return count;
}

// True when every string of `words` occurs in `text`, in this order.
bool InOrder(const std::string& text, const std::vector<std::string>& words) {
  size_t at = 0;
  for (const std::string& word : words) {
    at = text.find(word, at);
    if (at == std::string::npos) {
      MESSAGE("not found in order: " << word);
      return false;
    }
    at += word.size();
  }
  return true;
}

}  // namespace

TEST_CASE("next edition: the cover has no lone year, the edition notice and the edition's publisher, and no ISBN") {
  // Page 1 only: an edition outside a series prints no series line, so no year stands alone on its cover.
  auto cover = [](const std::string& lang) {
    return Shell("pdftotext -enc UTF-8 -f 1 -l 1 " + OutDir() + "/service-barometer-2023-" + lang + ".pdf -").out;
  };
  const std::string en = cover("en");
  CHECK(InOrder(en, {"Data in everyday public", "How public workplaces use data", "Revised edition, June 2023", "Nordby Institute for Public Services"}));
  CHECK(en.find("2023") == en.find("June 2023") + 5);  // the year only in the edition notice
  CHECK(Text("en").find("ISBN") == std::string::npos);
  const std::string da = cover("da");
  CHECK(InOrder(da, {"Data i den daglige", "Revideret udgave, juni 2023"}));
  CHECK(da.find("2023") == da.find("juni 2023") + 5);
  CHECK(Text("da").find("ISBN") == std::string::npos);
}

TEST_CASE("next edition: an untitled section is named in the contents by its tips box, the back cover is not") {
  const std::string en = Text("en");
  const size_t contents_end = en.find("About the survey");
  REQUIRE(contents_end != std::string::npos);
  const std::string contents = en.substr(0, contents_end + 40);
  CHECK(InOrder(contents, {"Contents", "Data has become part of everyday work", "Three steps to better data",
                           "A small library learns what its visitors need", "What data gives", "About the survey"}));
  // The tips box's title is printed once in the body (not again as a section title), once in the contents.
  CHECK(Count(en, "Three steps to better data") == 2);
  CHECK(Count(Text("da"), "Tre skridt til bedre data") == 2);
  // The untitled tips box of the analysis prints its tips but no heading or giver line.
  CHECK(InOrder(en, {"Ask early", "Keep it small"}));
  CHECK(en.find("Tips from") == std::string::npos);
}

TEST_CASE("next edition: a case told as a story keeps its contacts and link after the whole story") {
  for (const auto& [lang, words] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"en",
            {"Nordby Library counted its visitors", "It began with a question", "What changed",
             "We stopped guessing", "Start with one question",
             "plan opening hours together", "Read more invented cases", "Contact", "Alex Example, Head of library"}},
           {"da",
            {"Nordby Bibliotek talte", "Det begyndte med et spørgsmål", "Det ændrede sig", "Vi holdt op med at gætte",
             "Begynd med ét spørgsmål", "planlægge åbningstider sammen",
             "Læs flere opdigtede cases", "Kontakt", "Alex Eksempel, Biblioteksleder"}}}) {
    INFO("language " << lang);
    const std::string text = Text(lang);
    CHECK(InOrder(text, words));
    // The story's figure sits in a column of its own, so pdftotext may read it beside the text; it is there.
    CHECK(text.find(lang == "en" ? "Figure 4. Spreadsheets are still the most used tool"
                                 : "Figur 4. Regneark er stadig det mest brugte værktøj") != std::string::npos);
    // No "Before"/"Now" headings: the story has its own.
    CHECK(text.find(lang == "en" ? "Before" : "Før") == std::string::npos);
  }
}

TEST_CASE("next edition: captions, per-group bases, pair significance and sources are printed under each figure") {
  const std::string en = Text("en");
  CHECK(InOrder(en, {"Figure 1. Almost half of workplaces use data every day",
                     "How often the workplace uses data in its case work.", "Every day",
                     "Source: Service Barometer survey 2023, invented for the tests"}));
  CHECK(InOrder(en, {"Figure 2. State workplaces lean on shared registers",
                     "The main source of data, by type of workplace.", "Shared registers",
                     "Base (unweighted n): State workplaces 412; Municipal workplaces 792.",
                     "The difference between State workplaces and Municipal workplaces is significant (p < 0.05).",
                     "Source: Service Barometer survey 2023"}));
  CHECK(InOrder(en, {"Figure 5.", "Base (unweighted n): State 412; Municipal 792; Regional 233.",
                     "The difference between State and Regional is significant (p < 0.05)."}));
  // An unnamed single series: its figure title is printed once (not again in the donut's hole).
  CHECK(Count(en, "Almost half of workplaces use data every day") == 1);
  CHECK(Count(en, "Spreadsheets are still the most used tool") == 1);

  const std::string da = Text("da");
  CHECK(InOrder(da, {"Figur 2. Statslige arbejdspladser støtter sig til fælles registre",
                     "Den vigtigste kilde til data efter type af arbejdsplads.",
                     "Grundlag (uvejet n): Statslige arbejdspladser 412; Kommunale arbejdspladser 792.",
                     "Forskellen mellem Statslige arbejdspladser og Kommunale arbejdspladser er signifikant (p < 0,05).",
                     "Kilde: Servicebarometerets undersøgelse 2023"}));
  CHECK(Count(da, "Næsten halvdelen af arbejdspladserne bruger data hver dag") == 1);
}

TEST_CASE("next edition: a group's base is cited from the figure spec in the text") {
  CHECK(Text("en").find("such as the 412 state workplaces of Figure 2") != std::string::npos);
  CHECK(Text("da").find("fx de 412 statslige arbejdspladser i figur 2") != std::string::npos);
  CHECK(Text("en").find("1,437 invented workplaces") != std::string::npos);
}

TEST_CASE("next edition: the colophon opens with the title, subtitle and edition notice, without an ISBN line") {
  const std::string en = Text("en");
  CHECK(InOrder(en, {"The Service Barometer is an invented publication",
                     "Data in everyday public services. How public workplaces use data", "Revised edition, June 2023",
                     "Published by: Nordby Institute for Public Services", "Published: 15 June 2023"}));
}

TEST_CASE("next edition: the workbooks carry captions, group bases, pair notes and each figure's source") {
  const std::string en = Cells("en");
  INFO(en.substr(0, 4000));
  CHECK(en.find("Figure 2!A") != std::string::npos);
  CHECK(en.find("\tThe main source of data, by type of workplace.") != std::string::npos);
  CHECK(en.find("\tBase of each group (unweighted n): State workplaces 412; Municipal workplaces 792") !=
        std::string::npos);
  CHECK(en.find("\tSource: Service Barometer survey 2023, invented for the tests") != std::string::npos);
  CHECK(en.find("\tFigure 2: The difference between State workplaces and Municipal workplaces is significant (p < "
                "0.05).") != std::string::npos);
  // Groups with their own bases: a column of n beside each group's shares, from the table's n.
  CHECK(en.find("\tState workplaces, n (unweighted)") != std::string::npos);
  // The unnamed single series takes the figure's title as its column header.
  CHECK(en.find("\tAlmost half of workplaces use data every day (%)") != std::string::npos);
  // A figure without a source of its own keeps the edition's source line.
  CHECK(en.find("\tSource: The Service Barometer, Nordby Institute for Public Services") != std::string::npos);

  const std::string da = Cells("da");
  CHECK(da.find("\tGrundlag for hver gruppe (uvejet n): Statslige arbejdspladser 412; Kommunale arbejdspladser 792") !=
        std::string::npos);
  CHECK(da.find("\tKilde: Servicebarometerets undersøgelse 2023") != std::string::npos);
  CHECK(da.find("Forskellen mellem Statslige arbejdspladser og Kommunale arbejdspladser er signifikant") !=
        std::string::npos);
}
