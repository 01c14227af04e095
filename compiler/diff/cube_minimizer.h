// Shrinks a counterexample: drops statements one at a time while three-valued evaluation still
// decides both sides the way the counterexample needs. What is left therefore separates OLD
// from NEW under every completion, and `clue test` (which evaluates the same way) agrees.
#pragma once

#include "compiler/diff/side_model.h"

#include <vector>

namespace clue::diff {

// Some rule of `rules` fires (`fires`), or none does.
struct CubeTarget {
    const SideModel* side = nullptr;
    std::vector<size_t> rules;
    bool fires = true;
};

// Whether `values` (by variable) decides every target the way it wants.
bool meetsTargets(const std::vector<plan::Truth>& values, const std::vector<CubeTarget>& targets);

// `values` must meet the targets. Tries to set each variable of `order` to Unknown in turn and
// keeps it so when the targets are still met; the result is irredundant: no single remaining
// statement can be dropped.
void minimizeCube(std::vector<plan::Truth>& values, const std::vector<uint32_t>& order,
                  const std::vector<CubeTarget>& targets);

} // namespace clue::diff
