// The clue-sim binary (CLUE_SIM_BINARY, set by CMake) as a child process.
#include "tests/sim/testing/sim_process.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace clue::sim::testing {
namespace {

using Clock = std::chrono::steady_clock;

ProcessSpec serveSpec(const std::string& worldPath, const std::vector<std::string>& args) {
    ProcessSpec spec;
    spec.argv = {CLUE_SIM_BINARY, "serve", "--world", worldPath};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    return spec;
}

int waitUntil(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (Clock::now() >= deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace

SimProcess::SimProcess(const std::string& worldPath, const std::vector<std::string>& args,
                       int timeoutMs)
    : ListeningProcess(serveSpec(worldPath, args), timeoutMs) {}

int runSim(const std::vector<std::string>& args, std::string& output, int timeoutMs) {
    int fds[2];
    if (pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    ProcessSpec spec;
    spec.argv = {CLUE_SIM_BINARY};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    const pid_t pid = spawnProcess(spec, fds[1], true);
    close(fds[1]);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    char buffer[4096];
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd p{fds[0], POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            break;
        }
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        output.append(buffer, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    const int status = waitUntil(pid, deadline);
    if (status < 0) {
        kill(pid, SIGKILL);
        waitUntil(pid, Clock::now() + std::chrono::seconds(5));
    }
    return status;
}

} // namespace clue::sim::testing
