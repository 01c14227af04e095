// L303 implied-rule: a rule that fires only on images another rule already flags (shadowed).
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>
#include <set>

namespace clue::lint {
namespace {

int severityRank(const ast::RuleDecl& rule) {
    if (!rule.severity) {
        return -1;
    }
    const std::string& s = rule.severity->name;
    return s == "low" ? 0 : s == "medium" ? 1 : s == "high" ? 2 : 3;
}

class ImpliedRule : public LintRule {
public:
    ImpliedRule()
        : LintRule({"L303",
                    "implied-rule",
                    Category::Logic,
                    RuleLevel::Warning,
                    "a rule that only fires on images another rule flags too",
                    {{"ignore-more-severe", true,
                      "accept a narrower rule with a higher severity than the rule that "
                      "shadows it (it raises the severity reported)"}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        const auto& pairs = context.implications();
        std::set<std::pair<size_t, size_t>> all;
        for (const auto& p : pairs) {
            all.insert({p.rule, p.implied});
        }
        bool skipMoreSevere = options.boolean("ignore-more-severe");
        size_t i = 0;
        while (i < pairs.size()) {
            size_t r = pairs[i].rule;
            std::vector<const ast::RuleDecl*> broader;
            for (; i < pairs.size() && pairs[i].rule == r; ++i) {
                const ast::RuleDecl& s = context.ir().ruleAt(pairs[i].implied);
                bool equivalent = all.count({pairs[i].implied, r}) > 0;
                bool moreSevere = severityRank(context.ir().ruleAt(r)) > severityRank(s);
                if (!equivalent && !(skipMoreSevere && moreSevere)) {
                    broader.push_back(&s);
                }
            }
            if (!broader.empty()) {
                report(context.ir().ruleAt(r), broader, sink);
            }
        }
    }

private:
    void report(const ast::RuleDecl& narrow, const std::vector<const ast::RuleDecl*>& broader,
                FindingSink& sink) const {
        const ast::RuleDecl& first = *broader.front();
        Diagnostic& d = sink.report(
            narrow.idSpan, fmt::format("rule '{}' is shadowed by rule '{}': every image that "
                                       "violates '{}' also violates '{}'",
                                       narrow.id, first.id, narrow.id, first.id));
        for (size_t k = 0; k < broader.size() && k < 3; ++k) {
            d.note(fmt::format("'{}' is broader", broader[k]->id), broader[k]->idSpan);
        }
        d.note(fmt::format("'{}' never changes a verdict; it only adds a second violation",
                           narrow.id));
        d.withHelp(fmt::format("remove '{}', or give it a higher severity if it marks a more "
                               "serious case",
                               narrow.id));
    }
};

} // namespace

std::unique_ptr<LintRule> makeImpliedRule() {
    return std::make_unique<ImpliedRule>();
}

} // namespace clue::lint
