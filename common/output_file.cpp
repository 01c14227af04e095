// Outputs that never leave half a file, never replace a symlink, a read-only file or another
// user's file, keep hard links, and honour the umask.
#include "common/file_io.h"
#include "common/output_target.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace clue {
namespace {

std::string lastError() {
    return std::strerror(errno);
}

bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// A new file beside `target`, named `.NAME.XXXXXX`, created with 0666 so that the umask applies.
int createTemporary(const OutputTarget& target, std::string& name) {
    std::random_device seed;
    std::mt19937_64 random(seed());
    for (int attempt = 0; attempt < 100; ++attempt) {
        name = target.folder + "/." + target.name + fmt::format(".{:06x}", random() & 0xffffff);
        int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) {
            return fd;
        }
    }
    return -1;
}

// Gives the temporary file the replaced file's permissions, owner and group. When the owner or
// the group cannot be kept (only root may give a file away), the file is rewritten in place
// instead, so that it keeps them.
void inheritAttributes(int fd, OutputTarget& target) {
    const struct stat& old = target.existing;
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
        target.mode = OutputTarget::Mode::RewriteInPlace;
        return;
    }
    ::fchmod(fd, old.st_mode & 07777);
}

// Copies the whole temporary file into the existing target, which keeps its inode.
bool copyInto(int from, const std::string& path, std::string& error) {
    int to = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    bool ok = to >= 0 && ::lseek(from, 0, SEEK_SET) == 0;
    char buffer[1 << 16];
    while (ok) {
        ssize_t n = ::read(from, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        ok = writeAll(to, std::string_view(buffer, static_cast<size_t>(n)));
    }
    ok = ok && ::fsync(to) == 0;
    if (!ok) {
        error = lastError();
    }
    if (to >= 0 && ::close(to) != 0 && ok) {
        error = lastError();
        ok = false;
    }
    return ok;
}

} // namespace

std::optional<std::string> outputPathProblem(const std::string& path) {
    std::string error;
    if (!inspectOutput(path, error)) {
        return error;
    }
    return std::nullopt;
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
    std::string error;
    std::optional<OutputTarget> target = inspectOutput(path, error);
    if (!target) {
        fail(error);
        return;
    }
    target_ = std::make_unique<OutputTarget>(std::move(*target));
    if (target_->mode == OutputTarget::Mode::Stream) {
        fd_ = ::open(target_->path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    } else {
        fd_ = createTemporary(*target_, temporary_);
        if (fd_ >= 0 && target_->exists) {
            inheritAttributes(fd_, *target_);
        }
    }
    if (fd_ < 0) {
        temporary_.clear();
        fail(lastError());
    }
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
    if (!temporary_.empty() && !committed_) {
        ::unlink(temporary_.c_str());
    }
}

void OutputFile::fail(const std::string& why) {
    if (problem_.empty()) {
        problem_ = why;
    }
}

bool OutputFile::write(std::string_view bytes) {
    if (!ok()) {
        return false;
    }
    if (!writeAll(fd_, bytes)) {
        fail(lastError());
        return false;
    }
    return true;
}

bool OutputFile::finishTemporary() {
    std::string error;
    bool done = target_->mode == OutputTarget::Mode::RewriteInPlace
                    ? ::fsync(fd_) == 0 && copyInto(fd_, target_->path, error)
                    : ::fsync(fd_) == 0 && ::rename(temporary_.c_str(), target_->path.c_str()) == 0;
    if (!done) {
        fail(error.empty() ? lastError() : error);
        return false;
    }
    if (target_->mode == OutputTarget::Mode::RewriteInPlace) {
        ::unlink(temporary_.c_str());
    }
    temporary_.clear();
    return true;
}

bool OutputFile::commit() {
    if (!ok() || committed_) {
        return ok();
    }
    bool done = temporary_.empty() || finishTemporary();
    if (::close(fd_) != 0 && done) {
        fail(lastError());
        done = false;
    }
    fd_ = -1;
    committed_ = done;
    return done;
}

bool writeFileAtomically(const std::string& path, const std::string& contents, std::string& error) {
    OutputFile file(path);
    if (file.write(contents) && file.commit()) {
        return true;
    }
    error = file.problem();
    return false;
}

} // namespace clue
