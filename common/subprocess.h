// Running a program and collecting what it prints: for the few verbs that call another tool
// (`clue diff --git` runs `git`).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace clue {

struct ProcessOutput {
    bool started = false;   // false: the program could not be run; `error` says why
    int exitCode = -1;      // the exit status; -1 when it was ended by a signal
    std::string out;        // standard output, at most the limit
    std::string err;        // standard error, at most the limit
    bool truncated = false; // an output went past the limit (the rest was read and dropped)
    std::string error;
};

// Runs argv[0] (searched in PATH) with standard input closed, and waits for it.
ProcessOutput runProcess(const std::vector<std::string>& argv, size_t maxOutputBytes = 64u << 20);

} // namespace clue
