// File URIs for the docs folder.
#include "compiler/lint/output/docs_location.h"

#include "common/uri.h"

#include <filesystem>

namespace clue::lint {

std::string docsDirectory() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path docs = CLUE_DOCS_DIR;
    if (!fs::is_directory(docs, ec)) {
        fs::path executable = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            docs = (executable.parent_path() / ".." / "share" / "doc" / "clue").lexically_normal();
        }
    }
    return docs.generic_string();
}

std::string docsBaseUri(const std::string& configured) {
    if (!configured.empty()) {
        return configured;
    }
    return fileUri(docsDirectory() + "/");
}

} // namespace clue::lint
