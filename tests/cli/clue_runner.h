// Runs the built `clue` binary in a directory, for end-to-end tests of the verbs.
#pragma once

#include "tests/support/command_runner.h"

#include <string>
#include <vector>

namespace clue::testing {

inline CommandResult clue(std::vector<std::string> args, const std::string& workdir) {
    args.insert(args.begin(), CLUE_BINARY);
    return runCommand(args, workdir);
}

inline std::string sourceDir() {
    return CLUE_SOURCE_DIR;
}

} // namespace clue::testing
