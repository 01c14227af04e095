// Resolving an output path through its symlinks and deciding how it may be written.
#include "common/output_target.h"

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace clue {
namespace {

namespace fs = std::filesystem;

// Where the symlinks starting at `path` lead; the end may not exist yet (a new file).
std::optional<std::string> followLinks(std::string path, std::string& error) {
    for (int hops = 0; hops < 40; ++hops) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
            return path;
        }
        std::string target(PATH_MAX, '\0');
        ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
        if (n < 0) {
            error = std::strerror(errno);
            return std::nullopt;
        }
        target.resize(static_cast<size_t>(n));
        fs::path next(target);
        path = next.is_absolute() ? next.string() : (fs::path(path).parent_path() / next).string();
    }
    error = "too many levels of symbolic links";
    return std::nullopt;
}

// The folder must exist and take new files (the temporary file is created there).
std::optional<std::string> folderProblem(const std::string& folder) {
    struct stat info {};
    if (::stat(folder.c_str(), &info) != 0) {
        return fmt::format("its folder '{}' cannot be used: {}", folder, std::strerror(errno));
    }
    if (!S_ISDIR(info.st_mode)) {
        return fmt::format("'{}' is not a folder", folder);
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        return fmt::format("its folder '{}' is not writable: {}", folder, std::strerror(errno));
    }
    return std::nullopt;
}

// A file nobody may write is read-only even to root, who passes every access() check.
bool readOnly(const std::string& path, const struct stat& info) {
    return (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0;
}

std::optional<std::string> existingProblem(OutputTarget& target) {
    const struct stat& info = target.existing;
    if (S_ISDIR(info.st_mode)) {
        return std::string("it is a directory");
    }
    if (!S_ISREG(info.st_mode)) {
        target.mode = OutputTarget::Mode::Stream;
        return std::nullopt;
    }
    if (readOnly(target.path, info)) {
        return std::string("it is read-only");
    }
    if (info.st_nlink > 1) {
        target.mode = OutputTarget::Mode::RewriteInPlace;
    }
    return folderProblem(target.folder);
}

} // namespace

std::optional<OutputTarget> inspectOutput(const std::string& path, std::string& error) {
    if (path.empty()) {
        error = "no file name";
        return std::nullopt;
    }
    std::optional<std::string> resolved = followLinks(path, error);
    if (!resolved) {
        return std::nullopt;
    }
    OutputTarget target;
    target.path = *resolved;
    fs::path asPath(target.path);
    target.folder = asPath.has_parent_path() ? asPath.parent_path().string() : ".";
    target.name = asPath.filename().string();
    std::optional<std::string> problem;
    if (::stat(target.path.c_str(), &target.existing) == 0) {
        target.exists = true;
        problem = existingProblem(target);
    } else if (errno == ENOENT) {
        problem = target.name.empty() || target.name == "." || target.name == ".."
                      ? std::optional<std::string>("it is a directory")
                      : folderProblem(target.folder);
    } else {
        problem = std::strerror(errno);
    }
    if (problem) {
        error = std::move(*problem);
        return std::nullopt;
    }
    return target;
}

} // namespace clue
