// posix_spawn with two pipes, drained together with poll so that neither can fill up and stall
// the child.
#include "common/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace clue {
namespace {

struct Pipe {
    int read = -1, write = -1;
    bool open() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            return false;
        }
        read = fds[0];
        write = fds[1];
        return true;
    }
    void close() {
        for (int* fd : {&read, &write}) {
            if (*fd >= 0) {
                ::close(*fd);
                *fd = -1;
            }
        }
    }
};

// Reads both pipes until both are at end of file.
void drain(Pipe& out, Pipe& err, ProcessOutput& result, size_t limit) {
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0 && errno != EINTR) {
            return;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                fds[i].fd = -1;
                --open;
                continue;
            }
            size_t room = limit - std::min(limit, sinks[i]->size());
            sinks[i]->append(buffer, std::min(room, size_t(n)));
            result.truncated = result.truncated || size_t(n) > room;
        }
    }
}

} // namespace

ProcessOutput runProcess(const std::vector<std::string>& argv, size_t maxOutputBytes) {
    ProcessOutput result;
    Pipe out, err;
    if (argv.empty() || !out.open() || !err.open()) {
        result.error = argv.empty() ? "no program to run" : std::strerror(errno);
        out.close();
        err.close();
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out.write);
    ::close(err.write);
    out.write = err.write = -1;
    if (rc != 0) {
        result.error = std::string("cannot run ") + argv[0] + ": " + std::strerror(rc);
        out.close();
        err.close();
        return result;
    }
    result.started = true;
    drain(out, err, result, maxOutputBytes);
    out.close();
    err.close();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace clue
