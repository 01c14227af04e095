// `clue-sim serve` as a child process: started on port 0, its port read from its first line.
#pragma once

#include "tests/sim/testing/listening_process.h"

#include <string>
#include <vector>

namespace clue::sim::testing {

class SimProcess : public ListeningProcess {
public:
    // Starts `clue-sim serve --world WORLD ARGS...` and waits up to `timeoutMs` for its
    // "listening on HOST:PORT" line; throws std::runtime_error when none comes.
    SimProcess(const std::string& worldPath, const std::vector<std::string>& args = {},
               int timeoutMs = 10000);
};

// Runs clue-sim with `args` to completion; returns the exit status and fills `output` with
// stdout and stderr together.
int runSim(const std::vector<std::string>& args, std::string& output, int timeoutMs = 60000);

} // namespace clue::sim::testing
