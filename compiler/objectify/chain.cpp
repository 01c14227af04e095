// Turning an extracted chain into a formula of the language.
#include "compiler/objectify/chain.h"

#include "common/statement.h"

#include <set>

namespace clue::objectify {
namespace {

std::unique_ptr<ast::Formula> joined(ast::FormulaKind kind,
                                     std::vector<std::unique_ptr<ast::Formula>> operands) {
    if (operands.size() == 1) {
        return std::move(operands.front());
    }
    return ast::Formula::makeNary(kind, std::move(operands), {});
}

} // namespace

size_t Chain::statementCount() const {
    size_t count = 0;
    for (const ChainStep& step : steps) {
        count += step.size();
    }
    return count;
}

std::unique_ptr<ast::Formula> Chain::toFormula() const {
    std::vector<std::unique_ptr<ast::Formula>> conjuncts;
    for (const ChainStep& step : steps) {
        std::vector<std::unique_ptr<ast::Formula>> alternatives;
        for (const ChainStatement& s : step) {
            alternatives.push_back(ast::Formula::makeInline(s.statement, {}));
        }
        conjuncts.push_back(joined(ast::FormulaKind::Or, std::move(alternatives)));
    }
    return joined(ast::FormulaKind::And, std::move(conjuncts));
}

std::vector<ChainStatement> Chain::objects() const {
    std::vector<ChainStatement> found;
    std::set<std::string> seen;
    for (const ChainStep& step : steps) {
        for (const ChainStatement& s : step) {
            if (!s.object.empty() && seen.insert(normalizeStatement(s.statement)).second) {
                found.push_back(s);
            }
        }
    }
    return found;
}

} // namespace clue::objectify
