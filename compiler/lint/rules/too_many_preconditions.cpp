// L202 too-many-preconditions: a rule whose formula asks more distinct predicates than allowed.
#include "common/statement.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/statement_index.h"

#include <fmt/format.h>
#include <set>

namespace clue::lint {
namespace {

class TooManyPreconditions : public LintRule {
public:
    TooManyPreconditions()
        : LintRule(
              {"L202",
               "too-many-preconditions",
               Category::Structure,
               RuleLevel::Warning,
               "a rule that asks more distinct predicates than the limit",
               {{"max-predicates", 8LL,
                 "the most distinct predicates one rule may ask (when and unless)", 1, 1000}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        auto limit = static_cast<size_t>(options.integer("max-predicates"));
        for (const ast::RuleDecl* rule : context.rules()) {
            std::set<std::string> asked;
            for (const ast::Formula* f : {rule->when.get(), rule->unless.get()}) {
                if (f == nullptr) {
                    continue;
                }
                forEachRef(*f, [&](const ast::Formula& ref) { asked.insert(ref.name); });
                forEachInline(*f, [&](const ast::Formula& inl) {
                    asked.insert('"' + normalizeStatement(inl.text));
                });
            }
            if (asked.size() <= limit) {
                continue;
            }
            sink.report(rule->idSpan, fmt::format("rule '{}' asks {} predicates, more than {}",
                                                  rule->id, asked.size(), limit))
                .note("a long chain is a long rule in disguise: every added step is another "
                      "question that can be misjudged")
                .withHelp("split the rule into narrower rules, each with a short chain");
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeTooManyPreconditions() {
    return std::make_unique<TooManyPreconditions>();
}

} // namespace clue::lint
