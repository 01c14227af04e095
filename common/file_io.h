// Reading whole files and replacing files atomically, with error messages for the user.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <optional>
#include <string>

namespace clue {

inline constexpr std::uint64_t kNoSizeLimit = std::numeric_limits<std::uint64_t>::max();

// Why a file could not be read.
struct ReadError {
    enum class Kind { NotFound, NotAFile, TooLarge, Io };
    Kind kind = Kind::Io;
    std::string message; // "it is a directory", "it is 5000 bytes, over the limit of 4096 bytes"
};

// The bytes of the regular file at `path`, at most `maxBytes` of them. Anything but a regular
// file (a directory, a FIFO, a device) is refused before a byte is read, and never blocks; a
// larger file is refused by its size, before it is read.
std::optional<std::string> readFile(const std::string& path, ReadError& error,
                                    std::uint64_t maxBytes = kNoSizeLimit);
std::optional<std::string> readFile(const std::string& path, std::string& error,
                                    std::uint64_t maxBytes = kNoSizeLimit);

// Everything left in `in` (standard input), at most `maxBytes` of it.
std::optional<std::string> readStream(std::istream& in, std::string& error,
                                      std::uint64_t maxBytes = kNoSizeLimit);

// Writes `contents` to a temporary file beside `path`, then renames it over `path`, so that a
// reader sees either the old or the new file and a failure leaves the old one untouched.
// Keeps the old file's permissions. A `path` that is a device or a pipe (/dev/null, a FIFO) is
// written in place instead, never replaced. Returns false and sets `error` on failure.
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

} // namespace clue
