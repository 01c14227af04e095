// fork/exec of the clue-sim binary (CLUE_SIM_BINARY, set by CMake).
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

pid_t spawn(const std::vector<std::string>& args, int outFd, bool mergeStderr) {
    std::vector<std::string> argv = {CLUE_SIM_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw; // built before fork: the child may only call async-signal-safe code
    for (std::string& a : argv) {
        raw.push_back(a.data());
    }
    raw.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(outFd, STDOUT_FILENO);
        if (mergeStderr) {
            dup2(outFd, STDERR_FILENO);
        }
        execv(raw[0], raw.data());
        _exit(127);
    }
    return pid;
}

// Reads from `fd` until `stop(text)` holds, EOF, or the deadline.
std::string readUntil(int fd, Clock::time_point deadline, bool (*stop)(const std::string&)) {
    std::string text;
    char buffer[4096];
    while (!stop(text)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd p{fd, POLLIN, 0};
        if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
            break;
        }
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            break;
        }
        text.append(buffer, static_cast<std::size_t>(n));
    }
    return text;
}

int decodeStatus(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits for `pid` until the deadline; -1 when it is still running then.
int waitUntil(pid_t pid, Clock::time_point deadline) {
    for (;;) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            return decodeStatus(status);
        }
        if (Clock::now() >= deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace

SimProcess::SimProcess(const std::string& worldPath, const std::vector<std::string>& args,
                       int timeoutMs) {
    int fds[2];
    if (pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::vector<std::string> all = {"serve", "--world", worldPath};
    all.insert(all.end(), args.begin(), args.end());
    const auto start = Clock::now();
    pid_ = spawn(all, fds[1], false);
    close(fds[1]);
    stdoutFd_ = fds[0];
    const std::string text = readUntil(stdoutFd_, start + std::chrono::milliseconds(timeoutMs),
                                       [](const std::string& t) { return t.find('\n') != t.npos; });
    firstLine_ = text.substr(0, text.find('\n'));
    const std::size_t colon = firstLine_.rfind(':');
    if (firstLine_.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
        stop(SIGKILL, 1000);
        throw std::runtime_error("clue-sim did not start: '" + text + "'");
    }
    port_ = std::stoi(firstLine_.substr(colon + 1));
}

SimProcess::~SimProcess() {
    if (pid_ > 0) {
        stop(SIGKILL, 5000);
    }
    if (stdoutFd_ >= 0) {
        close(stdoutFd_);
    }
}

std::string SimProcess::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int SimProcess::stop(int signal, int timeoutMs) {
    if (pid_ <= 0) {
        return -1;
    }
    kill(pid_, signal);
    int status = waitUntil(pid_, Clock::now() + std::chrono::milliseconds(timeoutMs));
    if (status < 0) {
        kill(pid_, SIGKILL);
        waitUntil(pid_, Clock::now() + std::chrono::seconds(5));
    }
    pid_ = -1;
    return status;
}

int runSim(const std::vector<std::string>& args, std::string& output, int timeoutMs) {
    int fds[2];
    if (pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = spawn(args, fds[1], true);
    close(fds[1]);
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    output = readUntil(fds[0], deadline, [](const std::string&) { return false; });
    close(fds[0]);
    const int status = waitUntil(pid, deadline);
    if (status < 0) {
        kill(pid, SIGKILL);
        waitUntil(pid, Clock::now() + std::chrono::seconds(5));
    }
    return status;
}

} // namespace clue::sim::testing
