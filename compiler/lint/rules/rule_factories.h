// One factory per lint rule; each rule's class lives alone in the file named after it.
// catalogue.cpp calls every factory, in code order.
#pragma once

#include "compiler/lint/lint_rule.h"

#include <memory>

namespace clue::lint {

// suppression
std::unique_ptr<LintRule> makeSuppressionWithoutReason();
std::unique_ptr<LintRule> makeUnknownSuppressionCode();
std::unique_ptr<LintRule> makeUnusedSuppression();
// subjectivity
std::unique_ptr<LintRule> makeSubjectiveTerm();
std::unique_ptr<LintRule> makePredicateNotVisual();
std::unique_ptr<LintRule> makeCompoundPredicate();
std::unique_ptr<LintRule> makeNegatedPredicate();
std::unique_ptr<LintRule> makeStatementAboutResponse();
// structure
std::unique_ptr<LintRule> makeNoPreconditionChain();
std::unique_ptr<LintRule> makeTooManyPreconditions();
std::unique_ptr<LintRule> makeDeepNesting();
std::unique_ptr<LintRule> makeMissingObject();
std::unique_ptr<LintRule> makeRepeatedInlineStatement();
std::unique_ptr<LintRule> makeInlineMatchesPredicate();
std::unique_ptr<LintRule> makeDuplicatePredicate();
std::unique_ptr<LintRule> makeNearDuplicatePredicate();
std::unique_ptr<LintRule> makeEmptyCategory();
// logic
std::unique_ptr<LintRule> makeNeverFires();
std::unique_ptr<LintRule> makeAlwaysFires();
std::unique_ptr<LintRule> makeImpliedRule();
std::unique_ptr<LintRule> makeEquivalentRules();
std::unique_ptr<LintRule> makeUnlessCancelsRule();
std::unique_ptr<LintRule> makeUnlessNeverApplies();
// style
std::unique_ptr<LintRule> makeOverlongRuleText();
std::unique_ptr<LintRule> makeOverlongStatement();
std::unique_ptr<LintRule> makeIdNaming();
std::unique_ptr<LintRule> makeMissingSeverity();
std::unique_ptr<LintRule> makeUnusedPredicate();
std::unique_ptr<LintRule> makeUnusedImport();
// testing
std::unique_ptr<LintRule> makeRuleWithoutTests();
std::unique_ptr<LintRule> makeNeverTestedSafe();
std::unique_ptr<LintRule> makeNeverTestedFiring();
std::unique_ptr<LintRule> makeTestFactUnused();

} // namespace clue::lint
