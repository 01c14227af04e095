// -O2 against -O0 on random formulas built without the parser (plan_equivalence.h states the
// property), and what the simplification passes leave behind.
#include "compiler/emit/plan_emitter.h"
#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/normalize_pass.h"
#include "compiler/passes/simplify_pass.h"
#include "tests/ir/pass_test_util.h"
#include "tests/ir/plan_equivalence.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

namespace clue {
namespace {

std::vector<testing::TestRule> randomRules(uint64_t seed, size_t count, size_t pool) {
    testing::Random random(seed);
    testing::FormulaShape shape;
    shape.constantShare = 0.05;
    shape.notShare = 0.3;
    auto leaf = [pool](testing::Random& r) {
        return fmt::format("p{}", r.skewed(pool));
    };
    std::vector<testing::TestRule> rules;
    for (size_t i = 0; i < count; ++i) {
        std::string f = testing::randomFormula(random, 1 + random.below(9), shape, leaf);
        if (random.chance(0.3)) {
            f += " unless " + testing::randomFormula(random, 1 + random.below(3), shape, leaf);
        }
        rules.push_back({fmt::format("r{}", i), f});
    }
    return rules;
}

TEST(OptimizationEquivalence, O2DecidesLikeO0OnRandomConstitutions) {
    for (uint64_t seed = 1; seed <= 300; ++seed) {
        const size_t pool = 6 + seed % 6;
        auto rules = randomRules(seed, 12, pool);
        plan::Plan naive = testing::compileModule(testing::buildModule(rules), 0);
        plan::Plan optimized = testing::compileModule(testing::buildModule(rules), 2);
        EXPECT_EQ(testing::firstDisagreement(naive, optimized, seed * 7919, 64), "")
            << "seed " << seed;
    }
}

TEST(OptimizationEquivalence, TheSimplificationPassesHaveNothingLeftToDoAfterO2) {
    for (uint64_t seed = 1; seed <= 200; ++seed) {
        ir::IRModule module = testing::buildModule(randomRules(seed, 12, 8));
        PassContext context;
        runPipeline(module, context, {});
        NormalizePass normalize;
        DedupPass dedup;
        SimplifyPass simplify;
        EXPECT_FALSE(normalize.run(module, context)) << "seed " << seed;
        EXPECT_FALSE(dedup.run(module, context)) << "seed " << seed;
        EXPECT_FALSE(simplify.run(module, context)) << "seed " << seed;
    }
}

TEST(OptimizationEquivalence, O2NeverAsksMoreDistinctQuestionsThanO0) {
    for (uint64_t seed = 1; seed <= 50; ++seed) {
        auto rules = randomRules(seed, 20, 10);
        plan::Plan naive = testing::compileModule(testing::buildModule(rules), 0);
        plan::Plan optimized = testing::compileModule(testing::buildModule(rules), 2);
        EXPECT_LE(optimized.predicates.size(), naive.predicates.size());
        std::set<std::string> keys;
        for (const plan::Predicate& p : optimized.predicates) {
            EXPECT_TRUE(keys.insert(p.key).second) << "a statement asked twice at -O2";
        }
    }
}

} // namespace
} // namespace clue
