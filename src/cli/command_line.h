// A small table-driven command line: commands and options are declared once, in a `ProgramSpec`, and that one
// table drives parsing (`--opt value` and `--opt=value`), "did you mean" for misspelt commands and options, the
// --help text, the man page and the bash completion script.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace barometer::cli {

/// What an option's value is, for bash completion and the man page.
enum class ValueKind {
  kNone,       ///< a flag, or a value the shell cannot guess
  kDirectory,  ///< a folder
  kLanguages,  ///< comma-separated language codes of the edition named on the command line
  kChoice,     ///< one of `OptionSpec::choices`
};

struct OptionSpec {
  std::string name = "";             ///< "--out"
  std::string short_name = "";       ///< "-q", or "" when there is none
  std::string value = "";            ///< the value's name in help ("DIR"); "" for a flag
  std::string help = "";             ///< one line for --help and the man page
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices = {};  ///< the accepted values when `kind` is kChoice
};

struct Invocation;
using CommandFunction = int (*)(const Invocation&);

struct CommandSpec {
  std::string name = "";              ///< "build"
  std::string operand = "";           ///< the operands' names ("CONTENT_DIR", "OLD NEW"), or "" for none
  std::string summary = "";           ///< one line for --help and the man page
  std::vector<std::string> options = {};   ///< long names of the options it accepts (besides --help)
  std::vector<std::string> required = {};  ///< of those, the ones it cannot do without ("--out")
  CommandFunction run = nullptr;
  bool hidden = false;                ///< left out of --help, the man page and completion (tools' commands)
  ValueKind operand_kind = ValueKind::kDirectory;
  std::vector<std::string> operand_choices = {};  ///< the accepted operands when `operand_kind` is kChoice
  int operand_count = 1;              ///< how many operands it takes (all of them required)
};

struct ProgramSpec {
  std::string name;         ///< "barometer"
  std::string version;      ///< "0.1.0"
  std::string summary;      ///< the man page's NAME line
  std::string description;  ///< a paragraph for --help and the man page
  std::string exit_status;  ///< a line for --help and the man page
  /// Further man page sections (title, paragraphs); a paragraph starting with "  " is set as an example.
  std::vector<std::pair<std::string, std::vector<std::string>>> man_sections;
  std::vector<CommandSpec> commands;
  std::vector<OptionSpec> options;

  const CommandSpec* FindCommand(const std::string& name) const;
  const OptionSpec* FindOption(const std::string& name) const;  ///< by long or short name
};

/// A parsed command line.
struct Invocation {
  const ProgramSpec* program = nullptr;
  const CommandSpec* command = nullptr;
  std::string operand;                        ///< "" when none was given (only where the command allows it)
  std::vector<std::string> operands;          ///< every operand, in order (`operand` is the first)
  std::map<std::string, std::string> values;  ///< long option name -> value ("" for a flag)

  bool Has(const std::string& option) const { return values.count(option) > 0; }
  /// The option's value, or `fallback` when it was not given.
  std::string Value(const std::string& option, const std::string& fallback = "") const;
};

/// A mistake on the command line (exit status 2): what is wrong, and hints on how to put it right.
struct UsageError : std::runtime_error {
  explicit UsageError(const std::string& message, std::vector<std::string> hints_in = {})
      : std::runtime_error(message), hints(std::move(hints_in)) {}
  std::vector<std::string> hints;
};

/// What the command line asks for besides running a command.
enum class Request { kRun, kHelp, kVersion };

/// Parses `args` (without the program name). Returns kHelp for `--help`/`-h` anywhere (with `invocation->command`
/// set when a command came first) and for `help [COMMAND]`, kVersion for `--version`; throws UsageError on any
/// mistake.
Request Parse(const ProgramSpec& program, const std::vector<std::string>& args, Invocation* invocation);

/// The --help text: every command, or one command and its options when `command` is set.
std::string HelpText(const ProgramSpec& program, const CommandSpec* command = nullptr);

/// The man page, in roff (man(7) macros). No date, so that it is the same on every build.
std::string ManPage(const ProgramSpec& program);

/// A bash completion script (for bash-completion): commands, each command's options, folders, the values of
/// choice options, and language codes, which it asks `PROGRAM languages CONTENT_DIR` for.
std::string BashCompletion(const ProgramSpec& program);

}  // namespace barometer::cli
