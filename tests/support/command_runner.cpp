// fork/exec with both output streams redirected to unique temporary files, read back after the
// child exits (no pipe to deadlock on when a command writes much to both).
#include "tests/support/command_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace clue::testing {
namespace {

int temporaryFile(std::string& path) {
    path = (std::filesystem::temp_directory_path() / "clue-run-XXXXXX").string();
    int fd = ::mkstemp(path.data());
    if (fd < 0) {
        throw std::runtime_error("mkstemp failed");
    }
    return fd;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::filesystem::remove(path);
    return text.str();
}

} // namespace

CommandResult runCommand(const std::vector<std::string>& args, const std::string& workdir) {
    std::string outPath, errPath;
    int outFd = temporaryFile(outPath);
    int errFd = temporaryFile(errPath);
    std::vector<char*> argv;
    for (const std::string& a : args) {
        argv.push_back(const_cast<char*>(a.c_str()));
    }
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) {
        int in = ::open("/dev/null", O_RDONLY);
        if (in < 0 || ::chdir(workdir.c_str()) != 0 || ::dup2(in, 0) < 0 || ::dup2(outFd, 1) < 0 ||
            ::dup2(errFd, 2) < 0) {
            ::_exit(127);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(outFd);
    ::close(errFd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(outPath);
    result.err = slurp(errPath);
    return result;
}

} // namespace clue::testing
