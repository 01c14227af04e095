// Runs a check in a forked child process, for tests that need another process or another user.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <exception>

namespace clue::test {

// True when `body` returns true in the child. Fork only from a test without running threads.
template <typename Body> bool inChild(Body body) {
    const pid_t child = ::fork();
    if (child == 0) {
        bool ok = false;
        try {
            ok = body();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "child process: %s\n", e.what());
        }
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    return child > 0 && ::waitpid(child, &status, 0) == child && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

// Runs `body` as the user `nobody` when the test runs as root (root reads and writes any file,
// whatever its permissions), else in this process.
template <typename Body> bool withoutRoot(Body body) {
    if (::geteuid() != 0) {
        return body();
    }
    return inChild([&] { return ::setgid(65534) == 0 && ::setuid(65534) == 0 && body(); });
}

} // namespace clue::test
