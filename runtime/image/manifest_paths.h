// The paths a manifest names, made inputs: relative ones resolved against the manifest's
// folder, and, with a manifest root, confined to it. A manifest is someone else's file: a path
// with a NUL byte, or one that leads outside the root (by `..`, an absolute path or a
// symlink), is refused with its own record instead of being read.
#pragma once

#include "runtime/image/image_input.h"

#include <filesystem>
#include <optional>
#include <string>

namespace clue::runtime {

class ManifestPaths {
public:
    ManifestPaths(std::filesystem::path base, const std::optional<std::filesystem::path>& root);

    ImageInput input(const std::string& written) const;

private:
    std::optional<std::string> outsideRoot(const std::filesystem::path& path) const;

    std::filesystem::path base_;
    std::optional<std::filesystem::path> root_; // absolute, symlinks resolved
    std::string rootAsGiven_;
};

} // namespace clue::runtime
