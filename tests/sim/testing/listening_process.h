// A server under test as a child process: started with its arguments (and optionally its own
// environment, working folder and a file for its standard error), ready once its first line on
// standard output is "listening on HOST:PORT", from which the port is read. clue-sim and
// `clue serve` both print that line.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace clue::sim::testing {

struct ProcessSpec {
    std::vector<std::string> argv;          // the program first
    std::map<std::string, std::string> env; // set (an empty value unsets)
    std::string cwd;                        // empty: the test's own
    std::string stderrPath;                 // empty: inherited
};

class ListeningProcess {
public:
    // Starts it and waits up to `timeoutMs` for its first line; throws std::runtime_error (with
    // what it printed) when none comes.
    explicit ListeningProcess(const ProcessSpec& spec, int timeoutMs = 10000);
    virtual ~ListeningProcess();
    ListeningProcess(const ListeningProcess&) = delete;
    ListeningProcess& operator=(const ListeningProcess&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const;
    const std::string& firstLine() const { return firstLine_; }

    // Sends `signal` without waiting.
    void signal(int signal) const;
    // Waits up to `timeoutMs` for the exit. Returns the exit status, 128+N for a death by signal
    // N, or -1 when it is still running.
    int wait(int timeoutMs);
    // Sends `signal` and waits up to `timeoutMs`; -1 when the process had to be killed.
    int stop(int signal, int timeoutMs = 10000);

private:
    pid_t pid_ = -1;
    int stdoutFd_ = -1;
    int port_ = 0;
    std::string firstLine_;
};

// Starts `argv` with standard output (and standard error when `mergeStderr`) on `outFd`.
pid_t spawnProcess(const ProcessSpec& spec, int outFd, bool mergeStderr);

} // namespace clue::sim::testing
