// Where `clue judge` writes its JSONL: standard output, line by line, or an output file
// (common/file_io.h) that appears under its name only when the run completes.
#pragma once

#include "common/file_io.h"

#include <memory>
#include <string>

namespace clue::cli {

class JsonlOutput {
public:
    // Empty `path`: standard output. Otherwise opens the output file; check ok().
    explicit JsonlOutput(const std::string& path);

    bool ok() const { return problem_.empty(); }
    const std::string& problem() const { return problem_; }

    void writeLine(const std::string& line);
    // Flushes, and puts the file in place (if there is one). False (with problem()) on failure.
    bool commit();

private:
    std::string path_;
    std::unique_ptr<OutputFile> file_;
    std::string problem_;
};

} // namespace clue::cli
