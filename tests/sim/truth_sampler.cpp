// Formula-directed sampling over the AST.
#include "tests/sim/truth_sampler.h"

namespace clue::sim {

std::size_t TruthSampler::choose(std::size_t count) {
    return static_cast<std::size_t>(random_.bits({key_, std::to_string(choices_++)}) % count);
}

void TruthSampler::makeTrue(const ast::Formula& f, Assignment& truth) {
    switch (f.kind) {
    case ast::FormulaKind::And:
        for (const auto& child : f.children) {
            makeTrue(*child, truth);
        }
        return;
    case ast::FormulaKind::Or:
        makeTrue(*f.children[choose(f.children.size())], truth);
        return;
    case ast::FormulaKind::Not:
        makeFalse(*f.children.front(), truth);
        return;
    case ast::FormulaKind::Const:
        return;
    default:
        truth.insert(model_.statementOf(f));
    }
}

void TruthSampler::makeFalse(const ast::Formula& f, Assignment& truth) {
    switch (f.kind) {
    case ast::FormulaKind::And:
        makeFalse(*f.children[choose(f.children.size())], truth);
        return;
    case ast::FormulaKind::Or:
        for (const auto& child : f.children) {
            makeFalse(*child, truth);
        }
        return;
    case ast::FormulaKind::Not:
        makeTrue(*f.children.front(), truth);
        return;
    case ast::FormulaKind::Const:
        return;
    default:
        truth.erase(model_.statementOf(f));
    }
}

void TruthSampler::makeNearMiss(const ast::Formula& f, Assignment& truth) {
    if (f.kind != ast::FormulaKind::And || f.children.size() < 2) {
        makeFalse(f, truth);
        return;
    }
    const std::size_t missed = choose(f.children.size());
    for (std::size_t i = 0; i < f.children.size(); ++i) {
        if (i != missed) {
            makeTrue(*f.children[i], truth);
        }
    }
    makeFalse(*f.children[missed], truth);
}

} // namespace clue::sim
