// Loading, then the lock entries of the rules that need them.
#include "compiler/driver/loaded_program.h"

#include "compiler/sema/program_loader.h"
#include "compiler/sema/stdlib_dir.h"

namespace clue {

std::unique_ptr<LoadedProgram> loadRoots(const std::vector<std::string>& roots,
                                         const SourceReader* reader) {
    auto loaded = std::make_unique<LoadedProgram>();
    loaded->stdlibDir = stdlibDirectory("");
    LoadOptions options;
    options.stdlibDir = loaded->stdlibDir;
    options.reader = reader;
    loaded->program = loadProgram(roots, loaded->sources, loaded->diagnostics, options);
    if (loaded->program) {
        loaded->locked =
            objectify::LockedRules::load(*loaded->program, loaded->sources, loaded->diagnostics);
    }
    return loaded;
}

} // namespace clue
