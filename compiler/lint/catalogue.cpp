// The catalogue: every rule, listed here and nowhere else, in code order.
#include "compiler/lint/catalogue.h"

#include "compiler/lint/rules/rule_factories.h"

#include <stdexcept>

namespace clue::lint {
namespace {

std::vector<std::unique_ptr<LintRule>> standardRules() {
    std::vector<std::unique_ptr<LintRule>> rules;
    // suppression (L0xx): run last, over the other rules' results.
    rules.push_back(makeSuppressionWithoutReason());
    rules.push_back(makeUnknownSuppressionCode());
    rules.push_back(makeUnusedSuppression());
    // subjectivity (L1xx): statements the model cannot judge reliably.
    rules.push_back(makeSubjectiveTerm());
    rules.push_back(makePredicateNotVisual());
    rules.push_back(makeCompoundPredicate());
    rules.push_back(makeNegatedPredicate());
    rules.push_back(makeStatementAboutResponse());
    // structure (L2xx): the shape of chains and the sharing of predicates.
    rules.push_back(makeNoPreconditionChain());
    rules.push_back(makeTooManyPreconditions());
    rules.push_back(makeDeepNesting());
    rules.push_back(makeMissingObject());
    rules.push_back(makeRepeatedInlineStatement());
    rules.push_back(makeInlineMatchesPredicate());
    rules.push_back(makeDuplicatePredicate());
    rules.push_back(makeNearDuplicatePredicate());
    rules.push_back(makeEmptyCategory());
    // logic (L3xx): from the IR.
    rules.push_back(makeNeverFires());
    rules.push_back(makeAlwaysFires());
    rules.push_back(makeImpliedRule());
    rules.push_back(makeEquivalentRules());
    rules.push_back(makeUnlessCancelsRule());
    rules.push_back(makeUnlessNeverApplies());
    // style (L4xx)
    rules.push_back(makeOverlongRuleText());
    rules.push_back(makeOverlongStatement());
    rules.push_back(makeIdNaming());
    rules.push_back(makeMissingSeverity());
    rules.push_back(makeUnusedPredicate());
    rules.push_back(makeUnusedImport());
    // testing (L5xx)
    rules.push_back(makeRuleWithoutTests());
    rules.push_back(makeNeverTestedSafe());
    rules.push_back(makeNeverTestedFiring());
    rules.push_back(makeTestFactUnused());
    return rules;
}

} // namespace

Catalogue::Catalogue(std::vector<std::unique_ptr<LintRule>> rules) : rules_(std::move(rules)) {}

const Catalogue& Catalogue::standard() {
    static const Catalogue catalogue(standardRules());
    return catalogue;
}

const LintRule* Catalogue::find(std::string_view codeOrName) const {
    for (const auto& rule : rules_) {
        if (rule->code() == codeOrName || rule->name() == codeOrName) {
            return rule.get();
        }
    }
    return nullptr;
}

size_t Catalogue::indexOf(const LintRule& rule) const {
    for (size_t i = 0; i < rules_.size(); ++i) {
        if (rules_[i].get() == &rule) {
            return i;
        }
    }
    throw std::logic_error("lint rule '" + rule.name() + "' is not in the catalogue");
}

std::vector<std::string> Catalogue::codesAndNames() const {
    std::vector<std::string> out;
    for (const auto& rule : rules_) {
        out.push_back(rule->code());
        out.push_back(rule->name());
    }
    return out;
}

} // namespace clue::lint
