// L403 id-naming: a rule id, predicate name or category name that breaks the naming pattern.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/name_pattern.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

constexpr const char* kSnakeCase = "^[a-z][a-z0-9_]*$";

// "bedTouching" and "bed-touching" become "bed_touching".
std::string snakeCase(const std::string& name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool upper = c >= 'A' && c <= 'Z';
        if (upper && i > 0 && name[i - 1] != '_' && name[i - 1] != '-') {
            out += '_';
        }
        out += c == '-' ? '_' : upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

class IdNaming : public LintRule {
public:
    IdNaming()
        : LintRule({"L403",
                    "id-naming",
                    Category::Style,
                    RuleLevel::Warning,
                    "a rule, predicate or category name that breaks the naming convention",
                    {{"rule-pattern", std::string(kSnakeCase),
                      "the regular expression (RE2 syntax) every rule id must match", 0, 0, true},
                     {"predicate-pattern", std::string(kSnakeCase),
                      "the regular expression every predicate name must match", 0, 0, true},
                     {"category-pattern", std::string(kSnakeCase),
                      "the regular expression every category name must match", 0, 0, true}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const RE2 rulePattern(options.string("rule-pattern"), namePatternOptions());
        const RE2 predicatePattern(options.string("predicate-pattern"), namePatternOptions());
        const RE2 categoryPattern(options.string("category-pattern"), namePatternOptions());
        for (const ast::RuleDecl* r : context.rules()) {
            checkName("rule", r->id, r->idSpan, rulePattern, sink);
        }
        for (const ast::PredicateDecl* p : context.module().predicates()) {
            checkName("predicate", p->name, p->nameSpan, predicatePattern, sink);
        }
        for (const ast::CategoryDecl* c : context.module().categories()) {
            checkName("category", c->name, c->nameSpan, categoryPattern, sink);
        }
    }

private:
    // A pattern that does not compile was refused when clue.yaml was read; an invalid one
    // matches nothing, so every name is reported rather than none.
    void checkName(const char* what, const std::string& name, SourceSpan span, const RE2& pattern,
                   FindingSink& sink) const {
        if (pattern.ok() && RE2::PartialMatch(name, pattern)) {
            return;
        }
        Diagnostic& d = sink.report(span, fmt::format("{} name '{}' does not match the pattern {}",
                                                      what, name, pattern.pattern()));
        std::string suggestion = snakeCase(name);
        if (suggestion != name && RE2::PartialMatch(suggestion, pattern)) {
            d.withHelp(fmt::format("rename it '{}'", suggestion));
        } else {
            d.withHelp("rename it to match the pattern, or change the pattern in clue.yaml");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeIdNaming() {
    return std::make_unique<IdNaming>();
}

} // namespace clue::lint
