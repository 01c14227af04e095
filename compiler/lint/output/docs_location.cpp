// File URIs for the docs folder.
#include "compiler/lint/output/docs_location.h"

#include <filesystem>
#include <fmt/format.h>

namespace clue::lint {

std::string encodeUriPath(const std::string& path) {
    std::string out;
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
        out += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
    }
    return out;
}

std::string fileUri(const std::string& absolutePath) {
    return "file://" + encodeUriPath(absolutePath);
}

std::string docsBaseUri(const std::string& configured) {
    if (!configured.empty()) {
        return configured;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path docs = CLUE_DOCS_DIR;
    if (!fs::is_directory(docs, ec)) {
        fs::path executable = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            docs = (executable.parent_path() / ".." / "share" / "doc" / "clue").lexically_normal();
        }
    }
    return fileUri(docs.generic_string() + "/");
}

} // namespace clue::lint
