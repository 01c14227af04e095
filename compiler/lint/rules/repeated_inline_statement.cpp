// L205 repeated-inline-statement: the same inline statement written in several rules.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>
#include <set>

namespace clue::lint {
namespace {

class RepeatedInlineStatement : public LintRule {
public:
    RepeatedInlineStatement()
        : LintRule({"L205",
                    "repeated-inline-statement",
                    Category::Structure,
                    RuleLevel::Warning,
                    "an inline statement written in several rules instead of a named predicate",
                    {{"min-rules", 2LL, "how many rules must write it before it is reported", 2,
                      1000}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        auto threshold = static_cast<size_t>(options.integer("min-rules"));
        const StatementIndex& index = context.statements();
        for (const auto& [normalized, occurrences] : index.byNormalized()) {
            std::vector<const StatementOccurrence*> inlines;
            std::set<const ast::RuleDecl*> rules;
            bool declared = false;
            for (size_t i : occurrences) {
                const StatementOccurrence& o = index.all()[i];
                declared |= o.predicate != nullptr;
                if (o.rule != nullptr) {
                    inlines.push_back(&o);
                    rules.insert(o.rule);
                }
            }
            // A declared statement written inline is inline-matches-predicate's finding.
            if (declared || rules.size() < threshold) {
                continue;
            }
            report(context, inlines, rules.size(), sink);
        }
    }

private:
    void report(const LintContext& context, const std::vector<const StatementOccurrence*>& inlines,
                size_t ruleCount, FindingSink& sink) const {
        const StatementOccurrence* first = nullptr;
        for (const StatementOccurrence* o : inlines) {
            if (context.inFile(o->span)) {
                first = o;
                break;
            }
        }
        if (first == nullptr) {
            return;
        }
        Diagnostic& d = sink.report(
            first->span, fmt::format("this inline statement is written in {} rules", ruleCount));
        size_t shown = 0;
        for (const StatementOccurrence* o : inlines) {
            if (o != first && o->rule != first->rule && shown++ < 3) {
                d.note(fmt::format("also written in rule '{}'", o->rule->id), o->span);
            }
        }
        d.withHelp("declare it once, `predicate NAME : \"...\"`, and use NAME in each rule, so "
                   "that a change of wording reaches every rule");
    }
};

} // namespace

std::unique_ptr<LintRule> makeRepeatedInlineStatement() {
    return std::make_unique<RepeatedInlineStatement>();
}

} // namespace clue::lint
