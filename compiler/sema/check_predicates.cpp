// Predicate statements and options: known names, value types and ranges, each option once.
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/name_suggester.h"
#include "compiler/sema/sema.h"

#include <cmath>
#include <fmt/format.h>

namespace clue {
namespace {

struct OptionSpec {
    const char* name;
    bool isNumber;
    const char* meaning;
};

const std::vector<OptionSpec>& knownOptions() {
    static const std::vector<OptionSpec> options = {
        {"object", false, "the central object, for region debiasing"},
        {"cost", true, "the relative cost of asking, a number above 0"},
        {"prior", true, "the prior probability that it holds, a number from 0 to 1"},
        {"about", false, "what the statement looks at: \"image\", \"prompt\" or \"response\""},
    };
    return options;
}

const OptionSpec* findOption(const std::string& name) {
    for (const OptionSpec& spec : knownOptions()) {
        if (name == spec.name) {
            return &spec;
        }
    }
    return nullptr;
}

void checkRange(const ast::PredicateOption& option, DiagnosticEngine& diags) {
    double v = option.numberValue;
    if (option.name == "cost" && !(std::isfinite(v) && v > 0)) {
        diags.error(code::OptionRange, option.valueSpan,
                    fmt::format("'cost' must be a number above 0, not {}", option.rawValue));
    } else if (option.name == "prior" && !(v >= 0 && v <= 1)) {
        diags.error(code::OptionRange, option.valueSpan,
                    fmt::format("'prior' must be a number from 0 to 1, not {}", option.rawValue));
    }
}

void checkOption(const ast::PredicateOption& option, DiagnosticEngine& diags,
                 NameSuggester& suggester) {
    const OptionSpec* spec = findOption(option.name);
    if (spec == nullptr) {
        diags
            .error(code::UnknownOption, option.nameSpan,
                   fmt::format("unknown predicate option '{}'", option.name))
            .withHelp(suggester.help(option.name, "the options are object, cost, prior and about"));
        return;
    }
    if (spec->isNumber != option.isNumber) {
        diags
            .error(code::OptionType, option.valueSpan,
                   fmt::format("'{}' takes {}, not {}", option.name,
                               spec->isNumber ? "a number" : "a quoted text",
                               option.isNumber ? "a number" : "a text"))
            .note(fmt::format("'{}' is {}", option.name, spec->meaning));
        return;
    }
    if (option.isNumber) {
        checkRange(option, diags);
    } else if (option.name == "about" && !ast::parseLookedAt(option.stringValue)) {
        diags.error(code::OptionRange, option.valueSpan,
                    fmt::format("'about' must be \"image\", \"prompt\" or \"response\", not {}",
                                option.rawValue));
    } else if (isBlank(option.stringValue)) {
        diags.error(code::EmptyText, option.valueSpan,
                    fmt::format("'{}' must not be empty", option.name));
    }
}

} // namespace

void checkPredicates(const Program& program, DiagnosticEngine& diags) {
    std::vector<std::string> names;
    for (const OptionSpec& spec : knownOptions()) {
        names.push_back(spec.name);
    }
    NameSuggester suggester(names);
    for (const auto& unit : program.units) {
        for (const ast::PredicateDecl* predicate : unit->module.predicates()) {
            if (isBlank(predicate->statement.value())) {
                diags.error(
                    code::EmptyText, predicate->statement.span,
                    fmt::format("the statement of predicate '{}' is empty", predicate->name));
            }
            std::map<std::string, const ast::PredicateOption*> seen;
            for (const ast::PredicateOption& option : predicate->options) {
                if (auto [first, inserted] = seen.emplace(option.name, &option); !inserted) {
                    diags
                        .error(code::DuplicateOption, option.nameSpan,
                               fmt::format("option '{}' is given twice", option.name))
                        .note("first given here", first->second->nameSpan);
                    continue;
                }
                checkOption(option, diags, suggester);
            }
        }
    }
}

} // namespace clue
