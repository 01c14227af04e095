// Reading whole regular files, bounded, without ever blocking on a FIFO or a device.
#include "common/file_io.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <istream>
#include <sys/stat.h>
#include <unistd.h>

namespace clue {
namespace {

ReadError fromErrno(int error) {
    return {error == ENOENT || error == ENOTDIR ? ReadError::Kind::NotFound : ReadError::Kind::Io,
            std::strerror(error)};
}

std::optional<ReadError> refuse(const struct stat& info, std::uint64_t maxBytes) {
    if (S_ISDIR(info.st_mode)) {
        return ReadError{ReadError::Kind::NotAFile, "it is a directory"};
    }
    if (!S_ISREG(info.st_mode)) {
        return ReadError{ReadError::Kind::NotAFile, S_ISFIFO(info.st_mode)
                                                        ? "it is a pipe (FIFO), not a regular file"
                                                        : "it is not a regular file"};
    }
    if (static_cast<std::uint64_t>(info.st_size) > maxBytes) {
        return ReadError{ReadError::Kind::TooLarge,
                         fmt::format("it is {} bytes, over the limit of {} bytes",
                                     static_cast<std::uint64_t>(info.st_size), maxBytes)};
    }
    return std::nullopt;
}

// Reads to the end, or to one byte past `maxBytes` (a file that grew since it was checked).
std::optional<std::string> readAll(int fd, std::uint64_t maxBytes, ReadError& error) {
    std::string contents;
    char buffer[1 << 16];
    while (contents.size() <= maxBytes) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error = fromErrno(errno);
            return std::nullopt;
        }
        if (n == 0) {
            return contents;
        }
        contents.append(buffer, static_cast<size_t>(n));
    }
    error = {ReadError::Kind::TooLarge, fmt::format("it is over the limit of {} bytes", maxBytes)};
    return std::nullopt;
}

} // namespace

std::optional<std::string> readFile(const std::string& path, ReadError& error,
                                    std::uint64_t maxBytes) {
    // What the path names is checked before it is opened (opening a device can do something),
    // and again on the open file, in case it was swapped in between. O_NONBLOCK: opening a
    // FIFO with no writer must not wait; it is refused just below.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        error = fromErrno(errno);
        return std::nullopt;
    }
    if (auto refused = refuse(info, maxBytes)) {
        error = std::move(*refused);
        return std::nullopt;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = fromErrno(errno);
        return std::nullopt;
    }
    std::optional<std::string> contents;
    if (::fstat(fd, &info) != 0) {
        error = fromErrno(errno);
    } else if (auto refused = refuse(info, maxBytes)) {
        error = std::move(*refused);
    } else {
        contents = readAll(fd, maxBytes, error);
    }
    ::close(fd);
    return contents;
}

std::optional<std::string> readStream(std::istream& in, std::string& error,
                                      std::uint64_t maxBytes) {
    std::string contents;
    char buffer[1 << 16];
    while (contents.size() <= maxBytes && in.read(buffer, sizeof buffer).gcount() > 0) {
        contents.append(buffer, static_cast<size_t>(in.gcount()));
    }
    if (contents.size() > maxBytes) {
        error = fmt::format("it is over the limit of {} bytes", maxBytes);
        return std::nullopt;
    }
    if (in.bad()) {
        error = "a read error";
        return std::nullopt;
    }
    return contents;
}

std::optional<std::string> readFile(const std::string& path, std::string& error,
                                    std::uint64_t maxBytes) {
    ReadError why;
    std::optional<std::string> contents = readFile(path, why, maxBytes);
    if (!contents) {
        error = why.message;
    }
    return contents;
}

} // namespace clue
