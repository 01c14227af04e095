// Runs a command for end-to-end tests and captures its exit code, standard output and
// standard error separately.
#pragma once

#include <string>
#include <vector>

namespace clue::testing {

struct CommandResult {
    int exitCode = -1; // -1 when it did not exit normally
    std::string out;
    std::string err;
};

// Runs `args` (no shell) in `workdir`, with standard input from /dev/null.
CommandResult runCommand(const std::vector<std::string>& args, const std::string& workdir);

} // namespace clue::testing
