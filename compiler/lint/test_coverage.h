// Which rules the `test` blocks exercise: a rule is seen firing when some test that checks it
// (names it in `expect [not] violates`, or expects a verdict) has facts that make its formula
// true, and seen cleared when they make it false (three-valued, as `clue test` runs them). Coverage
// is gathered over every program of a lint run, so tests kept in their own file that imports the
// rules count for those rules.
#pragma once

#include "compiler/lint/program_ir.h"
#include "compiler/sema/program.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

namespace clue::lint {

struct RuleCoverage {
    bool fired = false;
    bool cleared = false;
};

class TestCoverage {
public:
    // `identity` names a file the same way whichever program loaded it.
    using FileIdentity = std::function<std::string(FileId)>;

    // Runs every test of `program` against its rules.
    void add(const Program& program, const ProgramIR& ir, const FileIdentity& identity);

    // What the tests showed of the rule `id` declared in file `file`.
    RuleCoverage of(const std::string& file, const std::string& id) const;

private:
    std::map<std::pair<std::string, std::string>, RuleCoverage> rules_;
};

} // namespace clue::lint
