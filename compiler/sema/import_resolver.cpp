// Path arithmetic for imports.
#include "compiler/sema/import_resolver.h"

#include <filesystem>

namespace clue {

namespace fs = std::filesystem;

ResolvedImport resolveImport(const std::string& importerPath, const std::string& written,
                             const std::string& stdlibDir) {
    constexpr std::string_view stdPrefix = "std/";
    if (written.starts_with(stdPrefix)) {
        fs::path inStdlib = fs::path(stdlibDir) / written.substr(stdPrefix.size());
        return {inStdlib.lexically_normal().string(), true};
    }
    fs::path target(written);
    if (target.is_relative()) {
        target = fs::path(importerPath).parent_path() / target;
    }
    return {target.lexically_normal().string(), false};
}

} // namespace clue
