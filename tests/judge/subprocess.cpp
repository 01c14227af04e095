// fork/exec with output captured in temporary files.
#include "tests/judge/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace clue::test {
namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string temporaryFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "clue-process-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0) {
        ::close(fd);
    }
    return pattern;
}

[[noreturn]] void execChild(const std::vector<std::string>& argv, const ProcessOptions& options,
                            const std::string& out, const std::string& err) {
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) {
        ::_exit(127);
    }
    for (const auto& [name, value] : options.env) {
        if (value.empty()) {
            ::unsetenv(name.c_str());
        } else {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
    }
    const int in = ::open("/dev/null", O_RDONLY);
    const int o = ::open(out.c_str(), O_WRONLY | O_TRUNC);
    const int e = ::open(err.c_str(), O_WRONLY | O_TRUNC);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
}

} // namespace

ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
    const std::string out = temporaryFile();
    const std::string err = temporaryFile();
    ProcessResult result;
    const pid_t child = ::fork();
    if (child == 0) {
        execChild(argv, options, out, err);
    }
    const auto deadline = std::chrono::steady_clock::now() + options.limit;
    int status = 0;
    while (child > 0 && ::waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            result.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (child > 0 && !result.timedOut && WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
    }
    result.out = slurp(out);
    result.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return result;
}

} // namespace clue::test
