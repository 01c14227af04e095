// L303 implied-rule: a rule that fires only on images another rule already flags (shadowed).
// Worked out per class of equivalent rules, so that many copies of a formula cost no more than
// one.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace clue::lint {
namespace {

constexpr size_t kBroaderShown = 3;

int severityRank(const ast::RuleDecl& rule) {
    if (!rule.severity) {
        return -1;
    }
    const std::string& s = rule.severity->name;
    return s == "low" ? 0 : s == "medium" ? 1 : s == "high" ? 2 : 3;
}

// The members of one class by severity rank (-1 to 3), each list in rule order.
using ByRank = std::array<std::vector<size_t>, 5>;

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
        const analysis::RuleClasses& classes = context.ruleClasses();
        if (classes.implications.empty()) {
            return;
        }
        std::vector<ByRank> byRank(classes.members.size());
        for (size_t c = 0; c < classes.members.size(); ++c) {
            for (size_t r : classes.members[c]) {
                byRank[c][severityRank(context.ir().ruleAt(r)) + 1].push_back(r);
            }
        }
        const bool skipMoreSevere = options.boolean("ignore-more-severe");
        for (size_t r = 0; r < context.ir().ruleCount(); ++r) {
            const ast::RuleDecl& narrow = context.ir().ruleAt(r);
            if (!context.inFile(narrow.idSpan)) {
                continue;
            }
            // A broader rule that is less severe does not make a more severe one redundant.
            const int minRank = skipMoreSevere ? severityRank(narrow) : -1;
            std::vector<size_t> broader =
                broaderRules(classes, byRank, classes.classOf[r], minRank);
            if (!broader.empty()) {
                report(context, narrow, broader, sink);
            }
        }
    }

private:
    // The first few rules, in rule order, of the classes that `narrow` implies, of severity rank
    // `minRank` or above.
    static std::vector<size_t> broaderRules(const analysis::RuleClasses& classes,
                                            const std::vector<ByRank>& byRank, size_t narrow,
                                            int minRank) {
        auto range = std::equal_range(
            classes.implications.begin(), classes.implications.end(), std::pair(narrow, size_t{0}),
            [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<size_t> out;
        for (auto it = range.first; it != range.second && out.size() < kBroaderShown; ++it) {
            std::vector<size_t> some;
            for (int rank = minRank; rank <= 3; ++rank) {
                const std::vector<size_t>& group = byRank[it->second][rank + 1];
                some.insert(some.end(), group.begin(),
                            group.begin() + std::min(group.size(), kBroaderShown));
            }
            std::sort(some.begin(), some.end());
            some.resize(std::min(some.size(), kBroaderShown - out.size()));
            out.insert(out.end(), some.begin(), some.end());
        }
        return out;
    }

    void report(const LintContext& context, const ast::RuleDecl& narrow,
                const std::vector<size_t>& broader, FindingSink& sink) const {
        const ast::RuleDecl& first = context.ir().ruleAt(broader.front());
        Diagnostic& d = sink.report(
            narrow.idSpan, fmt::format("rule '{}' is shadowed by rule '{}': every image that "
                                       "violates '{}' also violates '{}'",
                                       narrow.id, first.id, narrow.id, first.id));
        for (size_t r : broader) {
            const ast::RuleDecl& rule = context.ir().ruleAt(r);
            d.note(fmt::format("'{}' is broader", rule.id), rule.idSpan);
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
