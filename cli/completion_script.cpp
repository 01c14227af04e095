// One writer per shell over the same list of verbs and options.
#include "cli/completion_script.h"

#include "compiler/lint/catalogue.h"

#include <fmt/format.h>

#include <vector>

namespace clue::cli {
namespace {

struct Option {
    std::string name; // "--format" or "-o"
    std::string help;
};

struct Verb {
    std::string name;
    std::string help;
    std::vector<Option> options;
};

std::vector<Verb> verbsOf(const CLI::App& app) {
    std::vector<Verb> verbs;
    for (const CLI::App* command : app.get_subcommands({})) {
        Verb verb{command->get_name(), command->get_description(), {}};
        for (const CLI::Option* option : command->get_options()) {
            for (const std::string& name : option->get_lnames()) {
                verb.options.push_back({"--" + name, option->get_description()});
            }
            for (const std::string& name : option->get_snames()) {
                verb.options.push_back({"-" + name, option->get_description()});
            }
        }
        verbs.push_back(std::move(verb));
    }
    return verbs;
}

// What `clue explain` takes: the lint codes and rule names (the compiler's codes are in
// docs/diagnostics.md).
std::string explainWords() {
    std::string words;
    for (const std::string& word : lint::Catalogue::standard().codesAndNames()) {
        words += (words.empty() ? "" : " ") + word;
    }
    return words;
}

std::string quoteSingle(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

std::string bash(const std::vector<Verb>& verbs) {
    std::string names;
    std::string cases;
    for (const Verb& v : verbs) {
        names += v.name + " ";
        std::string options;
        for (const Option& o : v.options) {
            options += (options.empty() ? "" : " ") + o.name;
        }
        cases += fmt::format("        {}) opts=\"{}\" ;;\n", v.name, options);
    }
    return fmt::format(R"(# bash completion for clue. Load it with: source <(clue completion bash)
_clue() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" verb="${{COMP_WORDS[1]}}" opts=""
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "{}--help --version" -- "$cur"))
        return
    fi
    case "$verb" in
{}    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ "$verb" == explain ]]; then
        COMPREPLY=($(compgen -W "{}" -- "$cur"))
    elif [[ "$verb" == completion ]]; then
        COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -o bashdefault -F _clue clue
)",
                       names, cases, explainWords());
}

std::string zsh(const std::vector<Verb>& verbs) {
    std::string described, cases;
    for (const Verb& v : verbs) {
        described += fmt::format("        {}\n", quoteSingle(v.name + ":" + v.help));
        std::string specs;
        for (const Option& o : v.options) {
            std::string help = o.help;
            for (char& c : help) {
                c = c == '[' ? '(' : c == ']' ? ')' : c == ':' ? ',' : c;
            }
            specs += fmt::format(" {}", quoteSingle(o.name + "[" + help + "]"));
        }
        std::string rest = v.name == "explain"      ? fmt::format("'*:code:({})'", explainWords())
                           : v.name == "completion" ? "'1:shell:(bash zsh fish)'"
                                                    : "'*:file:_files'";
        cases += fmt::format("        {}) _arguments{} {} ;;\n", v.name, specs, rest);
    }
    return fmt::format(R"(#compdef clue
# zsh completion for clue. Load it with: source <(clue completion zsh), after compinit.
_clue() {{
    local -a verbs
    verbs=(
{}    )
    if (( CURRENT == 2 )); then
        _describe 'command' verbs
        return
    fi
    local verb=$words[2]
    shift words
    (( CURRENT-- ))
    case $verb in
{}    esac
}}
compdef _clue clue
)",
                       described, cases);
}

std::string fish(const std::vector<Verb>& verbs) {
    std::string names;
    for (const Verb& v : verbs) {
        names += v.name + " ";
    }
    std::string out = "# fish completion for clue. Load it with: clue completion fish | source\n"
                      "complete -c clue -f\n";
    for (const Verb& v : verbs) {
        out += fmt::format("complete -c clue -n '__fish_use_subcommand' -a {} -d {}\n", v.name,
                           quoteSingle(v.help));
        for (const Option& o : v.options) {
            bool isLong = o.name.starts_with("--");
            out += fmt::format(
                "complete -c clue -n '__fish_seen_subcommand_from {}' -{} {} -d {}\n", v.name,
                isLong ? "l" : "s", o.name.substr(isLong ? 2 : 1), quoteSingle(o.help));
        }
        std::string rest = v.name == "explain"      ? "-a " + quoteSingle(explainWords())
                           : v.name == "completion" ? "-a 'bash zsh fish'"
                                                    : "-F";
        out +=
            fmt::format("complete -c clue -n '__fish_seen_subcommand_from {}' {}\n", v.name, rest);
    }
    return out;
}

} // namespace

std::optional<std::string> completionScript(const CLI::App& app, const std::string& shell) {
    std::vector<Verb> verbs = verbsOf(app);
    if (shell == "bash") {
        return bash(verbs);
    }
    if (shell == "zsh") {
        return zsh(verbs);
    }
    if (shell == "fish") {
        return fish(verbs);
    }
    return std::nullopt;
}

} // namespace clue::cli
