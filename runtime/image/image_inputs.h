// The inputs of a judging run: image files, folders and a JSONL manifest, expanded into the
// list of images to judge, in a stable order. What is wrong with one input (a folder that
// cannot be listed, a FIFO or a dangling symlink named like an image, a manifest path outside
// the manifest root) becomes that input's `error` record; the rest is judged.
#pragma once

#include "runtime/image/image_input.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clue::runtime {

// File name extensions (any case) that a folder's images are recognised by.
bool hasImageExtension(const std::filesystem::path& path);

struct InputOptions {
    std::optional<std::string> manifest; // a JSONL manifest: one {"path": ...} per line
    // Manifest paths must lead inside this folder (after `..` and symlinks are resolved).
    std::optional<std::filesystem::path> manifestRoot;
};

// Files as given (whatever their name; one that does not exist is kept, and judging reports
// it), each folder replaced by every entry with an image extension under it (recursive, sorted
// by path, hidden names skipped; a subfolder that cannot be listed is an input with its
// problem), then the manifest's images: one JSON object per line with a "path" (relative to
// the manifest's folder), other fields ignored. An unreadable manifest, a manifest line
// without a string "path", or a manifest root that is not a folder is an error for the whole
// run.
Expected<std::vector<ImageInput>, std::string>
expandImageInputs(const std::vector<std::string>& arguments, const InputOptions& options);

} // namespace clue::runtime
