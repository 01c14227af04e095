// The time `clue lint` takes on large generated constitutions: every rule of the catalogue at
// its default level, from reading the file to the sorted findings. Two shapes: the generator's
// random rules, and N rules that share one formula (every pair of them equivalent, the shape
// that once made lint quadratic). `--write N FILE` and `--write-shared N FILE` write the input
// the benchmark lints, to time the `clue` binary on it.
#include "common/file_io.h"
#include "compiler/lint/linter.h"
#include "tests/support/constitution_generator.h"

#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace {

using namespace clue;

std::string generated(size_t rules) {
    testing::GeneratorOptions options;
    options.rules = rules;
    options.seed = 7;
    return testing::generateConstitution(options);
}

// `rules` copies of one rule under different ids: one class of equivalent rules.
std::string sharedFormula(size_t rules) {
    std::string text = "constitution \"shared\"\n"
                       "predicate person : \"a person is visible\"\n"
                       "predicate weapon : \"a weapon is visible\" object \"weapon\"\n";
    for (size_t i = 0; i < rules; ++i) {
        text += "rule r" + std::to_string(i) + " \"Rule " + std::to_string(i) +
                ".\" severity high when person and weapon\n";
    }
    return text;
}

// A constitution in a file of its own, written once per process.
std::string fileOf(const std::string& name, const std::string& text) {
    auto path = std::filesystem::temp_directory_path() /
                ("clue-lint-bench-" + std::to_string(getpid()) + "-" + name + ".clue");
    if (!std::filesystem::exists(path)) {
        std::string error;
        if (!writeFileAtomically(path.string(), text, error)) {
            throw std::runtime_error(error);
        }
    }
    return path.string();
}

void lintFile(benchmark::State& state, const std::string& path) {
    size_t findings = 0;
    for (auto _ : state) {
        SourceManager sources;
        lint::LintResult result =
            lint::runLint({{path}, nullptr, ""}, {}, lint::Catalogue::standard(), sources);
        findings = result.findings.size();
        benchmark::DoNotOptimize(findings);
    }
    std::filesystem::remove(path);
    state.counters["findings"] = static_cast<double>(findings);
}

void lintGenerated(benchmark::State& state) {
    const auto rules = static_cast<size_t>(state.range(0));
    lintFile(state, fileOf(std::to_string(rules), generated(rules)));
}
BENCHMARK(lintGenerated)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

void lintSharedFormula(benchmark::State& state) {
    const auto rules = static_cast<size_t>(state.range(0));
    lintFile(state, fileOf("shared-" + std::to_string(rules), sharedFormula(rules)));
}
BENCHMARK(lintSharedFormula)
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(20000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    const bool shared = argc == 4 && std::strcmp(argv[1], "--write-shared") == 0;
    if (shared || (argc == 4 && std::strcmp(argv[1], "--write") == 0)) {
        const size_t rules = std::stoul(argv[2]);
        std::string error;
        if (!writeFileAtomically(argv[3], shared ? sharedFormula(rules) : generated(rules),
                                 error)) {
            std::cerr << error << '\n';
            return 2;
        }
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
