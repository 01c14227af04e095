// Standard library lookup, from the most explicit setting to the installed layout.
#include "compiler/sema/stdlib_dir.h"

#include <cstdlib>
#include <filesystem>

namespace clue {

std::string stdlibDirectory(const std::string& configured) {
    if (!configured.empty()) {
        return configured;
    }
    if (const char* fromEnvironment = std::getenv("CLUE_STDLIB");
        fromEnvironment != nullptr && *fromEnvironment != '\0') {
        return fromEnvironment;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(CLUE_STDLIB_DIR, ec)) {
        return CLUE_STDLIB_DIR;
    }
    std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return CLUE_STDLIB_DIR;
    }
    return (executable.parent_path() / ".." / "share" / "clue" / "stdlib-rules")
        .lexically_normal()
        .string();
}

} // namespace clue
