// The command table and its parser: --opt=value and --opt value, did-you-mean for options and commands, and the
// exact usage errors, help, man page and completion script made from the same table.
#include "cli/command_line.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/commands.h"

using namespace barometer::cli;

namespace {

// Parses, and returns the usage error's message and hints joined by " | ", or "" when it parsed.
std::string ErrorOf(const std::vector<std::string>& args) {
  Invocation inv;
  try {
    Parse(Barometer(), args, &inv);
  } catch (const UsageError& e) {
    std::string out = e.what();
    for (const std::string& hint : e.hints) out += " | " + hint;
    return out;
  }
  return "";
}

}  // namespace

TEST_CASE("command line: values after '=' or as the next argument") {
  Invocation a, b;
  REQUIRE(Parse(Barometer(), {"build", "content/2021", "--out=output/2021", "--lang=en", "-q"}, &a) == Request::kRun);
  REQUIRE(Parse(Barometer(), {"build", "--lang", "en", "--out", "output/2021", "content/2021", "--quiet"}, &b) ==
          Request::kRun);
  for (const Invocation* inv : {&a, &b}) {
    CHECK(inv->command->name == "build");
    CHECK(inv->operand == "content/2021");
    CHECK(inv->Value("--out") == "output/2021");
    CHECK(inv->Value("--lang") == "en");
    CHECK(inv->Has("--quiet"));
    CHECK_FALSE(inv->Has("--serial"));
  }
  Invocation c;
  REQUIRE(Parse(Barometer(), {"check", "--", "-odd-folder"}, &c) == Request::kRun);
  CHECK(c.operand == "-odd-folder");
}

TEST_CASE("command line: help and version wherever they are") {
  Invocation inv;
  CHECK(Parse(Barometer(), {"--help"}, &inv) == Request::kHelp);
  CHECK(inv.command == nullptr);
  CHECK(Parse(Barometer(), {"build", "x", "-h"}, &inv) == Request::kHelp);
  REQUIRE(inv.command != nullptr);
  CHECK(inv.command->name == "build");
  CHECK(Parse(Barometer(), {"check", "--version"}, &inv) == Request::kVersion);
  CHECK(Parse(Barometer(), {"help"}, &inv) == Request::kHelp);
  CHECK(inv.command == nullptr);
  CHECK(Parse(Barometer(), {"help", "watch"}, &inv) == Request::kHelp);
  REQUIRE(inv.command != nullptr);
  CHECK(inv.command->name == "watch");
  CHECK(ErrorOf({"help", "wacth"}) == "unknown command 'wacth' | did you mean 'watch'? | commands: build, check, watch, "
                                      "mark-translated, translation-status, new-language, verify, diff, check-pdf, languages, completion");
}

TEST_CASE("command line: usage errors say what is wrong and what would be right") {
  CHECK(ErrorOf({"build", "c", "--out", "o"}) == "");
  CHECK(ErrorOf({}) ==
        "no command given | commands: build, check, watch, mark-translated, translation-status, new-language, verify, diff, check-pdf, languages, completion | run 'barometer "
        "--help' for the options");
  CHECK(ErrorOf({"biuld", "c"}) == "unknown command 'biuld' | did you mean 'build'?");
  CHECK(ErrorOf({"frobnicate"}) ==
        "unknown command 'frobnicate' | commands: build, check, watch, mark-translated, translation-status, new-language, verify, diff, check-pdf, languages, completion");
  CHECK(ErrorOf({"--lang", "en", "build"}) ==
        "the command comes first, before '--lang' | usage: barometer COMMAND CONTENT_DIR [options] | commands: build, "
        "check, watch, mark-translated, translation-status, new-language, verify, diff, check-pdf, languages, completion");
  CHECK(ErrorOf({"build", "c", "--ouput", "o"}) ==
        "unknown option '--ouput' | did you mean '--out'? | run 'barometer build --help' for the options");
  CHECK(ErrorOf({"check", "c", "--seriel"}) ==
        "unknown option '--seriel' | did you mean '--serial'? | run 'barometer check --help' for the options");
  CHECK(ErrorOf({"check", "c", "--out", "o"}) ==
        "'--out' is not an option of 'check' | '--out' is for: build, watch | run 'barometer check --help' for the "
        "options");
  CHECK(ErrorOf({"build", "c"}) == "'build' needs --out OUT_DIR | usage: barometer build CONTENT_DIR --out OUT_DIR "
                                   "[options]");
  CHECK(ErrorOf({"build", "--out", "o"}) == "'build' needs CONTENT_DIR | usage: barometer build CONTENT_DIR --out "
                                            "OUT_DIR [options]");
  CHECK(ErrorOf({"build", "c", "--out"}) ==
        "'--out' needs a value (OUT_DIR) | run 'barometer build --help' for the options");
  CHECK(ErrorOf({"build", "c", "--out", "--lang", "en"}) ==
        "'--out' needs a value (OUT_DIR) | run 'barometer build --help' for the options");
  CHECK(ErrorOf({"build", "c", "--out="}) == "'--out' needs a value (OUT_DIR), not ''");
  CHECK(ErrorOf({"build", "c", "--out", "o", "--out", "p"}) == "'--out' is given twice");
  CHECK(ErrorOf({"check", "c", "--serial=yes"}) == "'--serial' takes no value, but was given 'yes'");
  CHECK(ErrorOf({"check", "c", "d"}) ==
        "unexpected argument 'd' ('check' takes one CONTENT_DIR, and it is 'c') | usage: barometer check CONTENT_DIR "
        "[options]");
  CHECK(ErrorOf({"check", "c", "--diagnostics", "jsn"}) ==
        "'--diagnostics' must be text or json, not 'jsn' | did you mean 'json'?");
  CHECK(ErrorOf({"completion", "zsh"}) == "'completion' knows bash, not 'zsh'");
}

TEST_CASE("command line: help lists every visible command and option, and which commands take an option") {
  const std::string help = HelpText(Barometer());
  CHECK(help.rfind("usage: barometer build CONTENT_DIR --out OUT_DIR [options]\n"
                   "       barometer check CONTENT_DIR [options]\n"
                   "       barometer watch CONTENT_DIR --out OUT_DIR [options]\n",
                   0) == 0);
  CHECK(help.find("  --out OUT_DIR         output folder, outside the content folder (build, watch)\n") !=
        std::string::npos);
  CHECK(help.find("  -q, --quiet           print only diagnostics (build, check, watch, mark-translated, "
                  "translation-status, new-language)\n") != std::string::npos);
  CHECK(help.find("man-page") == std::string::npos);  // a tool's command, not the user's
  const std::string build = HelpText(Barometer(), Barometer().FindCommand("build"));
  CHECK(build.rfind("usage: barometer build CONTENT_DIR --out OUT_DIR [options]\n\nbuild the edition into OUT_DIR", 0) ==
        0);
  CHECK(build.find("--serial") != std::string::npos);
  CHECK(HelpText(Barometer(), Barometer().FindCommand("check")).find("--out") == std::string::npos);
}

TEST_CASE("command line: the man page and the completion script come from the same table") {
  const std::string man = ManPage(Barometer());
  CHECK(man.rfind(".TH BAROMETER 1 \"\" \"barometer " BAROMETER_VERSION "\" \"User Commands\"\n.SH NAME\n", 0) == 0);
  const std::string completion = BashCompletion(Barometer());
  auto roff = [](const std::string& text) {
    std::string escaped;
    for (char c : text) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    return escaped;
  };
  for (const OptionSpec& option : Barometer().options) {
    INFO(option.name);
    CHECK(man.find("\\fB" + roff(option.name) + "\\fR") != std::string::npos);
    CHECK(completion.find(option.name) != std::string::npos);
  }
  for (const CommandSpec& command : Barometer().commands) {
    INFO(command.name);
    CHECK((man.find(".B barometer " + roff(command.name) + "\n") != std::string::npos) != command.hidden);
    CHECK((completion.find("    " + command.name + ")\n") != std::string::npos) != command.hidden);
  }
  CHECK(completion.find("    --out|--templates|--fonts)\n      _filedir -d\n") != std::string::npos);
  CHECK(completion.find("    --diagnostics)\n      COMPREPLY=($(compgen -W 'text json' -- \"$cur\"))\n") !=
        std::string::npos);
}
