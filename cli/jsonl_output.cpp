// JSONL to stdout or to an output file.
#include "cli/jsonl_output.h"

#include <iostream>

namespace clue::cli {

JsonlOutput::JsonlOutput(const std::string& path) : path_(path) {
    if (path_.empty()) {
        return;
    }
    file_ = std::make_unique<OutputFile>(path_);
    if (!file_->ok()) {
        problem_ = "cannot write '" + path_ + "': " + file_->problem();
    }
}

void JsonlOutput::writeLine(const std::string& line) {
    if (!file_) {
        std::cout << line << '\n' << std::flush;
        return;
    }
    file_->write(line + '\n');
}

bool JsonlOutput::commit() {
    if (!file_) {
        return static_cast<bool>(std::cout);
    }
    if (!file_->commit()) {
        problem_ = "cannot write '" + path_ + "': " + file_->problem();
        return false;
    }
    return true;
}

} // namespace clue::cli
