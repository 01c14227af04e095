// The semantic diff's benchmark (not a test): for generated constitutions of growing size and a
// NEW that changes 1% of the rules in each of the ways a diff reports (an exception added, a
// rule broadened, a statement reworded, a rule removed, a rule added, a severity changed, and
// predicates renamed, which is no change), the time and peak memory of loading and compiling
// both sides, and of the structural and semantic diff itself. Each size runs in a child
// process, so that its peak memory is its own. bench/README.md has the figures.
#include "compiler/diff/diff_side.h"
#include "compiler/diff/semantic_diff.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

namespace {

using namespace clue;
using Clock = std::chrono::steady_clock;

double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// NEW: every 100th rule changed, the kinds in turn; every 100th predicate renamed.
std::string changed(const std::string& old, size_t rules) {
    std::vector<std::string> blocks;
    std::stringstream in(old);
    std::string line, text, current;
    size_t rule = 0;
    while (std::getline(in, line)) {
        bool starts = line.rfind("rule r", 0) == 0;
        if (starts) {
            ++rule;
        }
        if (starts && rule % 100 == 50) {
            switch ((rule / 100) % 6) {
            case 0: // an exception: narrower
                text += line + "\n";
                std::getline(in, line);
                text += line + "\n";
                std::getline(in, line);
                text += line + " and not \"the image is a documentary still\"\n";
                continue;
            case 1: // broader
                text += line + "\n";
                std::getline(in, line);
                text += line + "\n";
                std::getline(in, line);
                text += "  when (" + line.substr(7) + ") or \"a weapon is visible\"\n";
                continue;
            case 2: // a reworded statement
                text += line + "\n";
                std::getline(in, line);
                text += line + "\n";
                std::getline(in, line);
                text += "  when \"" + fmt::format("a reworded statement {}", rule) + "\"\n";
                continue;
            case 3: // removed: skip the rule's lines
                while (std::getline(in, line) && line.rfind("  ", 0) == 0) {
                }
                text += line + "\n";
                continue;
            case 4: // a severity changed
                text += line + "\n  severity critical\n";
                std::getline(in, line);
                continue;
            default: // a rule added before this one
                text += fmt::format("rule added{} \"Should not show it.\"\n  when \"an added "
                                    "statement {}\"\n",
                                    rule, rule);
                break;
            }
        }
        text += line + "\n";
    }
    for (size_t p = 0; p < rules; p += 100) { // renames: the same statements under new names
        text = std::regex_replace(text, std::regex(fmt::format("\\bp{}\\b", p)),
                                  fmt::format("renamed{}", p));
    }
    return text;
}

int measure(const std::string& oldFile, const std::string& newFile) {
    auto start = Clock::now();
    double cpu0 = cpuSeconds();
    diff::LoadedSide a = diff::loadSide(oldFile, nullptr, "old");
    diff::LoadedSide b = diff::loadSide(newFile, nullptr, "new");
    if (!a.side || !b.side) {
        std::cerr << "a generated constitution did not compile\n";
        return 1;
    }
    double compileCpu = cpuSeconds() - cpu0;
    auto diffStart = Clock::now();
    double cpu1 = cpuSeconds();
    diff::DiffReport report = diff::diffSides(*a.side, *b.side);
    double diffCpu = cpuSeconds() - cpu1;
    double diffWall = std::chrono::duration<double>(Clock::now() - diffStart).count();
    diff::DiffCounts n = diff::countChanges(report);
    size_t decided = 0, cube = 0;
    for (const diff::CategoryDiff& c : report.categories) {
        decided += c.comparison.relation != diff::Relation::Equivalent ? 1 : 0;
    }
    for (const diff::Witness& w : report.verdict.witnesses) {
        cube = std::max(cube, w.cube.size());
    }
    std::cout << fmt::format("{} {} {:.3f} {:.3f} {:.3f} {} {} {} {} {} {} {} {}\n",
                             report.newSide.rules, report.newSide.predicates, compileCpu, diffCpu,
                             diffWall, n.added, n.removed, n.changed,
                             n.relations[1] + n.relations[2] + n.relations[3], decided,
                             diff::relationName(report.verdict.relation), cube,
                             std::chrono::duration<double>(Clock::now() - start).count());
    return 0;
}

// `chains`: no `not` inside formulas (negation only through `unless`), as precondition
// chains are written; the generator's default shape negates 15% of operands, and with
// thousands of rules some rule then fires on every assignment, which makes the verdict
// constant.
void run(size_t rules, bool chains, const std::filesystem::path& dir) {
    testing::GeneratorOptions options;
    options.rules = rules;
    options.seed = 42;
    options.shape.notShare = chains ? 0.0 : options.shape.notShare;
    std::cout << (chains ? "chains: " : "default: ");
    std::string old = testing::generateConstitution(options);
    std::string oldFile = (dir / fmt::format("old-{}.clue", rules)).string();
    std::string newFile = (dir / fmt::format("new-{}.clue", rules)).string();
    std::ofstream(oldFile) << old;
    std::ofstream(newFile) << changed(old, rules);
    std::cout.flush();
    pid_t pid = ::fork();
    if (pid == 0) {
        int code = measure(oldFile, newFile);
        std::cout.flush();
        ::_exit(code);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    std::cout << fmt::format("  peak memory {:.1f} MiB (exit {})\n", double(usage.ru_maxrss) / 1024,
                             WEXITSTATUS(status));
}

} // namespace

int main(int argc, char** argv) {
    std::vector<size_t> sizes;
    std::vector<bool> shapes;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--chains" || arg == "--default") {
            shapes.push_back(arg == "--chains");
        } else if (!arg.empty() && std::isdigit(static_cast<unsigned char>(arg[0]))) {
            sizes.push_back(std::stoul(arg));
        } else {
            std::cerr << "usage: clue_bench_diff [--default] [--chains] [RULES...]\n";
            return 2;
        }
    }
    if (shapes.empty()) {
        shapes = {false, true};
    }
    if (sizes.empty()) {
        sizes = {1000, 10000};
    }
    auto dir = std::filesystem::temp_directory_path() / fmt::format("clue-bench-diff-{}", getpid());
    std::filesystem::create_directories(dir);
    std::cout << "rules(new) statements compile-cpu-s diff-cpu-s diff-wall-s added removed "
                 "changed not-equivalent categories-changed verdict verdict-cube total-s\n";
    for (bool chains : shapes) {
        for (size_t n : sizes) {
            run(n, chains, dir);
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
