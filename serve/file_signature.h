// What says that a file changed, for --watch: its inode, size and modification time (to the
// nanosecond). An editor's atomic rename changes the inode; an in-place write changes the rest.
#pragma once

#include <filesystem>
#include <optional>

namespace clue::serve {

struct FileSignature {
    unsigned long long inode = 0;
    long long size = 0;
    long long modifiedNs = 0;

    bool operator==(const FileSignature&) const = default;
};

// Nothing when the file cannot be read (being replaced, removed).
std::optional<FileSignature> fileSignature(const std::filesystem::path& path);

} // namespace clue::serve
