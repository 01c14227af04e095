// L406 unused-import: an import of predicates the importing file never uses.
//
// An import that brings rules is used: importing a constitution adds its rules. An import of a
// library is used when the file names a predicate or rule declared in it or in the files it
// imports in turn.
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/statement_index.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace clue::lint {
namespace {

// The names the linted file uses: predicates in formulas and tests, rules in expectations.
std::set<std::string> namesUsed(const ast::Module& module) {
    std::set<std::string> used;
    module.forEachRule([&](const ast::RuleDecl& rule) {
        for (const ast::Formula* f : {rule.when.get(), rule.unless.get()}) {
            if (f != nullptr) {
                forEachRef(*f, [&](const ast::Formula& ref) { used.insert(ref.name); });
            }
        }
    });
    for (const ast::TestDecl* test : module.tests()) {
        for (const ast::GivenItem& given : test->given) {
            if (!given.isInline) {
                used.insert(given.name);
            }
        }
        for (const ast::Expectation& e : test->expectations) {
            used.insert(e.rule);
        }
    }
    return used;
}

// `span` and, when nothing else is on its lines but a comment after it (which goes with it), the
// lines themselves with their newline, so that removing it leaves no blank line behind.
SourceSpan wholeLines(const SourceManager& sources, SourceSpan span) {
    std::string_view text = sources.contents(span.file);
    uint32_t begin = span.begin, end = span.end;
    while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) {
        --begin;
    }
    while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == '\r')) {
        ++end;
    }
    if (end < text.size() && text[end] == '#') {
        end = static_cast<uint32_t>(std::min(text.find('\n', end), text.size()));
    }
    bool lineStart = begin == 0 || text[begin - 1] == '\n';
    bool lineEnd = end == text.size() || text[end] == '\n';
    if (!lineStart || !lineEnd) {
        return span;
    }
    return {span.file, begin, end == text.size() ? end : end + 1};
}

struct Closure {
    bool hasRules = false;
    bool providesUsedName = false;
};

class UnusedImport : public LintRule {
public:
    UnusedImport()
        : LintRule({"L406",
                    "unused-import",
                    Category::Style,
                    RuleLevel::Warning,
                    "an import whose predicates the file never uses",
                    {}}) {}

    void check(const LintContext& context, const RuleOptions&, FindingSink& sink) const override {
        std::set<std::string> used = namesUsed(context.module());
        for (const ast::ImportDecl* import : context.module().imports()) {
            const SourceUnit* target = context.importedUnit(context.unit(), *import);
            if (target == nullptr) {
                continue;
            }
            Closure closure;
            std::set<const SourceUnit*> seen;
            explore(context, *target, used, seen, closure);
            if (closure.hasRules || closure.providesUsedName) {
                continue;
            }
            sink.report(import->pathSpan,
                        fmt::format("nothing that '{}' declares is used here", import->path))
                .withHelp("remove the import");
            // Safe for this file's program: nothing it declares is used here, and it brings no
            // rules. (`clue lint --fix` keeps no round that makes a linted file fail to load.)
            sink.fix({{wholeLines(context.sources(), import->span), ""}}, FixSafety::Safe);
        }
    }

private:
    void explore(const LintContext& context, const SourceUnit& unit,
                 const std::set<std::string>& used, std::set<const SourceUnit*>& seen,
                 Closure& closure) const {
        if (!seen.insert(&unit).second) {
            return;
        }
        closure.hasRules |= !unit.module.rules().empty();
        for (const ast::PredicateDecl* p : unit.module.predicates()) {
            closure.providesUsedName |= used.count(p->name) > 0;
        }
        for (const ast::ImportDecl* import : unit.module.imports()) {
            if (const SourceUnit* next = context.importedUnit(unit, *import)) {
                explore(context, *next, used, seen, closure);
            }
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeUnusedImport() {
    return std::make_unique<UnusedImport>();
}

} // namespace clue::lint
