// `git show REV:./NAME` run in the file's folder resolves the path relative to that folder,
// wherever the repository's root is.
#include "compiler/sema/git_reader.h"

#include "common/subprocess.h"

#include <filesystem>

namespace clue {

namespace fs = std::filesystem;

namespace {

std::string firstLine(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    return line.rfind("fatal: ", 0) == 0 ? line.substr(7) : line;
}

bool isMissingPath(const std::string& message) {
    return message.find("does not exist in") != std::string::npos ||
           message.find("exists on disk, but not in") != std::string::npos;
}

} // namespace

GitReader::GitReader(std::string revision, std::string diskDir)
    : revision_(std::move(revision)), diskDir_(std::move(diskDir)) {}

std::string GitReader::identity(const std::string& path) const {
    return fs::absolute(path).lexically_normal().string();
}

SourceReader::Result GitReader::read(const std::string& path) const {
    fs::path absolute = identity(path);
    if (!diskDir_.empty()) {
        fs::path relative = absolute.lexically_relative(fs::absolute(diskDir_).lexically_normal());
        if (!relative.empty() && *relative.begin() != "..") {
            return disk_.read(path);
        }
    }
    std::string folder = absolute.parent_path().string();
    ProcessOutput git =
        runProcess({"git", "-C", folder, "show", revision_ + ":./" + absolute.filename().string()});
    if (!git.started) {
        return {Status::Unreadable, "", git.error};
    }
    if (git.exitCode != 0) {
        std::string message = firstLine(git.err);
        return {isMissingPath(message) ? Status::NotFound : Status::Unreadable, "",
                "git: " + message};
    }
    return {Status::Ok, std::move(git.out), ""};
}

} // namespace clue
