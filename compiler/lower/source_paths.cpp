// Lexical path arithmetic on absolute, normalized paths.
#include "compiler/lower/source_paths.h"

#include <filesystem>

namespace clue {
namespace {

namespace fs = std::filesystem;

fs::path absoluteNormal(const std::string& path) {
    return fs::absolute(fs::path(path)).lexically_normal();
}

// Whether `path` lies inside the directory `dir` (both absolute and normal).
bool isInside(const fs::path& path, const fs::path& dir) {
    fs::path rel = path.lexically_relative(dir);
    return !rel.empty() && *rel.begin() != "..";
}

fs::path commonAncestor(const fs::path& a, const fs::path& b) {
    fs::path out;
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end() && ib != b.end() && *ia == *ib;
         ++ia, ++ib) {
        out /= *ia;
    }
    return out;
}

} // namespace

SourcePaths::SourcePaths(const std::vector<std::string>& roots, const std::string& stdlibDir) {
    fs::path base;
    for (size_t i = 0; i < roots.size(); ++i) {
        fs::path dir = absoluteNormal(roots[i]).parent_path();
        base = i == 0 ? dir : commonAncestor(base, dir);
    }
    base_ = base.string();
    stdlib_ = stdlibDir.empty() ? "" : absoluteNormal(stdlibDir).string();
}

std::string SourcePaths::relative(const std::string& path) const {
    fs::path file = absoluteNormal(path);
    if (!stdlib_.empty() && !isInside(file, base_) && isInside(file, stdlib_)) {
        return (fs::path("std") / file.lexically_relative(stdlib_)).generic_string();
    }
    return file.lexically_relative(base_).generic_string();
}

} // namespace clue
