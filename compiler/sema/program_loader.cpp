// Loading stops at the stage boundary: sema runs only when every file parsed and every
// import resolved.
#include "compiler/sema/program_loader.h"

#include "compiler/sema/module_loader.h"
#include "compiler/sema/sema.h"
#include "compiler/sema/stdlib_dir.h"

namespace clue {

std::unique_ptr<Program> loadProgram(const std::vector<std::string>& roots, SourceManager& sources,
                                     DiagnosticEngine& diags, const LoadOptions& options) {
    size_t errorsBefore = diags.errorCount();
    DiskReader disk(options.maxSourceBytes);
    const SourceReader& reader = options.reader != nullptr ? *options.reader : disk;
    auto program = std::make_unique<Program>();
    ModuleLoader(sources, diags, reader, stdlibDirectory(options.stdlibDir)).load(roots, *program);
    if (diags.errorCount() > errorsBefore) {
        return nullptr;
    }
    if (!program->units.empty() && program->units.front()->module.header) {
        program->header = &*program->units.front()->module.header;
    }
    analyzeProgram(*program, sources, diags);
    if (diags.errorCount() > errorsBefore) {
        return nullptr;
    }
    return program;
}

} // namespace clue
