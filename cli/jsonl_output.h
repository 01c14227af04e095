// Where `clue judge` writes its JSONL: standard output, line by line, or a file that appears
// only when the run completes (written beside it, then renamed), so that a failed run never
// leaves a half-written file in place of an old one. A device or a pipe is written in place.
#pragma once

#include <fstream>
#include <iosfwd>
#include <string>

namespace clue::cli {

class JsonlOutput {
public:
    // Empty `path`: standard output. Otherwise opens the temporary file; check ok().
    explicit JsonlOutput(std::string path);
    ~JsonlOutput(); // removes the temporary file unless commit() ran

    bool ok() const { return ok_; }
    const std::string& problem() const { return problem_; }

    void writeLine(const std::string& line);
    // Flushes, and renames the temporary file onto the path (if there is one). False (with problem()) on failure.
    bool commit();

private:
    std::string path_;
    std::string temporary_;
    std::ofstream file_;
    bool ok_ = true;
    bool committed_ = false;
    std::string problem_;
};

} // namespace clue::cli
