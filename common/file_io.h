// Reading whole files and replacing files atomically, with error messages for the user.
#pragma once

#include <optional>
#include <string>

namespace clue {

// The bytes of the regular file at `path`; on failure, nothing, and `error` says why.
std::optional<std::string> readFile(const std::string& path, std::string& error);

// Writes `contents` to a temporary file beside `path`, then renames it over `path`, so that a
// reader sees either the old or the new file and a failure leaves the old one untouched.
// Keeps the old file's permissions; a new file gets 0666 less the umask, as open(2) gives it.
// A `path` that is a device or a pipe (/dev/null, a FIFO) is written in place instead, never
// replaced. Returns false and sets `error` on failure.
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

} // namespace clue
