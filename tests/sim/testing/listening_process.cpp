// fork/exec of a server that announces its port.
#include "tests/sim/testing/listening_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace clue::sim::testing {
namespace {

using Clock = std::chrono::steady_clock;

// The environment of the child: ours, with `changes` applied.
std::vector<std::string> environment(const std::map<std::string, std::string>& changes) {
    std::vector<std::string> out;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        if (changes.count(entry.substr(0, entry.find('='))) == 0) {
            out.push_back(entry);
        }
    }
    for (const auto& [name, value] : changes) {
        if (!value.empty()) {
            out.push_back(name + "=" + value);
        }
    }
    return out;
}

// Reads from `fd` until a line feed, EOF, or the deadline.
std::string readFirstLine(int fd, Clock::time_point deadline) {
    std::string text;
    char buffer[4096];
    while (text.find('\n') == std::string::npos) {
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

} // namespace

pid_t spawnProcess(const ProcessSpec& spec, int outFd, bool mergeStderr) {
    std::vector<std::string> argv = spec.argv;
    std::vector<std::string> env = environment(spec.env);
    std::vector<char*> rawArgv; // built before fork: the child may only call async-signal-safe code
    std::vector<char*> rawEnv;
    for (std::string& a : argv) {
        rawArgv.push_back(a.data());
    }
    rawArgv.push_back(nullptr);
    for (std::string& e : env) {
        rawEnv.push_back(e.data());
    }
    rawEnv.push_back(nullptr);
    const int errFd = spec.stderrPath.empty()
                          ? -1
                          : open(spec.stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(outFd, STDOUT_FILENO);
        if (mergeStderr) {
            dup2(outFd, STDERR_FILENO);
        } else if (errFd >= 0) {
            dup2(errFd, STDERR_FILENO);
        }
        if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) {
            _exit(127);
        }
        execve(rawArgv[0], rawArgv.data(), rawEnv.data());
        _exit(127);
    }
    if (errFd >= 0) {
        close(errFd);
    }
    return pid;
}

ListeningProcess::ListeningProcess(const ProcessSpec& spec, int timeoutMs) {
    int fds[2];
    if (pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const auto start = Clock::now();
    pid_ = spawnProcess(spec, fds[1], false);
    close(fds[1]);
    stdoutFd_ = fds[0];
    const std::string text = readFirstLine(stdoutFd_, start + std::chrono::milliseconds(timeoutMs));
    firstLine_ = text.substr(0, text.find('\n'));
    const std::size_t colon = firstLine_.rfind(':');
    if (firstLine_.rfind("listening on ", 0) != 0 || colon == std::string::npos) {
        stop(SIGKILL, 1000);
        throw std::runtime_error(spec.argv.front() + " did not start: '" + text + "'");
    }
    port_ = std::stoi(firstLine_.substr(colon + 1));
}

ListeningProcess::~ListeningProcess() {
    if (pid_ > 0) {
        stop(SIGKILL, 5000);
    }
    if (stdoutFd_ >= 0) {
        close(stdoutFd_);
    }
}

std::string ListeningProcess::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void ListeningProcess::signal(int signal) const {
    if (pid_ > 0) {
        kill(pid_, signal);
    }
}

int ListeningProcess::wait(int timeoutMs) {
    if (pid_ <= 0) {
        return -1;
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return decodeStatus(status);
        }
        if (Clock::now() >= deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

int ListeningProcess::stop(int signal, int timeoutMs) {
    if (pid_ <= 0) {
        return -1;
    }
    kill(pid_, signal);
    const int status = wait(timeoutMs);
    if (status < 0) {
        kill(pid_, SIGKILL);
        wait(5000);
    }
    return status;
}

} // namespace clue::sim::testing
