// L304 equivalent-rules: two rules that fire on exactly the same images.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>
#include <set>

namespace clue::lint {
namespace {

class EquivalentRules : public LintRule {
public:
    EquivalentRules()
        : LintRule({"L304",
                    "equivalent-rules",
                    Category::Logic,
                    RuleLevel::Warning,
                    "two rules whose formulas are equivalent",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::set<std::pair<size_t, size_t>> all;
        for (const auto& p : context.implications()) {
            all.insert({p.rule, p.implied});
        }
        for (const auto& [r, s] : all) {
            if (r >= s || all.count({s, r}) == 0) {
                continue;
            }
            const ast::RuleDecl& a = context.ir().ruleAt(r);
            const ast::RuleDecl& b = context.ir().ruleAt(s);
            // Once per pair: at the later of the two when both are in this file.
            bool aHere = context.inFile(a.idSpan), bHere = context.inFile(b.idSpan);
            const ast::RuleDecl& at = bHere && (!aHere || a.idSpan < b.idSpan) ? b : a;
            const ast::RuleDecl& other = &at == &a ? b : a;
            sink.report(at.idSpan, fmt::format("rules '{}' and '{}' fire on exactly the same "
                                               "images",
                                               at.id, other.id))
                .note(fmt::format("'{}' is here", other.id), other.idSpan)
                .withHelp("keep one of them; if both texts matter, merge them into one rule");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeEquivalentRules() {
    return std::make_unique<EquivalentRules>();
}

} // namespace clue::lint
