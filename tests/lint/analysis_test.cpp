// The logic analyses behind the lint rules: CNF, truth tables, entailment and the blocked
// search for implied rules, checked against brute force on random formulas.
#include "compiler/analysis/clause_form.h"
#include "compiler/analysis/entailment.h"
#include "compiler/analysis/rule_classes.h"
#include "compiler/analysis/rule_implications.h"
#include "compiler/analysis/truth_table.h"
#include "tests/lint/lint_helpers.h"
#include "tests/support/constitution_generator.h"
#include "tests/support/ir_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace clue::analysis {
namespace {

using testing::buildModule;

// The predicates of a module by name, for readable expectations.
uint32_t predicate(const ir::IRModule& m, const std::string& name) {
    for (uint32_t i = 0; i < m.predicates().size(); ++i) {
        if (m.predicates()[i].statement == name) {
            return i;
        }
    }
    throw std::invalid_argument(name);
}

ClauseForm cnfOf(const ir::IRModule& m, size_t rule, bool negated = false, size_t cap = 64) {
    auto form = clauseForm(m, m.ruleRoot(rule), negated, cap);
    EXPECT_TRUE(form);
    return form.value_or(ClauseForm{});
}

TEST(ClauseForm, AChainIsItsOwnCnf) {
    ir::IRModule m = buildModule({{"r", "(a or b) and c"}});
    ClauseForm f = cnfOf(m, 0);
    uint32_t a = predicate(m, "a"), b = predicate(m, "b"), c = predicate(m, "c");
    ASSERT_EQ(f.clauses.size(), 2u);
    EXPECT_EQ(f.clauses[0], (Clause{literalOf(c, false)}));
    EXPECT_EQ(f.clauses[1], (Clause{literalOf(a, false), literalOf(b, false)}));
}

TEST(ClauseForm, DistributesNegatesAndDropsTautologies) {
    ir::IRModule m = buildModule({{"r", "(a and b) or c"},
                                  {"s", "not (a and b)"},
                                  {"t", "(a or not a) and b"},
                                  {"u", "a and not a"}});
    EXPECT_EQ(cnfOf(m, 0).clauses.size(), 2u);
    ClauseForm negatedAnd = cnfOf(m, 1);
    ASSERT_EQ(negatedAnd.clauses.size(), 1u);
    EXPECT_EQ(negatedAnd.clauses[0].size(), 2u);
    EXPECT_EQ(cnfOf(m, 2).clauses.size(), 1u);
    EXPECT_TRUE(cnfOf(m, 3).isFalse());
}

TEST(ClauseForm, GivesUpBeyondTheClauseLimit) {
    ir::IRModule m = buildModule({{"r", "(a and b) or (c and d) or (e and f) or (g and h)"}});
    EXPECT_FALSE(clauseForm(m, m.ruleRoot(0), false, 8));
    EXPECT_TRUE(clauseForm(m, m.ruleRoot(0), false, 16));
}

TEST(TruthTable, ImpliesSatisfiableValid) {
    ir::IRModule m = buildModule({{"r", "a and b"}, {"s", "a or c"}, {"t", "a or not a"}});
    std::vector<uint32_t> vars =
        unionOf(predicatesBelow(m, m.ruleRoot(0)), predicatesBelow(m, m.ruleRoot(1)));
    auto r = TruthTable::of(m, m.ruleRoot(0), vars);
    auto s = TruthTable::of(m, m.ruleRoot(1), vars);
    ASSERT_TRUE(r && s);
    EXPECT_TRUE(r->implies(*s));
    EXPECT_FALSE(s->implies(*r));
    EXPECT_TRUE(r->satisfiable());
    EXPECT_FALSE(r->valid());
    EXPECT_TRUE(TruthTable::of(m, m.ruleRoot(2), predicatesBelow(m, m.ruleRoot(2)))->valid());
}

std::string chain(size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i <= to; ++i) {
        out += (out.empty() ? "" : " and ") + std::string("p") + std::to_string(i);
    }
    return out;
}

TEST(Entailment, FallsBackToSubsumptionBeyondTheTableLimit) {
    ir::IRModule m = buildModule({{"long", chain(1, 14)},
                                  {"longer", chain(1, 15)},
                                  {"other", chain(2, 15) + " and (p1 or p16)"}});
    EXPECT_EQ(predicatesBelow(m, m.ruleRoot(1)).size(), 15u);
    EXPECT_EQ(entails(m, Side{m.ruleRoot(1)}, Side{m.ruleRoot(0)}), Entailment::Holds);
    EXPECT_EQ(entails(m, Side{m.ruleRoot(0)}, Side{m.ruleRoot(1)}), Entailment::Unknown);
    EXPECT_EQ(entails(m, Side{m.ruleRoot(2)}, Side{m.ruleRoot(0)}), Entailment::Unknown);
    EXPECT_EQ(entails(m, Side{m.ruleRoot(1)}, Side{m.ruleRoot(2)}), Entailment::Holds);
}

TEST(Entailment, ExactOnSmallFormulasAndWithNegatedSides) {
    ir::IRModule m = buildModule({{"w", "a and b"}, {"u", "a or c"}, {"v", "not a"}});
    EXPECT_EQ(entails(m, Side{m.ruleRoot(0)}, Side{m.ruleRoot(1)}), Entailment::Holds);
    EXPECT_EQ(entails(m, Side{m.ruleRoot(1)}, Side{m.ruleRoot(0)}), Entailment::Fails);
    // w implies not (not a): the `unless not a` of `when a and b` never applies.
    EXPECT_EQ(entails(m, Side{m.ruleRoot(0)}, Side{m.ruleRoot(2), true}), Entailment::Holds);
    EXPECT_EQ(satisfiable(m, {m.ruleRoot(2)}), Entailment::Holds);
}

// Twelve random rules over `letters` predicates (a, b, ...), of depth 1 to `maxDepth`.
ir::IRModule randomRules(testing::Random& random, int maxDepth, int letters) {
    testing::FormulaShape shape;
    shape.notShare = 0.2;
    std::vector<testing::TestRule> rules;
    for (int r = 0; r < 12; ++r) {
        std::string f =
            testing::randomFormula(random, 1 + random.below(maxDepth), shape, [letters](auto& rnd) {
                return std::string(1, static_cast<char>('a' + rnd.below(letters)));
            });
        rules.push_back({"r" + std::to_string(r), f});
    }
    return buildModule(rules);
}

// The rules that never or always fire, which the implication search leaves out.
std::vector<bool> constantRules(const ir::IRModule& m) {
    std::vector<bool> constant(m.rules().size(), false);
    for (size_t r = 0; r < m.rules().size(); ++r) {
        auto t = TruthTable::of(m, m.ruleRoot(r), predicatesBelow(m, m.ruleRoot(r)));
        constant[r] = !t->satisfiable() || t->valid();
    }
    return constant;
}

// Random rules over a few predicates: the blocked search finds exactly the pairs that a
// comparison of every pair finds.
TEST(RuleImplications, MatchesBruteForceOnRandomRules) {
    testing::Random random(7);
    for (int round = 0; round < 40; ++round) {
        ir::IRModule m = randomRules(random, 4, 5);
        std::vector<bool> skip = constantRules(m);
        std::vector<RuleImplication> found = findRuleImplications(m, skip);
        std::vector<std::pair<size_t, size_t>> got, expected;
        for (const RuleImplication& i : found) {
            got.push_back({i.rule, i.implied});
        }
        for (size_t r = 0; r < m.rules().size(); ++r) {
            for (size_t s = 0; s < m.rules().size(); ++s) {
                if (r != s && !skip[r] && !skip[s] &&
                    entails(m, Side{m.ruleRoot(r)}, Side{m.ruleRoot(s)}) == Entailment::Holds) {
                    expected.push_back({r, s});
                }
            }
        }
        ASSERT_EQ(got, expected) << "round " << round;
    }
}

// Random rules: two rules share a class exactly when each implies the other, and a class
// implies another exactly when its rules imply the other's rules and not the other way round.
TEST(RuleClasses, MatchBruteForceOnRandomRules) {
    testing::Random random(11);
    for (int round = 0; round < 40; ++round) {
        ir::IRModule m = randomRules(random, 3, 3);
        const size_t n = m.rules().size();
        const std::vector<bool> skip = constantRules(m);
        auto implies = [&](size_t r, size_t s) {
            return !skip[r] && !skip[s] &&
                   entails(m, Side{m.ruleRoot(r)}, Side{m.ruleRoot(s)}) == Entailment::Holds;
        };
        RuleClasses classes = classifyRules(m, skip);
        ASSERT_EQ(classes.classOf.size(), n);
        for (size_t r = 0; r < n; ++r) {
            for (size_t s = 0; s < n; ++s) {
                const bool same = r == s || (implies(r, s) && implies(s, r));
                EXPECT_EQ(classes.classOf[r] == classes.classOf[s], same)
                    << "round " << round << ": rules " << r << " and " << s;
            }
        }
        std::vector<std::pair<size_t, size_t>> expected;
        for (size_t r = 0; r < n; ++r) {
            for (size_t s = 0; s < n; ++s) {
                const size_t a = classes.classOf[r], b = classes.classOf[s];
                if (a != b && implies(r, s)) {
                    expected.emplace_back(a, b);
                }
            }
        }
        std::sort(expected.begin(), expected.end());
        expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
        EXPECT_EQ(classes.implications, expected) << "round " << round;
    }
}

// 1,000 rules with one formula printed 501,500 warnings (a pair per two copies): they are one
// class, one L304 finding that names the others, and nothing is shadowed by its own copy.
TEST(RuleClasses, ManyCopiesOfOneFormulaAreOneFinding) {
    std::string text = "predicate a : \"a person is visible\"\n"
                       "predicate b : \"a weapon is visible\"\n";
    for (int i = 0; i < 300; ++i) {
        text += "rule r" + std::to_string(i) + " \"R.\" when a and b\n";
    }
    text += "rule broad \"B.\" when a\n";
    auto run = testing::lintSource(text);
    auto equivalent = run->of("L304");
    ASSERT_EQ(equivalent.size(), 1u) << run->rendered().substr(0, 3000);
    EXPECT_EQ(equivalent[0]->diagnostic.message,
              "rules 'r1' and 299 other rules fire on exactly the same images");
    // Each copy is shadowed by 'broad', once, naming at most three broader rules.
    auto shadowed = run->of("L303");
    EXPECT_EQ(shadowed.size(), 300u);
    for (const lint::Finding* f : shadowed) {
        EXPECT_NE(f->diagnostic.message.find("by rule 'broad'"), std::string::npos)
            << f->diagnostic.message;
    }
}

} // namespace
} // namespace clue::analysis
