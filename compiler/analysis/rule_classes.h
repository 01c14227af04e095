// Rules grouped into classes of equivalent formulas, and the implications between classes.
// A constitution with many copies of one formula yields one class, not a pair per two copies:
// lint reports it once, and the implication search compares one representative per class, so
// the work stays near linear in the number of rules.
#pragma once

#include "compiler/ir/ir_module.h"

#include <vector>

namespace clue::analysis {

struct RuleClasses {
    // The rule indices (in IRModule::rules()) of each class, ascending; classes are ordered by
    // their first rule. A rule marked in `skip` is alone in its class.
    std::vector<std::vector<size_t>> members;
    std::vector<size_t> classOf; // rule -> its class
    // (narrow, broad): every rule of class `narrow` implies every rule of class `broad`, and not
    // the other way round. Sorted.
    std::vector<std::pair<size_t, size_t>> implications;
};

// Rules whose simplified formulas are the same node are one class at once; representatives
// that imply each other are merged. `skip` marks the rules left out of every class but their
// own (pass the constant rules: a rule that never fires implies every other).
RuleClasses classifyRules(const ir::IRModule& module, const std::vector<bool>& skip);

} // namespace clue::analysis
