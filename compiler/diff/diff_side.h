// One side of a diff: a compiled plan, and what only the source knows when the side is a
// constitution (predicate names, formulas as written, tests).
#pragma once

#include "compiler/driver/compile_driver.h"
#include "compiler/driver/loaded_program.h"
#include "compiler/testing/test_case.h"
#include "plan/plan.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clue::diff {

struct SourceFacts {
    std::map<std::string, std::vector<std::string>> names; // statement key -> declared names
    std::map<std::string, std::string> formulas;           // rule id -> "F unless G" as written
    std::vector<TestCase> tests;
};

struct DiffSide {
    std::string label; // what it was loaded from, as shown to the user
    plan::Plan plan;
    std::optional<SourceFacts> source; // none for a plan
};

// A side from a compiled constitution (at the level `clue test` uses, -O2).
DiffSide sideFromCompilation(std::string label, const LoadedProgram& loaded,
                             const Compilation& compilation);

// A side loaded from a file: a plan (JSON, recognised by its first character '{') or a
// constitution with its imports. Problems are in `diagnostics` (a constitution) or `error`.
struct LoadedSide {
    std::optional<DiffSide> side;
    std::unique_ptr<LoadedProgram> program; // a constitution's sources and diagnostics
    std::string error;                      // a plan's or an unreadable file's problem
};

// `reader` null: the disk. `label` names the side in messages and the report.
LoadedSide loadSide(const std::string& path, const SourceReader* reader, std::string label);

} // namespace clue::diff
