// Builds IR modules for tests from rules written as formulas in the language's own syntax
// ("a and (b or not c) unless d"), without the parser: identifiers are predicates whose
// statement is their name, unless `predicates` declares them with options.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/ir/ir_module.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clue::testing {

struct TestPredicate {
    std::string name;
    double cost = 1.0;
    std::optional<double> prior;
};

struct TestRule {
    std::string id;
    std::string formula; // `when` formula, optionally followed by `unless` and a formula
};

// Lowers the rules in order through FormulaLowering. Throws std::invalid_argument on a
// formula it cannot parse.
ir::IRModule buildModule(const std::vector<TestRule>& rules,
                         const std::vector<TestPredicate>& predicates = {});

} // namespace clue::testing
