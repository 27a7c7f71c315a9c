#include "cli/command_line.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "base/edit_distance.h"

namespace barometer::cli {
namespace {

bool StartsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::vector<std::string> VisibleCommandNames(const ProgramSpec& program) {
  std::vector<std::string> names;
  for (const CommandSpec& command : program.commands) {
    if (!command.hidden) names.push_back(command.name);
  }
  return names;
}

bool Accepts(const CommandSpec& command, const std::string& option) {
  return option == "--help" ||
         std::find(command.options.begin(), command.options.end(), option) != command.options.end();
}

// The commands (not hidden) that accept an option, or {} when all of them that take options do.
std::vector<std::string> CommandsWith(const ProgramSpec& program, const std::string& option) {
  std::vector<std::string> with;
  bool all = true;
  for (const CommandSpec& command : program.commands) {
    if (command.hidden || command.options.empty()) continue;
    if (Accepts(command, option)) {
      with.push_back(command.name);
    } else {
      all = false;
    }
  }
  return all ? std::vector<std::string>{} : with;
}

std::string OptionWithValue(const OptionSpec& option) {
  return option.value.empty() ? option.name : option.name + " " + option.value;
}

std::string UsageLine(const ProgramSpec& program, const CommandSpec& command) {
  std::string line = program.name + " " + command.name;
  if (!command.operand.empty()) line += " " + command.operand;
  for (const std::string& name : command.required) line += " " + OptionWithValue(*program.FindOption(name));
  if (command.options.size() > command.required.size()) line += " [options]";
  return line;
}

using base::DidYouMean;

std::string HelpHint(const ProgramSpec& program, const CommandSpec* command) {
  return "run '" + program.name + (command ? " " + command->name : "") + " --help' for the options";
}

// Reads the option at args[*i] into the invocation; moves *i past its value.
void ParseOption(const ProgramSpec& program, const std::vector<std::string>& args, size_t* i, Invocation* inv) {
  const std::string& arg = args[*i];
  const CommandSpec& command = *inv->command;
  std::string name = arg;
  std::string value;
  bool inline_value = false;
  if (StartsWith(arg, "--") && arg.find('=') != std::string::npos) {
    name = arg.substr(0, arg.find('='));
    value = arg.substr(arg.find('=') + 1);
    inline_value = true;
  }
  const OptionSpec* option = program.FindOption(name);
  if (!option) {
    std::vector<std::string> own, all;
    for (const OptionSpec& o : program.options) {
      all.push_back(o.name);
      if (Accepts(command, o.name)) own.push_back(o.name);
    }
    std::vector<std::string> hints = DidYouMean(name, own);
    if (hints.empty()) hints = DidYouMean(name, all);
    hints.push_back(HelpHint(program, &command));
    throw UsageError("unknown option '" + name + "'", hints);
  }
  if (!Accepts(command, option->name)) {
    throw UsageError("'" + option->name + "' is not an option of '" + command.name + "'",
                     {"'" + option->name + "' is for: " + Join(CommandsWith(program, option->name), ", "),
                      HelpHint(program, &command)});
  }
  if (inv->values.count(option->name)) throw UsageError("'" + option->name + "' is given twice");
  if (option->value.empty()) {
    if (inline_value) throw UsageError("'" + option->name + "' takes no value, but was given '" + value + "'");
    inv->values[option->name] = "";
    return;
  }
  if (!inline_value) {
    // The next argument is the value, unless it is the next option: '--out --lang en' forgot the folder.
    if (*i + 1 >= args.size() || StartsWith(args[*i + 1], "--")) {
      throw UsageError("'" + option->name + "' needs a value (" + option->value + ")", {HelpHint(program, &command)});
    }
    value = args[++*i];
  }
  if (value.empty()) throw UsageError("'" + option->name + "' needs a value (" + option->value + "), not ''");
  if (option->kind == ValueKind::kChoice &&
      std::find(option->choices.begin(), option->choices.end(), value) == option->choices.end()) {
    std::vector<std::string> hints = DidYouMean(value, option->choices);
    throw UsageError("'" + option->name + "' must be " + Join(option->choices, " or ") + ", not '" + value + "'", hints);
  }
  inv->values[option->name] = value;
}

}  // namespace

const CommandSpec* ProgramSpec::FindCommand(const std::string& command_name) const {
  for (const CommandSpec& command : commands) {
    if (command.name == command_name) return &command;
  }
  return nullptr;
}

const OptionSpec* ProgramSpec::FindOption(const std::string& option_name) const {
  for (const OptionSpec& option : options) {
    if (option.name == option_name || (!option.short_name.empty() && option.short_name == option_name)) {
      return &option;
    }
  }
  return nullptr;
}

std::string Invocation::Value(const std::string& option, const std::string& fallback) const {
  auto it = values.find(option);
  return it == values.end() ? fallback : it->second;
}

Request Parse(const ProgramSpec& program, const std::vector<std::string>& args, Invocation* inv) {
  inv->program = &program;
  const std::string commands = "commands: " + Join(VisibleCommandNames(program), ", ");
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg == "--help" || arg == "-h") {
      inv->command = args.empty() ? nullptr : program.FindCommand(args[0]);
      return Request::kHelp;
    }
    if (arg == "--version") return Request::kVersion;
  }
  if (args.empty()) throw UsageError("no command given", {commands, HelpHint(program, nullptr)});

  const std::string& first = args[0];
  if (first == "help" && args.size() <= 2) {  // as in git and cargo: `help` or `help COMMAND`
    inv->command = args.size() == 2 ? program.FindCommand(args[1]) : nullptr;
    if (args.size() == 2 && !inv->command) {
      std::vector<std::string> hints = DidYouMean(args[1], VisibleCommandNames(program));
      hints.push_back(commands);
      throw UsageError("unknown command '" + args[1] + "'", hints);
    }
    return Request::kHelp;
  }
  inv->command = program.FindCommand(first);
  if (!inv->command) {
    if (StartsWith(first, "-")) {
      throw UsageError("the command comes first, before '" + first + "'",
                       {"usage: " + program.name + " COMMAND CONTENT_DIR [options]", commands});
    }
    std::vector<std::string> hints = DidYouMean(first, VisibleCommandNames(program));
    std::error_code ec;
    if (hints.empty() && std::filesystem::is_directory(first, ec)) {
      hints.push_back("the command comes first: '" + program.name + " build " + first + " --out DIR'");
    }
    if (hints.empty()) hints.push_back(commands);
    throw UsageError("unknown command '" + first + "'", hints);
  }
  const CommandSpec& command = *inv->command;

  bool options_end = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!options_end && arg == "--") {
      options_end = true;
    } else if (!options_end && StartsWith(arg, "-") && arg != "-") {
      ParseOption(program, args, &i, inv);
    } else if (command.operand.empty()) {
      throw UsageError("'" + command.name + "' takes no argument, but was given '" + arg + "'",
                       {"usage: " + UsageLine(program, command)});
    } else if (static_cast<int>(inv->operands.size()) >= command.operand_count && command.operand_count > 1) {
      throw UsageError("unexpected argument '" + arg + "' ('" + command.name + "' takes " + command.operand + ")",
                       {"usage: " + UsageLine(program, command)});
    } else if (!inv->operand.empty() && command.operand_count == 1) {
      throw UsageError("unexpected argument '" + arg + "' ('" + command.name + "' takes one " + command.operand +
                           ", and it is '" + inv->operand + "')",
                       {"usage: " + UsageLine(program, command)});
    } else {
      if (command.operand_kind == ValueKind::kChoice &&
          std::find(command.operand_choices.begin(), command.operand_choices.end(), arg) ==
              command.operand_choices.end()) {
        throw UsageError("'" + command.name + "' knows " + Join(command.operand_choices, ", ") + ", not '" + arg + "'",
                         DidYouMean(arg, command.operand_choices));
      }
      if (inv->operands.empty()) inv->operand = arg;
      inv->operands.push_back(arg);
    }
  }
  if (!command.operand.empty() && static_cast<int>(inv->operands.size()) < command.operand_count) {
    throw UsageError("'" + command.name + "' needs " + command.operand, {"usage: " + UsageLine(program, command)});
  }
  for (const std::string& required : command.required) {
    if (!inv->Has(required)) {
      throw UsageError("'" + command.name + "' needs " + OptionWithValue(*program.FindOption(required)),
                       {"usage: " + UsageLine(program, command)});
    }
  }
  return Request::kRun;
}

namespace {

// Two columns: names padded to the widest, then the text.
std::string Columns(const std::vector<std::pair<std::string, std::string>>& rows) {
  size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.first.size());
  std::string out;
  for (const auto& [left, right] : rows) out += "  " + left + std::string(width - left.size() + 2, ' ') + right + "\n";
  return out;
}

std::string OptionLabel(const OptionSpec& option) {
  return (option.short_name.empty() ? "" : option.short_name + ", ") + OptionWithValue(option);
}

}  // namespace

std::string HelpText(const ProgramSpec& program, const CommandSpec* command) {
  std::ostringstream out;
  std::vector<std::pair<std::string, std::string>> rows;
  if (command) {
    out << "usage: " << UsageLine(program, *command) << "\n\n" << command->summary << "\n\noptions:\n";
    for (const OptionSpec& option : program.options) {
      if (Accepts(*command, option.name)) rows.emplace_back(OptionLabel(option), option.help);
    }
    out << Columns(rows) << "\n" << program.exit_status << "\n";
    return out.str();
  }
  std::string indent = "usage: ";
  for (const CommandSpec& c : program.commands) {
    if (c.hidden) continue;
    out << indent << UsageLine(program, c) << "\n";
    indent = "       ";
  }
  out << indent << program.name << " help [COMMAND] | --version\n\n" << program.description << "\n\ncommands:\n";
  for (const CommandSpec& c : program.commands) {
    if (!c.hidden) rows.emplace_back(c.name, c.summary);
  }
  out << Columns(rows) << "\noptions:\n";
  rows.clear();
  for (const OptionSpec& option : program.options) {
    std::vector<std::string> with = CommandsWith(program, option.name);
    rows.emplace_back(OptionLabel(option), option.help + (with.empty() ? "" : " (" + Join(with, ", ") + ")"));
  }
  out << Columns(rows) << "\n" << program.exit_status << "\n";
  return out.str();
}

namespace {

// Text as roff: backslashes and hyphens escaped, and no line may start with a control character.
std::string Roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string ManOption(const OptionSpec& option) {
  std::string out = (option.short_name.empty() ? "" : "\\fB" + Roff(option.short_name) + "\\fR, ") + "\\fB" +
                    Roff(option.name) + "\\fR";
  if (!option.value.empty()) out += " \\fI" + Roff(option.value) + "\\fR";
  return out;
}

}  // namespace

std::string ManPage(const ProgramSpec& program) {
  std::ostringstream out;
  out << ".TH " << Upper(program.name) << " 1 \"\" \"" << program.name << " " << program.version
      << "\" \"User Commands\"\n"
      << ".SH NAME\n" << program.name << " \\- " << Roff(program.summary) << "\n.SH SYNOPSIS\n";
  for (const CommandSpec& c : program.commands) {
    if (c.hidden) continue;
    out << ".B " << program.name << " " << Roff(c.name) << "\n";
    if (!c.operand.empty()) out << ".I " << Roff(c.operand) << "\n";
    for (const std::string& name : c.required) {
      const OptionSpec& option = *program.FindOption(name);
      out << ".B " << Roff(option.name) << "\n.I " << Roff(option.value) << "\n";
    }
    if (c.options.size() > c.required.size()) out << "[\\fIoptions\\fR]\n";
    out << ".br\n";
  }
  out << ".B " << program.name << "\n.BR \\-\\-help \" | \" \\-\\-version\n";
  out << ".SH DESCRIPTION\n" << Roff(program.description) << "\n.SH COMMANDS\n";
  for (const CommandSpec& c : program.commands) {
    if (c.hidden) continue;
    out << ".TP\n\\fB" << Roff(c.name) << "\\fR" << (c.operand.empty() ? "" : " \\fI" + Roff(c.operand) + "\\fR")
        << "\n" << Roff(c.summary) << "\n";
  }
  out << ".SH OPTIONS\n";
  for (const OptionSpec& option : program.options) {
    std::vector<std::string> with = CommandsWith(program, option.name);
    out << ".TP\n" << ManOption(option) << "\n" << Roff(option.help);
    if (option.kind == ValueKind::kChoice) out << " One of: " << Roff(Join(option.choices, ", ")) << ".";
    if (!with.empty()) out << " For " << Roff(Join(with, ", ")) << ".";
    out << "\n";
  }
  out << ".SH EXIT STATUS\n" << Roff(program.exit_status) << "\n";
  for (const auto& [title, paragraphs] : program.man_sections) {
    out << ".SH " << Upper(title) << "\n";
    bool first = true;
    for (const std::string& paragraph : paragraphs) {
      if (!first) out << ".PP\n";
      first = false;
      if (StartsWith(paragraph, "  ")) {
        out << ".nf\n.RS\n" << Roff(paragraph.substr(2)) << "\n.RE\n.fi\n";
      } else {
        out << Roff(paragraph) << "\n";
      }
    }
  }
  return out.str();
}

namespace {

// The bash case that completes a --lang value with the languages of the edition named on the command line: the
// first word after the command that is neither an option nor an option's value.
std::string CompleteLanguages(const ProgramSpec& program, const std::vector<std::string>& language_options) {
  std::ostringstream out;
  out << "    " << Join(language_options, "|") << ")\n"
      << "      local i content=\n"
      << "      for ((i = 2; i < cword; i++)); do\n"
      << "        case ${words[i]} in\n";
  std::vector<std::string> with_value;
  for (const OptionSpec& option : program.options) {
    if (!option.value.empty()) with_value.push_back(option.name);
  }
  out << "          " << Join(with_value, "|") << ") ((i++)) ;;\n"
      << "          -*) ;;\n"
      << "          *) content=${words[i]}; break ;;\n"
      << "        esac\n"
      << "      done\n"
      << "      [[ -n $content ]] || return\n"
      << "      local prefix= code codes=\n"
      << "      [[ $cur == *,* ]] && prefix=${cur%,*},\n"
      << "      for code in $(\"${words[0]}\" languages \"$content\" 2>/dev/null); do\n"
      << "        [[ \",$prefix\" == *\",$code,\"* ]] || codes+=\" $code\"\n"
      << "      done\n"
      << "      COMPREPLY=($(compgen -P \"$prefix\" -W \"$codes\" -- \"${cur##*,}\"))\n"
      << "      return ;;\n";
  return out.str();
}

}  // namespace

std::string BashCompletion(const ProgramSpec& program) {
  const std::string function = "_" + program.name;
  std::ostringstream out;
  out << "# bash completion for " << program.name << " (made by '" << program.name << " completion bash')\n"
      << function << "() {\n"
      << "  local cur prev words cword\n"
      << "  _init_completion -n =, || return\n"
      << "  if ((cword == 1)); then\n"
      << "    COMPREPLY=($(compgen -W '" << Join(VisibleCommandNames(program), " ") << " help --help --version' -- "
         "\"$cur\"))\n"
      << "    return\n"
      << "  fi\n"
      << "  local command=${words[1]}\n"
      << "  # --opt=value completes the value\n"
      << "  if [[ $cur == --*=* ]]; then\n"
      << "    prev=${cur%%=*}\n"
      << "    cur=${cur#*=}\n"
      << "  fi\n"
      << "  case $prev in\n";
  std::vector<std::string> directory_options, language_options;
  for (const OptionSpec& option : program.options) {
    if (option.kind == ValueKind::kDirectory) directory_options.push_back(option.name);
    if (option.kind == ValueKind::kLanguages) language_options.push_back(option.name);
    if (option.kind == ValueKind::kChoice) {
      out << "    " << option.name << ")\n      COMPREPLY=($(compgen -W '" << Join(option.choices, " ")
          << "' -- \"$cur\"))\n      return ;;\n";
    }
  }
  if (!directory_options.empty()) {
    out << "    " << Join(directory_options, "|") << ")\n      _filedir -d\n      return ;;\n";
  }
  if (!language_options.empty()) {
    out << CompleteLanguages(program, language_options);
  }
  out << "  esac\n"
      << "  case $command in\n"
      << "    help)\n"
      << "      ((cword == 2)) && COMPREPLY=($(compgen -W '" << Join(VisibleCommandNames(program), " ")
      << "' -- \"$cur\")) ;;\n";
  for (const CommandSpec& c : program.commands) {
    if (c.hidden) continue;
    std::vector<std::string> options = c.options;
    options.push_back("--help");
    out << "    " << c.name << ")\n"
        << "      if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W '" << Join(options, " ") << "' -- \"$cur\"))\n";
    if (c.operand.empty()) {
      out << "      fi ;;\n";
    } else if (c.operand_kind == ValueKind::kChoice) {
      out << "      else\n        COMPREPLY=($(compgen -W '" << Join(c.operand_choices, " ") << "' -- \"$cur\"))\n"
          << "      fi ;;\n";
    } else {
      out << "      else\n        _filedir -d\n      fi ;;\n";
    }
  }
  out << "  esac\n"
      << "} &&\n"
      << "  complete -F " << function << " " << program.name << "\n";
  return out.str();
}

}  // namespace barometer::cli
