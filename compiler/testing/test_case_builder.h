// Turns the `test` blocks of a program's root files into runnable test cases, and names plan
// predicates for reports.
#pragma once

#include "compiler/ir/ir_module.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"
#include "compiler/testing/test_case.h"
#include "plan/plan.h"

#include <string>
#include <vector>

namespace clue {

// The root files' tests in canonical order (relative path, then position). Each given fact is
// keyed by its predicate's statement, so named and inline facts address the same predicate.
std::vector<TestCase> buildTestCases(const Program& program, const SourceManager& sources,
                                     const std::string& stdlibDir);

// The cases whose name matches one of `patterns` (every case when there are none): a pattern
// with `*` or `?` is a glob over the whole name, one without is a part of the name.
std::vector<TestCase> selectTests(std::vector<TestCase> cases,
                                  const std::vector<std::string>& patterns);

// For each plan predicate, the names declared for its statement (joined by '/'), or the
// statement in quotes when only inline uses have it.
std::vector<std::string> predicateDisplayNames(const ir::IRModule& module, const plan::Plan& plan);

} // namespace clue
