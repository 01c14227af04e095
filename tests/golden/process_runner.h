// Runs a program with arguments, a working directory, extra environment and standard input,
// and collects its output and exit status; kills it after a time limit.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clue::testing {

struct ProcessResult {
    std::string out;
    std::string err;
    int exitCode = -1; // 128 + signal when killed by one
    bool timedOut = false;
};

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& arguments,
                         const std::string& workingDirectory,
                         const std::map<std::string, std::string>& environment,
                         const std::string& input, int timeoutSeconds);

} // namespace clue::testing
