// The structural level of a diff: header, predicates (matched by normalized statement), rules
// and categories (matched by name) and tests, field by field.
#pragma once

#include "compiler/diff/diff_report.h"
#include "compiler/diff/diff_side.h"
#include "compiler/diff/variable_table.h"

namespace clue::diff {

// Fills everything of `report` but the comparisons.
void structuralDiff(const DiffSide& oldSide, const DiffSide& newSide,
                    const VariableTable& variables, DiffReport& report);

} // namespace clue::diff
