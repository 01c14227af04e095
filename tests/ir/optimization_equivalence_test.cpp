// The property that licenses every pass: the -O2 plan decides exactly as the -O0 plan on
// every two-valued assignment, and with unknowns it never decides differently (it may decide
// more, e.g. `a and not a` is false even when a is unknown).
#include "compiler/emit/plan_emitter.h"
#include "compiler/passes/dedup_pass.h"
#include "compiler/passes/normalize_pass.h"
#include "compiler/passes/simplify_pass.h"
#include "runtime/plan/plan_evaluator.h"
#include "tests/ir/pass_test_util.h"
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

namespace clue {
namespace {

using plan::Truth;

std::vector<Truth> ruleValues(const plan::Plan& p, const std::map<std::string, Truth>& byKey) {
    std::vector<Truth> predicates;
    for (const plan::Predicate& pred : p.predicates) {
        predicates.push_back(byKey.at(pred.key));
    }
    std::vector<Truth> nodes = plan::evaluateNodes(p, predicates);
    std::vector<Truth> rules;
    for (const plan::Rule& r : p.rules) {
        rules.push_back(nodes[r.root]);
    }
    return rules;
}

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
        testing::Random random(seed * 7919);
        for (int trial = 0; trial < 64; ++trial) {
            std::map<std::string, Truth> twoValued, partial;
            for (const plan::Predicate& p : naive.predicates) {
                Truth t = random.chance(0.5) ? Truth::True : Truth::False;
                twoValued[p.key] = t;
                partial[p.key] = random.chance(0.3) ? Truth::Unknown : t;
            }
            ASSERT_EQ(ruleValues(optimized, twoValued), ruleValues(naive, twoValued))
                << "seed " << seed << " trial " << trial;
            std::vector<Truth> o0 = ruleValues(naive, partial);
            std::vector<Truth> o2 = ruleValues(optimized, partial);
            for (size_t r = 0; r < o0.size(); ++r) {
                if (o0[r] != Truth::Unknown) {
                    ASSERT_EQ(o2[r], o0[r]) << "seed " << seed << " rule " << rules[r].formula;
                }
            }
        }
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
