// Rules: a known severity, a text, and formulas whose names are declared predicates.
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/name_suggester.h"
#include "compiler/sema/sema.h"

#include <fmt/format.h>

namespace clue {
namespace {

const std::vector<std::string>& severities = severityNames();

class RuleChecker {
public:
    RuleChecker(const Program& program, DiagnosticEngine& diags)
        : program_(program), diags_(diags),
          predicateNames_(NameSuggester::fromKeys(program.predicates)), severityNames_(severities) {
    }

    void check(const ast::RuleDecl& rule) {
        if (isBlank(rule.text.value())) {
            diags_
                .error(code::EmptyText, rule.text.span,
                       fmt::format("the text of rule '{}' is empty", rule.id))
                .withHelp("write the rule as a sentence, such as \"Should not depict ...\"");
        }
        if (rule.severity) {
            checkSeverity(*rule.severity);
        }
        if (rule.when) {
            checkFormula(*rule.when);
        }
        if (rule.unless) {
            checkFormula(*rule.unless);
        }
    }

private:
    void checkSeverity(const ast::Identifier& severity) {
        if (std::find(severities.begin(), severities.end(), severity.name) != severities.end()) {
            return;
        }
        std::string help = severityNames_.help(severity.name);
        diags_
            .error(code::UnknownSeverity, severity.span,
                   fmt::format("unknown severity '{}'", severity.name))
            .withHelp(help.empty() ? "use one of low, medium, high, critical"
                                   : help + " the severities are low, medium, high, critical");
    }

    void checkFormula(const ast::Formula& formula) {
        if (formula.kind == ast::FormulaKind::Ref && !program_.predicates.count(formula.name)) {
            diags_
                .error(code::UndefinedPredicate, formula.span,
                       fmt::format("undefined predicate '{}'", formula.name))
                .withHelp(predicateNames_.help(formula.name,
                                               fmt::format("declare it: predicate {} : \"...\", or "
                                                           "write the statement in quotes here",
                                                           formula.name)));
        } else if (formula.kind == ast::FormulaKind::Inline && isBlank(formula.text)) {
            diags_.error(code::EmptyText, formula.span, "an empty statement states nothing");
        }
        for (const auto& child : formula.children) {
            checkFormula(*child);
        }
    }

    const Program& program_;
    DiagnosticEngine& diags_;
    NameSuggester predicateNames_;
    NameSuggester severityNames_;
};

} // namespace

const std::vector<std::string>& severityNames() {
    static const std::vector<std::string> names = {"low", "medium", "high", "critical"};
    return names;
}

void checkRules(const Program& program, DiagnosticEngine& diags) {
    RuleChecker checker(program, diags);
    for (const auto& unit : program.units) {
        unit->module.forEachRule([&](const ast::RuleDecl& rule) { checker.check(rule); });
    }
}

} // namespace clue
