// L203 deep-nesting: and/or nested deeper than a CLUE chain (an AND of ORs) needs.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"

#include <fmt/format.h>

namespace clue::lint {
namespace {

bool isJunction(const ast::Formula& f) {
    return f.kind == ast::FormulaKind::And || f.kind == ast::FormulaKind::Or;
}

// How many levels a child adds below `parent`: an and directly inside an and (written with
// parentheses) stays on its parent's level.
size_t contributed(const ast::Formula& parent, const ast::Formula& child, size_t childDepth) {
    return child.kind == parent.kind && childDepth > 0 ? childDepth - 1 : childDepth;
}

// Levels of alternating and/or below `f`; `not` adds none.
size_t depth(const ast::Formula& f) {
    size_t deepest = 0;
    for (const auto& child : f.children) {
        deepest = std::max(deepest, contributed(f, *child, depth(*child)));
    }
    return deepest + (isJunction(f) ? 1 : 0);
}

// The junction that opens level `target` (1 = the outermost) on the deepest path below `f`,
// `level` levels having been opened above it.
const ast::Formula& junctionAt(const ast::Formula& f, size_t level, size_t target) {
    if (isJunction(f) && ++level == target) {
        return f;
    }
    const ast::Formula* next = nullptr;
    size_t best = 0;
    for (const auto& child : f.children) {
        size_t d = contributed(f, *child, depth(*child));
        if (next == nullptr || d > best) {
            next = child.get();
            best = d;
        }
    }
    if (next == nullptr) {
        return f;
    }
    // A same-kind child continues this level: step back so that it does not open another.
    return junctionAt(*next, isJunction(f) && next->kind == f.kind ? level - 1 : level, target);
}

class DeepNesting : public LintRule {
public:
    DeepNesting()
        : LintRule({"L203",
                    "deep-nesting",
                    Category::Structure,
                    RuleLevel::Warning,
                    "and/or nested more deeply than the limit",
                    {{"max-depth", 3LL,
                      "the most levels of alternating and/or (a CLUE chain, an AND of ORs, has 2)",
                      1, 100}}}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        auto limit = static_cast<size_t>(options.integer("max-depth"));
        for (const ast::RuleDecl* rule : context.rules()) {
            for (const ast::Formula* f : {rule->when.get(), rule->unless.get()}) {
                if (f == nullptr || depth(*f) <= limit) {
                    continue;
                }
                sink.report(junctionAt(*f, 0, limit + 1).span,
                            fmt::format("the formula of rule '{}' nests and/or {} levels deep, "
                                        "more than {}",
                                        rule->id, depth(*f), limit))
                    .note("deeply nested conditions are hard to review and to test; a CLUE "
                          "chain is an `and` of steps, each an `or` of statements")
                    .withHelp("flatten the formula into an `and` of `or` steps, or split the "
                              "rule into several rules");
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeDeepNesting() {
    return std::make_unique<DeepNesting>();
}

} // namespace clue::lint
