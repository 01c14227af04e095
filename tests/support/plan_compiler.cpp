// Runs the compile driver with default options but the level.
#include "tests/support/plan_compiler.h"

#include "compiler/driver/compile_driver.h"
#include "compiler/sema/stdlib_dir.h"

namespace clue::testing {

std::optional<plan::Plan> compileAt(const Program& program, const SourceManager& sources,
                                    int level) {
    DiagnosticEngine diagnostics;
    CompileOptions options;
    options.level = level;
    options.stdlibDir = stdlibDirectory("");
    options.allowEmpty = true; // the levels are compared, nothing is judged
    auto compiled = compileProgram(program, sources, diagnostics, options);
    if (!compiled) {
        return std::nullopt;
    }
    return std::move(compiled->plan);
}

} // namespace clue::testing
