// Where an import points: relative to the importing file, or into the standard library.
#pragma once

#include <string>

namespace clue {

struct ResolvedImport {
    std::string path; // as shown in diagnostics: lexically normalized
    bool fromStdlib = false;
};

// `written` is the import's path as written in `importerPath`.
ResolvedImport resolveImport(const std::string& importerPath, const std::string& written,
                             const std::string& stdlibDir);

} // namespace clue
