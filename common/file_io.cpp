// Atomic replacement of files on POSIX; reading is in file_read.cpp.
#include "common/file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace clue {
namespace {

std::string lastError() {
    return std::strerror(errno);
}

bool writeAll(int fd, const std::string& contents) {
    size_t done = 0;
    while (done < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

} // namespace

namespace {

// A device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written in place: renaming a file
// over it would replace the device for every other program.
bool writeInPlace(const std::string& path, const std::string& contents, std::string& error) {
    int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
        error = lastError();
        return false;
    }
    bool ok = writeAll(fd, contents);
    if (!ok) {
        error = lastError();
    }
    if (::close(fd) != 0 && ok) {
        error = lastError();
        ok = false;
    }
    return ok;
}

} // namespace

bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) &&
        !S_ISDIR(existing.st_mode)) {
        return writeInPlace(path, contents, error);
    }
    std::filesystem::path target(path);
    std::string pattern =
        (target.parent_path() / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        error = lastError();
        return false;
    }
    struct stat info {};
    bool ok = writeAll(fd, contents) && ::fsync(fd) == 0;
    if (ok && ::stat(path.c_str(), &info) == 0) {
        ok = ::fchmod(fd, info.st_mode & 07777) == 0;
    }
    if (!ok) {
        error = lastError();
    }
    if (::close(fd) != 0 && ok) {
        error = lastError();
        ok = false;
    }
    if (ok && ::rename(pattern.c_str(), path.c_str()) != 0) {
        error = lastError();
        ok = false;
    }
    if (!ok) {
        ::unlink(pattern.c_str());
    }
    return ok;
}

} // namespace clue
