// Manifest paths: resolution and confinement.
#include "runtime/image/manifest_paths.h"

#include "common/escaped_text.h"

#include <algorithm>

namespace clue::runtime {

namespace fs = std::filesystem;

namespace {

ImageInput refused(const fs::path& path, const std::string& why) {
    return {path,
            ImageError{ImageErrorKind::Refused, path, escapeFileName(path.string()) + ": " + why}};
}

// Whether `path` is `root` or under it, component by component.
bool within(const fs::path& path, const fs::path& root) {
    return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
}

} // namespace

ManifestPaths::ManifestPaths(fs::path base, const std::optional<fs::path>& root)
    : base_(std::move(base)) {
    if (root) {
        std::error_code ec;
        root_ = fs::weakly_canonical(fs::absolute(*root, ec), ec);
        rootAsGiven_ = root->string();
    }
}

ImageInput ManifestPaths::input(const std::string& written) const {
    if (written.find('\0') != std::string::npos) {
        return refused(written, "the manifest path holds a NUL byte, which no file name can");
    }
    const fs::path given(written);
    const fs::path path = given.is_absolute() ? given : (base_ / given).lexically_normal();
    if (auto why = outsideRoot(path)) {
        return refused(path, *why);
    }
    return path;
}

// Checked where the path leads once its symlinks and `..` are resolved, as opening it would.
std::optional<std::string> ManifestPaths::outsideRoot(const fs::path& path) const {
    if (!root_) {
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec || !within(resolved, *root_)) {
        return "outside the manifest root '" + rootAsGiven_ + "' (--manifest-root)";
    }
    return std::nullopt;
}

} // namespace clue::runtime
