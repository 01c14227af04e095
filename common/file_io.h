// Reading whole files and writing outputs safely, with error messages for the user.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

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

// Why `path` cannot be written as an output, or nothing when it can: its folder is missing or
// not writable, it is a folder, or it is a read-only file (one with no write permission at all
// is refused even to root). Checked before the work whose result it will hold, so that a bad
// `-o` fails at once. A symlink is judged by the file it points to.
std::optional<std::string> outputPathProblem(const std::string& path);

// An output file, written so that a failure never leaves half a file in place of an old one:
// - a regular file (new or existing) is written to a temporary file beside it and renamed over
//   it by commit(); an existing file keeps its permissions, owner and group, a new one gets
//   0666 less the umask, like any file a program creates;
// - a symlink is written through: the file it points to is replaced, the link stays;
// - a file with other hard links is rewritten in place at commit() (from the temporary file),
//   so that every name keeps seeing the same file;
// - a device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place, as it goes;
// - a read-only file, a folder or a path in a missing folder is refused (outputPathProblem).
struct OutputTarget;

class OutputFile {
public:
    explicit OutputFile(const std::string& path);
    ~OutputFile(); // removes the temporary file unless commit() succeeded
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool ok() const { return problem_.empty(); }
    // Why the output cannot be written, without the path ("it is read-only"); empty while ok().
    const std::string& problem() const { return problem_; }

    bool write(std::string_view bytes);
    // Makes the output appear under its name. False (with problem()) on failure.
    bool commit();

private:
    void fail(const std::string& why);
    bool finishTemporary();

    std::string path_;
    std::unique_ptr<OutputTarget> target_;
    int fd_ = -1;
    std::string temporary_;
    bool committed_ = false;
    std::string problem_;
};

// Writes `contents` to `path` as an OutputFile. Returns false and sets `error` (the reason
// alone, without the path) on failure.
bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error);

} // namespace clue
