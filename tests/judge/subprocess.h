// Runs a program to completion for end-to-end tests: arguments, working folder, extra
// environment, standard input from a file, standard output and error captured, and a time
// limit after which it is killed (a test must never hang).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace clue::test {

struct ProcessResult {
    int exitCode = -1; // -1 when it was killed or could not start
    bool timedOut = false;
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::filesystem::path cwd;              // empty: the test's own
    std::map<std::string, std::string> env; // set (an empty value unsets)
    std::chrono::seconds limit{120};
};

ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

} // namespace clue::test
