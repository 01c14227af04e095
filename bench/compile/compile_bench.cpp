// The compiler's benchmark (not a test): compile time and peak memory, source to plan, for
// generated constitutions of growing size; and how many predicate queries per image -O2 saves
// against -O0 on a given constitution. bench/README.md has the figures and the commands.
#include "compiler/driver/compile_driver.h"
#include "compiler/sema/program_loader.h"
#include "compiler/sema/stdlib_dir.h"
#include "plan/plan_evaluator.h"
#include "plan/plan_json.h"
#include "plan/plan_loader.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace clue;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of this process: on a machine shared with other work, wall time measures the
// neighbours as much as the compiler.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::unique_ptr<Program> load(const std::string& file, SourceManager& sources,
                              DiagnosticEngine& diagnostics) {
    LoadOptions options;
    options.stdlibDir = stdlibDirectory("");
    return loadProgram({file}, sources, diagnostics, options);
}

// Child process: compiles `file` at `level` and prints the CPU time of each phase, the wall
// time of the whole, and the plan's size, as one line.
int measure(const std::string& file, int level, const std::string& out) {
    auto start = Clock::now();
    double cpu0 = cpuSeconds();
    SourceManager sources;
    DiagnosticEngine diagnostics;
    auto program = load(file, sources, diagnostics);
    double loadTime = cpuSeconds() - cpu0;
    if (!program) {
        std::cerr << "the generated constitution did not load\n";
        return 1;
    }
    double cpu1 = cpuSeconds();
    CompileOptions options;
    options.level = level;
    options.stdlibDir = stdlibDirectory("");
    auto compiled = compileProgram(*program, sources, diagnostics, options);
    double compileTime = cpuSeconds() - cpu1;
    double cpu2 = cpuSeconds();
    plan::writePlanFile(compiled->plan, out);
    double writeTime = cpuSeconds() - cpu2;
    std::printf("%.3f %.3f %.3f %.3f %zu %zu %zu\n", loadTime, compileTime, writeTime,
                secondsSince(start), compiled->plan.predicates.size(), compiled->plan.nodes.size(),
                compiled->plan.schedule.size());
    return 0;
}

struct Measurement {
    double load, compile, write, wall; // CPU seconds per phase; wall seconds in the child
    size_t predicates, nodes, waves;
    double cpu; // user + system seconds of the whole child process, exit included
    long peakKiB;
};

// Runs this program again as a child, so that its peak RSS is the compilation's alone.
std::optional<Measurement> runChild(const std::string& self, const std::string& file, int level,
                                    const std::string& out) {
    int fds[2];
    if (::pipe(fds) != 0) {
        return std::nullopt;
    }
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fds[1], 1);
        ::close(fds[0]);
        std::string levelText = std::to_string(level);
        ::execl(self.c_str(), self.c_str(), "--measure", file.c_str(), levelText.c_str(),
                out.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    std::string line;
    char buffer[256];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) {
        line.append(buffer, static_cast<size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    Measurement m{};
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        std::sscanf(line.c_str(), "%lf %lf %lf %lf %zu %zu %zu", &m.load, &m.compile, &m.write,
                    &m.wall, &m.predicates, &m.nodes, &m.waves) != 7) {
        return std::nullopt;
    }
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6;
    };
    m.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    m.peakKiB = usage.ru_maxrss;
    return m;
}

// The constitution that the scaling run compiles for `rules` rules.
std::string generated(size_t rules) {
    testing::GeneratorOptions g;
    g.rules = rules;
    g.seed = 42;
    return testing::generateConstitution(g);
}

int scaling(const std::string& self, const std::vector<size_t>& sizes, int level, int repeat) {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / fmt::format("clue-bench-{}", ::getpid());
    std::filesystem::create_directories(dir);
    std::printf("%8s %8s %9s %9s %9s %9s %8s %9s %8s %8s %6s\n", "rules", "source", "load_cpu",
                "lower_opt", "write_cpu", "total_cpu", "wall_s", "peak_MiB", "preds", "nodes",
                "waves");
    for (size_t rules : sizes) {
        std::string file = (dir / fmt::format("generated-{}.clue", rules)).string();
        std::ofstream(file) << generated(rules);
        std::optional<Measurement> best;
        for (int r = 0; r < repeat; ++r) {
            auto m = runChild(self, file, level, (dir / "plan.json").string());
            if (!m) {
                std::cerr << "measurement failed for " << rules << " rules\n";
                return 1;
            }
            if (!best || m->cpu < best->cpu) {
                best = m;
            }
        }
        std::printf("%8zu %7.1fM %9.3f %9.3f %9.3f %9.3f %8.3f %9.1f %8zu %8zu %6zu\n", rules,
                    static_cast<double>(std::filesystem::file_size(file)) / (1 << 20), best->load,
                    best->compile, best->write, best->cpu, best->wall,
                    static_cast<double>(best->peakKiB) / 1024.0, best->predicates, best->nodes,
                    best->waves);
        std::fflush(stdout);
    }
    std::filesystem::remove_all(dir);
    return 0;
}

} // namespace

int queries(const std::string& file, int samples);

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 4 && args[0] == "--measure") {
        return measure(args[1], std::stoi(args[2]), args[3]);
    }
    if (args.size() == 3 && args[0] == "--generate") {
        std::ofstream(args[2]) << generated(std::stoul(args[1]));
        return 0;
    }
    if (args.size() >= 2 && args[0] == "--queries") {
        return queries(args[1], args.size() > 2 ? std::stoi(args[2]) : 10000);
    }
    std::vector<size_t> sizes;
    int level = 2;
    int repeat = 3;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-O0") {
            level = 0;
        } else if (args[i] == "--repeat" && i + 1 < args.size()) {
            repeat = std::stoi(args[++i]);
        } else {
            sizes.push_back(std::stoul(args[i]));
        }
    }
    if (sizes.empty()) {
        sizes = {100, 1000, 10000, 100000};
    }
    return scaling("/proc/self/exe", sizes, level, repeat);
}
