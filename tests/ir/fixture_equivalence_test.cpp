// -O2 against -O0 through the whole front end (plan_equivalence.h states the property): on
// every shipped constitution and golden-test input that compiles, and on generated random
// constitutions with inline statements in case and punctuation variants, `unless` and constants.
#include "compiler/sema/program_loader.h"
#include "compiler/sema/stdlib_dir.h"
#include "tests/ir/plan_equivalence.h"
#include "tests/support/constitution_generator.h"
#include "tests/support/plan_compiler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>

namespace clue {
namespace {

namespace fs = std::filesystem;

struct PlanPair {
    plan::Plan naive, optimized;
};

// Both plans of `root`, or nothing when it does not load or compile.
std::optional<PlanPair> compileBoth(const std::string& root, const SourceReader* reader) {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    LoadOptions options;
    options.stdlibDir = stdlibDirectory("");
    options.reader = reader;
    auto program = loadProgram({root}, sources, diagnostics, options);
    if (!program) {
        return std::nullopt;
    }
    auto naive = testing::compileAt(*program, sources, 0);
    auto optimized = testing::compileAt(*program, sources, 2);
    if (!naive || !optimized) {
        return std::nullopt;
    }
    return PlanPair{std::move(*naive), std::move(*optimized)};
}

std::vector<fs::path> clueFilesUnder(const fs::path& dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".clue") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Whether `root` has a rule without `when`: stdlib-rules/os-bench-original.clue is shipped as
// the input of `clue objectify` and compiles only with a lockfile (tests/objectify covers it).
bool awaitsObjectification(const fs::path& root) {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    LoadOptions options;
    options.stdlibDir = stdlibDirectory("");
    auto program = loadProgram({root.string()}, sources, diagnostics, options);
    return program && std::any_of(program->rules.begin(), program->rules.end(),
                                  [](const auto& rule) { return !rule.second->when; });
}

TEST(FixtureEquivalence, EveryShippedConstitutionDecidesAlikeAtO0AndO2) {
    const fs::path source = CLUE_SOURCE_DIR;
    std::vector<fs::path> files = clueFilesUnder(source / "stdlib-rules");
    for (const fs::path& f : clueFilesUnder(source / "examples")) {
        files.push_back(f);
    }
    std::erase_if(files, awaitsObjectification);
    ASSERT_GE(files.size(), 3u);
    for (const fs::path& file : files) {
        auto plans = compileBoth(file.string(), nullptr);
        ASSERT_TRUE(plans) << file << " does not compile";
        EXPECT_EQ(testing::firstDisagreement(plans->naive, plans->optimized, 1, 4096), "") << file;
    }
}

// The check itself can fail: os-bench's -O2 plan with one rule's `and` made an `or`, or with two
// rules' roots swapped, is caught.
TEST(FixtureEquivalence, TheCheckCatchesAPlanThatDecidesDifferently) {
    auto plans = compileBoth(std::string(CLUE_SOURCE_DIR) + "/stdlib-rules/os-bench.clue", nullptr);
    ASSERT_TRUE(plans);
    plan::Plan weakened = plans->optimized;
    plan::Node& root = weakened.nodes[weakened.rules[0].root];
    ASSERT_EQ(root.op, plan::NodeOp::And);
    root.op = plan::NodeOp::Or;
    EXPECT_NE(testing::firstDisagreement(plans->naive, weakened, 1, 4096), "");
    plan::Plan swapped = plans->optimized;
    std::swap(swapped.rules[0].root, swapped.rules[1].root);
    EXPECT_NE(testing::firstDisagreement(plans->naive, swapped, 1, 4096), "");
}

TEST(FixtureEquivalence, EveryGoldenInputThatCompilesDecidesAlikeAtO0AndO2) {
    size_t compiled = 0;
    for (const fs::path& file : clueFilesUnder(fs::path(CLUE_SOURCE_DIR) / "tests/golden")) {
        auto plans = compileBoth(file.string(), nullptr);
        if (!plans) {
            continue; // inputs with errors are there on purpose
        }
        ++compiled;
        EXPECT_EQ(testing::firstDisagreement(plans->naive, plans->optimized, 2, 1024), "") << file;
    }
    EXPECT_GT(compiled, 0u);
}

TEST(FixtureEquivalence, GeneratedConstitutionsDecideAlikeAtO0AndO2) {
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        testing::GeneratorOptions g;
        g.rules = 30;
        g.leavesPerRule = 4;
        g.poolSize = 6 + seed % 10;
        g.inlineShare = 0.3;
        g.shape.notShare = 0.3;
        g.shape.constantShare = 0.05;
        g.seed = seed;
        MemoryReader files;
        files.add("generated.clue", testing::generateConstitution(g));
        auto plans = compileBoth("generated.clue", &files);
        ASSERT_TRUE(plans) << "seed " << seed << " does not compile";
        EXPECT_EQ(testing::firstDisagreement(plans->naive, plans->optimized, seed, 256), "")
            << "seed " << seed;
    }
}

} // namespace
} // namespace clue
