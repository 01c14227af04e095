// `clue-sim serve` as a child process: started on port 0, its port read from its first line.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace clue::sim::testing {

class SimProcess {
public:
    // Starts `clue-sim serve --world WORLD ARGS...` and waits up to `timeoutMs` for its
    // "listening on HOST:PORT" line; throws std::runtime_error when none comes.
    SimProcess(const std::string& worldPath, const std::vector<std::string>& args = {},
               int timeoutMs = 10000);
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const;
    const std::string& firstLine() const { return firstLine_; }

    // Sends `signal` and waits up to `timeoutMs`. Returns the exit status, 128+N for a death by
    // signal N, or -1 when the process had to be killed.
    int stop(int signal, int timeoutMs = 10000);

private:
    pid_t pid_ = -1;
    int stdoutFd_ = -1;
    int port_ = 0;
    std::string firstLine_;
};

// Runs clue-sim with `args` to completion; returns the exit status and fills `output` with
// stdout and stderr together.
int runSim(const std::vector<std::string>& args, std::string& output, int timeoutMs = 60000);

} // namespace clue::sim::testing
