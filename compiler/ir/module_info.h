// Constitution-wide facts that lowering records and plan emission copies: header, categories,
// and the sources the module came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clue::ir {

struct CategoryInfo {
    std::string id;
    std::string title;
};

struct ModuleInfo {
    std::optional<std::string> name;
    std::optional<std::string> version;
    std::optional<std::string> description;
    std::vector<CategoryInfo> categories; // canonical order: relative path, then position
    std::vector<std::string> sourceFiles; // relative paths, sorted
    std::string sourceDigest;             // SHA-256 over the sources in that order
};

} // namespace clue::ir
