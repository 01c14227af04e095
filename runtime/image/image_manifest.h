// The manifest of `clue judge --manifest`: JSONL, one {"path": "..."} object per line naming an
// image; other fields are ignored, blank lines skipped.
#pragma once

#include "runtime/support/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

inline constexpr std::size_t kMaxManifestPathBytes = 4096;

struct ManifestEntry {
    int line = 0;     // 1-based
    std::string path; // as written: relative paths are the caller's to resolve
};

struct ManifestError {
    int line = 0;
    std::string message; // what was expected, without the file name and line
};

// Every entry in order, or the first line that is not a JSON object (strict: no key twice) with
// a non-empty string "path" of at most kMaxManifestPathBytes bytes.
Expected<std::vector<ManifestEntry>, ManifestError> parseManifest(std::string_view text);

} // namespace clue::runtime
