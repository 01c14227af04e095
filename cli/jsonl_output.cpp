// JSONL to stdout or, atomically, to a file.
#include "cli/jsonl_output.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace clue::cli {

JsonlOutput::JsonlOutput(std::string path) : path_(std::move(path)) {
    if (path_.empty()) {
        return;
    }
    // A device or a pipe (`-o /dev/null`, a FIFO) is written in place: renaming a file over it
    // would replace it for every other program.
    struct stat existing {};
    bool inPlace = ::stat(path_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) &&
                   !S_ISDIR(existing.st_mode);
    if (!inPlace) {
        temporary_ = path_ + ".tmp-" + std::to_string(::getpid());
    }
    file_.open(inPlace ? path_ : temporary_, std::ios::binary | std::ios::trunc);
    if (!file_) {
        ok_ = false;
        problem_ = "cannot write '" + path_ + "': " + std::strerror(errno);
    }
}

JsonlOutput::~JsonlOutput() {
    if (!temporary_.empty() && !committed_) {
        file_.close();
        std::error_code ignored;
        std::filesystem::remove(temporary_, ignored);
    }
}

void JsonlOutput::writeLine(const std::string& line) {
    if (path_.empty()) {
        std::cout << line << '\n' << std::flush;
        return;
    }
    file_ << line << '\n';
}

bool JsonlOutput::commit() {
    if (path_.empty()) {
        return static_cast<bool>(std::cout);
    }
    file_.close();
    if (!file_) {
        problem_ = "cannot write '" + path_ + "'";
        return false;
    }
    if (temporary_.empty()) {
        committed_ = true;
        return true;
    }
    std::error_code ec;
    std::filesystem::rename(temporary_, path_, ec);
    if (ec) {
        problem_ = "cannot write '" + path_ + "': " + ec.message();
        return false;
    }
    committed_ = true;
    return true;
}

} // namespace clue::cli
