// The INPUTS... of `clue judge`: image files, folders and a JSONL manifest, expanded into the
// list of images to judge, in a stable order.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace clue::cli {

// File name extensions (lower case) that a folder's images are recognised by.
bool hasImageExtension(const std::filesystem::path& path);

// Files as given (whatever their name; one that does not exist is kept, and judging reports it),
// each folder replaced by the files with an image extension under it (recursive, sorted by path,
// hidden names skipped), then the manifest's images: one JSON object per line with a "path"
// (relative to the manifest's folder), other fields ignored. Prints an error and returns
// nothing for an unreadable folder or manifest, or a manifest line without a string "path".
std::optional<std::vector<std::filesystem::path>>
expandImageInputs(const std::vector<std::string>& arguments,
                  const std::optional<std::string>& manifest, std::ostream& errors);

} // namespace clue::cli
