// L304 equivalent-rules: rules that fire on exactly the same images, one finding per class.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace clue::lint {
namespace {

// Notes point at this many other members at most; the message names the class either way.
constexpr size_t kMembersShown = 3;

std::string quotedIds(const std::vector<const ast::RuleDecl*>& rules) {
    std::string out;
    for (size_t i = 0; i < rules.size(); ++i) {
        out += i == 0 ? "" : i + 1 == rules.size() ? " and " : ", ";
        out += "'" + rules[i]->id + "'";
    }
    return out;
}

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
        for (const std::vector<size_t>& members : context.ruleClasses().members) {
            if (members.size() < 2) {
                continue;
            }
            std::vector<const ast::RuleDecl*> rules;
            for (size_t r : members) {
                rules.push_back(&context.ir().ruleAt(r));
            }
            std::sort(rules.begin(), rules.end(),
                      [](const auto* a, const auto* b) { return a->idSpan < b->idSpan; });
            report(context, rules, sink);
        }
    }

private:
    // Once per class and file: at the first member here that repeats an earlier one, or at the
    // first member here when the earlier ones are all in other files.
    void report(const LintContext& context, std::vector<const ast::RuleDecl*> rules,
                FindingSink& sink) const {
        auto here = [&](const ast::RuleDecl* r) {
            return context.inFile(r->idSpan);
        };
        auto at = std::find_if(rules.begin() + 1, rules.end(), here);
        if (at == rules.end()) {
            at = here(rules.front()) ? rules.begin() : rules.end();
        }
        if (at == rules.end()) {
            return;
        }
        const ast::RuleDecl* anchor = *at;
        rules.erase(at);
        std::string others = rules.size() <= 2 * kMembersShown
                                 ? quotedIds(rules)
                                 : fmt::format("{} other rules", rules.size());
        Diagnostic& d = sink.report(
            anchor->idSpan,
            fmt::format("rules '{}' and {} fire on exactly the same images", anchor->id, others));
        for (size_t k = 0; k < rules.size() && k < kMembersShown; ++k) {
            d.note(fmt::format("'{}' is here", rules[k]->id), rules[k]->idSpan);
        }
        if (rules.size() > 2 * kMembersShown) {
            std::vector<std::string> ids;
            for (const ast::RuleDecl* r : rules) {
                ids.push_back(r->id);
            }
            d.note(fmt::format("the other rules are {}", fmt::join(ids, ", ")));
        }
        d.withHelp(fmt::format("keep one of them; if {} texts matter, merge them into one rule",
                               rules.size() == 1 ? "both" : "several"));
    }
};

} // namespace

std::unique_ptr<LintRule> makeEquivalentRules() {
    return std::make_unique<EquivalentRules>();
}

} // namespace clue::lint
