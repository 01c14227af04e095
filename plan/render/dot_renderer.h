// Draws a plan in Graphviz's DOT language: rules, predicates, and/or/not and constants each
// with their own shape and fill, shared nodes with a double outline, and a legend.
#pragma once

#include "plan/plan.h"

#include <string>

namespace clue {

std::string renderDot(const plan::Plan& plan);

} // namespace clue
