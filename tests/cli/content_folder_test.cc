// Usage checks on the folders and languages given: exact messages, and the nearest edition folders named.
#include "cli/content_folder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "cli/command_line.h"

using namespace barometer::cli;
namespace fs = std::filesystem;

namespace {

template <typename F>
std::string ErrorOf(F&& f) {
  try {
    f();
  } catch (const UsageError& e) {
    std::string out = e.what();
    for (const std::string& hint : e.hints) out += " | " + hint;
    return out;
  }
  return "";
}

// A tree: content/2021 and content/2022 are editions, content/2021/en a language folder, notes/ nothing.
struct Tree {
  Tree() : root(fs::temp_directory_path() / ("barometer-folders-" + std::to_string(getpid()))) {
    fs::remove_all(root);
    for (const char* dir : {"content/2021/en", "content/2021/tables", "content/2022", "notes/a/b"}) {
      fs::create_directories(root / dir);
    }
    std::ofstream(root / "content/2021/edition.yaml") << "languages: {da: {}, en: {}}\nsource_language: da\n";
    std::ofstream(root / "content/2022/edition.yaml") << "languages: {da: {}}\n";
    previous = fs::current_path();
    fs::current_path(root);
  }
  ~Tree() {
    fs::current_path(previous);
    fs::remove_all(root);
  }
  fs::path root, previous;
};

}  // namespace

TEST_CASE("content folder: a folder without edition.yaml names the nearest edition folders") {
  Tree tree;
  CHECK(ErrorOf([] { RequireEditionFolder("content/2021"); }) == "");
  CHECK(ErrorOf([] { RequireEditionFolder("content"); }) ==
        "'content' is not an edition folder: it has no edition.yaml | an edition folder holds edition.yaml, a folder "
        "per language and tables/ | edition folders nearby: content/2021, content/2022");
  CHECK(ErrorOf([] { RequireEditionFolder("content/2021/en"); }) ==
        "'content/2021/en' is not an edition folder: it has no edition.yaml | an edition folder holds edition.yaml, a "
        "folder per language and tables/ | did you mean 'content/2021'?");
  CHECK(ErrorOf([] { RequireEditionFolder("notes/a/b"); }) ==
        "'notes/a/b' is not an edition folder: it has no edition.yaml | an edition folder holds edition.yaml, a "
        "folder per language and tables/");
  CHECK(ErrorOf([] { RequireEditionFolder("content/2012"); }) ==
        "content folder 'content/2012' does not exist | did you mean 'content/2021'?");
  CHECK(NearestEditionFolders(".") == std::vector<std::string>{"content/2021", "content/2022"});
}

TEST_CASE("content folder: languages are the edition's, in any case, each once, none empty") {
  Tree tree;
  barometer::base::RealFileSystem files;
  const std::vector<std::string> known = EditionLanguages(files, "content/2021");
  CHECK(known == std::vector<std::string>{"da", "en"});
  CHECK(EditionSourceLanguage(files, "content/2021") == "da");
  CHECK(EditionLanguages(files, "notes").empty());
  const std::string edition = "content/2021/edition.yaml";
  CHECK(ResolveLanguages("EN", known, edition) == std::vector<std::string>{"en"});
  CHECK(ResolveLanguages("en,Da", known, edition) == std::vector<std::string>{"en", "da"});
  CHECK(ErrorOf([&] { ResolveLanguages("xx", known, edition); }) ==
        "language 'xx' is not in content/2021/edition.yaml | the edition's languages: da, en");
  CHECK(ErrorOf([&] { ResolveLanguages("dk", known, edition); }) ==
        "language 'dk' is not in content/2021/edition.yaml | did you mean 'da'? | the edition's languages: da, en");
  CHECK(ErrorOf([&] { ResolveLanguages("da,", known, edition); }) ==
        "--lang 'da,' has an empty or blank language code | write the codes with commas and no spaces between them, "
        "e.g. --lang da,en");
  CHECK(ErrorOf([&] { ResolveLanguages(",en", known, edition); }) ==
        "--lang ',en' has an empty or blank language code | write the codes with commas and no spaces between them, "
        "e.g. --lang da,en");
  CHECK(ErrorOf([&] { ResolveLanguages("da, en", known, edition); }) ==
        "--lang 'da, en' has an empty or blank language code | write the codes with commas and no spaces between "
        "them, e.g. --lang da,en");
  CHECK(ErrorOf([&] { ResolveLanguages("en,EN", known, edition); }) == "--lang 'en,EN' names language 'en' twice");
}

TEST_CASE("content folder: the output folder may be neither the content folder nor inside it") {
  Tree tree;
  CHECK(ErrorOf([] { RequireOutputOutside("output/2021", "content/2021"); }) == "");
  CHECK(ErrorOf([] { RequireOutputOutside("content/2021-out", "content/2021"); }) == "");
  CHECK(ErrorOf([] { RequireOutputOutside("content/2021/out", "content/2021"); }) ==
        "the output folder 'content/2021/out' is inside the content folder 'content/2021' | choose a folder outside "
        "the content, e.g. --out output/2021");
  CHECK(ErrorOf([] { RequireOutputOutside("content/2021/", "content/2021"); }) ==
        "the output folder 'content/2021/' is the content folder | choose a folder outside the content, e.g. --out "
        "output/2021");
  CHECK(ErrorOf([] { RequireOutputOutside("content/../content/2021/en/x", "content/2021"); }) ==
        "the output folder 'content/../content/2021/en/x' is inside the content folder 'content/2021' | choose a "
        "folder outside the content, e.g. --out output/2021");
}
