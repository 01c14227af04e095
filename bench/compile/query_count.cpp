// Predicate queries per image, -O0 against -O2, on one constitution: the worst case (every rule
// evaluated in full) and, over random answers, what wave-by-wave lazy evaluation asks.
#include "compiler/sema/program_loader.h"
#include "compiler/sema/stdlib_dir.h"
#include "plan/plan_evaluator.h"
#include "tests/support/constitution_generator.h"
#include "tests/support/plan_compiler.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <set>

namespace {

using namespace clue;
using plan::Truth;

struct LazyCount {
    double calls = 0;  // mean predicate queries per image
    double rounds = 0; // mean waves that asked something
};

// Asks wave by wave, skipping predicates no undecided rule depends on any more.
std::pair<size_t, size_t> askLazily(const plan::Plan& p, const std::map<std::string, bool>& truth) {
    std::vector<Truth> values(p.predicates.size(), Truth::Unknown);
    size_t calls = 0, rounds = 0;
    for (const std::vector<uint32_t>& wave : p.schedule) {
        std::vector<uint32_t> needed = plan::neededPredicates(p, plan::evaluateNodes(p, values));
        std::set<uint32_t> open(needed.begin(), needed.end());
        size_t before = calls;
        for (uint32_t q : wave) {
            if (open.count(q)) {
                values[q] = truth.at(p.predicates[q].key) ? Truth::True : Truth::False;
                ++calls;
            }
        }
        rounds += calls > before;
    }
    return {calls, rounds};
}

LazyCount lazyMean(const plan::Plan& p, const std::set<std::string>& keys, int samples) {
    testing::Random random(7);
    LazyCount mean;
    for (int s = 0; s < samples; ++s) {
        std::map<std::string, bool> truth;
        for (const std::string& k : keys) {
            truth[k] = random.chance(0.5);
        }
        auto [calls, rounds] = askLazily(p, truth);
        mean.calls += static_cast<double>(calls) / samples;
        mean.rounds += static_cast<double>(rounds) / samples;
    }
    return mean;
}

} // namespace

int queries(const std::string& file, int samples) {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    LoadOptions options;
    options.stdlibDir = stdlibDirectory("");
    auto program = loadProgram({file}, sources, diagnostics, options);
    auto naive = program ? testing::compileAt(*program, sources, 0) : std::nullopt;
    auto optimized = program ? testing::compileAt(*program, sources, 2) : std::nullopt;
    if (!naive || !optimized) {
        std::cerr << file << " does not compile; run `clue compile` on it to see why\n";
        return 1;
    }
    std::set<std::string> keys;
    for (const plan::Predicate& p : naive->predicates) {
        keys.insert(p.key);
    }
    size_t worst0 = naive->predicates.size(), worst2 = optimized->predicates.size();
    std::printf("%s: %zu rules, %zu distinct statements\n", file.c_str(), naive->rules.size(),
                keys.size());
    std::printf("worst case (every rule in full): -O0 %zu queries, -O2 %zu: %zu fewer (%.1f%%)\n",
                worst0, worst2, worst0 - worst2,
                100.0 * static_cast<double>(worst0 - worst2) / static_cast<double>(worst0));
    LazyCount lazy0 = lazyMean(*naive, keys, samples);
    LazyCount lazy2 = lazyMean(*optimized, keys, samples);
    std::printf("lazy, wave by wave, uniform random answers (%d images): -O0 %.2f queries in "
                "%.2f rounds, -O2 %.2f queries in %.2f rounds\n",
                samples, lazy0.calls, lazy0.rounds, lazy2.calls, lazy2.rounds);
    return 0;
}
