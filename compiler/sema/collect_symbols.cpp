// Fills the program's symbol maps. A name declared twice in one file is a duplicate; declared
// in two files of one program, it is a clash between them.
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/sema/sema.h"

#include <fmt/format.h>

namespace clue {
namespace {

class SymbolCollector {
public:
    SymbolCollector(const SourceManager& sources, DiagnosticEngine& diags)
        : sources_(sources), diags_(diags) {}

    template <typename D>
    void declare(std::map<std::string, const D*>& table, const std::string& name, const D& decl,
                 const char* kind, const char* duplicateCode, SourceSpan (*nameSpanOf)(const D&)) {
        SourceSpan nameSpan = nameSpanOf(decl);
        auto [it, inserted] = table.emplace(name, &decl);
        if (inserted) {
            return;
        }
        SourceSpan first = nameSpanOf(*it->second);
        if (first.file == nameSpan.file) {
            diags_.error(duplicateCode, nameSpan, fmt::format("duplicate {} '{}'", kind, name))
                .note(fmt::format("'{}' is first declared here", name), first)
                .withHelp(fmt::format("rename one of them; each {} needs its own name", kind));
            return;
        }
        diags_
            .error(code::NameClash, nameSpan,
                   fmt::format("{} '{}' is declared in both '{}' and '{}'", kind, name,
                               sources_.path(first.file), sources_.path(nameSpan.file)))
            .note(fmt::format("the other declaration, in '{}'", sources_.path(first.file)), first)
            .withHelp("names are shared by every file of a constitution; rename one of them, "
                      "or keep only one declaration");
    }

private:
    const SourceManager& sources_;
    DiagnosticEngine& diags_;
};

SourceSpan predicateName(const ast::PredicateDecl& d) {
    return d.nameSpan;
}
SourceSpan ruleName(const ast::RuleDecl& d) {
    return d.idSpan;
}
SourceSpan categoryName(const ast::CategoryDecl& d) {
    return d.nameSpan;
}
SourceSpan testName(const ast::TestDecl& d) {
    return d.nameSpan;
}

} // namespace

void collectSymbols(Program& program, const SourceManager& sources, DiagnosticEngine& diags) {
    SymbolCollector collector(sources, diags);
    for (const auto& unit : program.units) {
        const ast::Module& module = unit->module;
        for (const ast::PredicateDecl* p : module.predicates()) {
            collector.declare(program.predicates, p->name, *p, "predicate",
                              code::DuplicatePredicate, predicateName);
        }
        module.forEachRule([&](const ast::RuleDecl& r) {
            collector.declare(program.rules, r.id, r, "rule", code::DuplicateRule, ruleName);
        });
        for (const ast::CategoryDecl* c : module.categories()) {
            collector.declare(program.categories, c->name, *c, "category", code::DuplicateCategory,
                              categoryName);
        }
        for (const ast::TestDecl* t : module.tests()) {
            collector.declare(program.tests, t->name, *t, "test", code::DuplicateTest, testName);
        }
    }
}

} // namespace clue
