// File reading and atomic replacement on POSIX.
#include "common/file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <string>
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

// The process's umask, read without changing it (umask(2) can only be read by setting it,
// which would race with other threads creating files); "Umask:" is in /proc/self/status since
// Linux 4.7. Falls back to the common 022.
mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        }
    }
    return 022;
}

} // namespace

std::optional<std::string> readFile(const std::string& path, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = lastError();
        return std::nullopt;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        error = S_ISDIR(info.st_mode) ? "it is a directory" : "it is not a regular file";
        ::close(fd);
        return std::nullopt;
    }
    std::string contents;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            error = lastError();
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) {
            break;
        }
        contents.append(buffer, static_cast<size_t>(n));
    }
    ::close(fd);
    return contents;
}

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
    if (ok) {
        // mkstemp creates the file 0600: keep the old file's mode, or give a new one the mode
        // that open(2) would, 0666 less the umask.
        mode_t mode =
            ::stat(path.c_str(), &info) == 0 ? info.st_mode & 07777 : 0666 & ~currentUmask();
        ok = ::fchmod(fd, mode) == 0;
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
