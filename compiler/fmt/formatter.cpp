// The module level: items in source order, with the blank line policy between them; and the
// safety check that the formatted text means what the module meant.
#include "compiler/fmt/formatter.h"

#include "compiler/fmt/module_equivalence.h"
#include "compiler/fmt/module_printer.h"
#include "compiler/frontend/parser.h"

namespace clue {
namespace {

// Consecutive imports, or consecutive predicates, form a group that is written without blank
// lines unless the author put some; every other pair of items is separated by one.
bool sameGroup(const ast::Decl& previous, const ast::Decl& next) {
    bool imports = std::holds_alternative<ast::ImportDecl>(previous) &&
                   std::holds_alternative<ast::ImportDecl>(next);
    bool predicates = std::holds_alternative<ast::PredicateDecl>(previous) &&
                      std::holds_alternative<ast::PredicateDecl>(next);
    return imports || predicates;
}

} // namespace

void ModulePrinter::print(const ast::Module& module) {
    if (module.header) {
        out_.beginItem(false);
        printHeader(*module.header);
    }
    for (size_t i = 0; i < module.items.size(); ++i) {
        const ast::Decl& item = module.items[i];
        bool first = i == 0;
        out_.beginItem(first ? module.header.has_value() : !sameGroup(module.items[i - 1], item));
        std::visit(
            [&](const auto& decl) {
                using T = std::decay_t<decltype(decl)>;
                if constexpr (std::is_same_v<T, ast::ImportDecl>) {
                    printImport(decl);
                } else if constexpr (std::is_same_v<T, ast::PredicateDecl>) {
                    printPredicate(decl);
                } else if constexpr (std::is_same_v<T, ast::CategoryDecl>) {
                    printCategory(decl);
                } else if constexpr (std::is_same_v<T, ast::RuleDecl>) {
                    printRule(decl, 0);
                } else if constexpr (std::is_same_v<T, ast::TestDecl>) {
                    printTest(decl);
                } else {
                    static_assert(std::is_same_v<T, ast::ScoreDecl>);
                    printScore(decl);
                }
            },
            item);
    }
}

std::string formatModule(const ast::Module& module, const SourceManager& sources) {
    LayoutWriter out(sources.contents(module.file), module.comments);
    ModulePrinter(out).print(module);
    return out.finish();
}

CheckedFormat formatModuleChecked(const ast::Module& module, SourceManager& sources) {
    CheckedFormat result{formatModule(module, sources), {}};
    DiagnosticEngine scratch;
    FileId again = sources.addFile(sources.path(module.file) + " (formatted)", result.text);
    std::optional<ast::Module> reparsed = parseModule(sources, again, scratch);
    result.problem = reparsed ? moduleDifference(module, *reparsed) : "it does not parse";
    return result;
}

} // namespace clue
