// The time `clue lint` takes on large generated constitutions: every rule of the catalogue at
// its default level, from reading the file to the sorted findings. `--write N FILE` writes the
// N-rule constitution the benchmark lints, to time the `clue` binary on it.
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

// The constitution of `rules` rules in a file of its own, written once per process.
std::string fileOf(size_t rules) {
    auto path =
        std::filesystem::temp_directory_path() /
        ("clue-lint-bench-" + std::to_string(getpid()) + "-" + std::to_string(rules) + ".clue");
    if (!std::filesystem::exists(path)) {
        std::string error;
        if (!writeFileAtomically(path.string(), generated(rules), error)) {
            throw std::runtime_error(error);
        }
    }
    return path.string();
}

void lintGenerated(benchmark::State& state) {
    const auto rules = static_cast<size_t>(state.range(0));
    std::string path = fileOf(rules);
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
BENCHMARK(lintGenerated)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--write") == 0) {
        std::string error;
        if (!writeFileAtomically(argv[3], generated(std::stoul(argv[2])), error)) {
            std::cerr << error << '\n';
            return 2;
        }
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
