// The semantic diff against brute force: on random pairs of small constitutions, every
// relation agrees with enumerating all assignments, and every counterexample separates OLD
// from NEW under all of its completions, and under three-valued evaluation (as `clue test`).
#include "tests/diff/diff_fixture.h"
#include "tests/support/constitution_generator.h"

#include "common/statement.h"
#include "plan/plan_evaluator.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

namespace clue::testing {
namespace {

using diff::Relation;
using plan::Truth;

constexpr size_t kStatements = 5;

std::string statementOf(size_t i) {
    return fmt::format("object {} is visible", i);
}

std::string randomConstitution(Random& random, size_t rules) {
    std::string text = "constitution \"p\" version \"1\"\n";
    for (size_t i = 0; i < kStatements; ++i) {
        text += fmt::format("predicate p{} : \"{}\"\n", i, statementOf(i));
    }
    FormulaShape shape;
    shape.notShare = 0.3;
    shape.constantShare = 0.03;
    auto leaf = [](Random& r) {
        return fmt::format("p{}", r.below(kStatements));
    };
    text += "category c \"C\" {\n";
    for (size_t r = 0; r < rules; ++r) {
        text += fmt::format("rule r{} \"Rule {}.\" when {}\n", r, r,
                            randomFormula(random, 1 + random.below(6), shape, leaf));
        if (random.chance(0.3)) {
            text += "  unless " + randomFormula(random, 1 + random.below(2), shape, leaf) + "\n";
        }
    }
    return text + "}\n";
}

// Values of the plan's rules, with statement i set as `values` says (Unknown where unset).
std::vector<Truth> ruleValues(const plan::Plan& plan, const std::map<std::string, Truth>& byKey) {
    std::vector<Truth> predicates;
    for (const plan::Predicate& p : plan.predicates) {
        auto it = byKey.find(p.key);
        predicates.push_back(it == byKey.end() ? Truth::Unknown : it->second);
    }
    std::vector<Truth> nodes = plan::evaluateNodes(plan, predicates);
    std::vector<Truth> out;
    for (const plan::Rule& r : plan.rules) {
        out.push_back(nodes[r.root]);
    }
    return out;
}

std::map<std::string, Truth> assignment(unsigned bits) {
    std::map<std::string, Truth> out;
    for (size_t i = 0; i < kStatements; ++i) {
        out[statementHash(statementOf(i))] = (bits >> i) & 1 ? Truth::True : Truth::False;
    }
    return out;
}

Truth anyOf(const std::vector<Truth>& values) {
    Truth out = Truth::False;
    for (Truth t : values) {
        out =
            t == Truth::True ? Truth::True : (t == Truth::Unknown && out == Truth::False ? t : out);
    }
    return out;
}

// Which side fires a subject (a rule index, or -1 for the verdict) on one assignment.
Truth subjectValue(const std::vector<Truth>& rules, int rule) {
    return rule < 0 ? anyOf(rules) : rules[size_t(rule)];
}

Relation bruteRelation(const diff::DiffSide& a, const diff::DiffSide& b, int rule) {
    bool broad = false, narrow = false;
    for (unsigned bits = 0; bits < (1u << kStatements); ++bits) {
        Truth o = subjectValue(ruleValues(a.plan, assignment(bits)), rule);
        Truth n = subjectValue(ruleValues(b.plan, assignment(bits)), rule);
        broad = broad || (n == Truth::True && o == Truth::False);
        narrow = narrow || (o == Truth::True && n == Truth::False);
    }
    return broad && narrow ? Relation::Incomparable
           : broad         ? Relation::Broader
           : narrow        ? Relation::Narrower
                           : Relation::Equivalent;
}

void checkWitness(const diff::DiffSide& a, const diff::DiffSide& b, int rule,
                  const diff::Witness& w) {
    std::map<std::string, Truth> cube;
    for (const diff::Literal& l : w.cube) {
        cube[statementHash(l.statement)] = l.value ? Truth::True : Truth::False;
    }
    Truth firing = w.firesInNew ? Truth::True : Truth::False;
    EXPECT_EQ(subjectValue(ruleValues(b.plan, cube), rule), firing) << "three-valued, NEW";
    EXPECT_EQ(subjectValue(ruleValues(a.plan, cube), rule),
              w.firesInNew ? Truth::False : Truth::True)
        << "three-valued, OLD";
    for (unsigned bits = 0; bits < (1u << kStatements); ++bits) {
        std::map<std::string, Truth> full = assignment(bits);
        bool consistent = true;
        for (const auto& [key, value] : cube) {
            consistent = consistent && full[key] == value;
        }
        if (consistent) {
            EXPECT_EQ(subjectValue(ruleValues(b.plan, full), rule), firing)
                << "completion " << bits;
        }
    }
}

void checkComparison(const diff::DiffSide& a, const diff::DiffSide& b, int rule,
                     const diff::Comparison& c) {
    Relation expected = bruteRelation(a, b, rule);
    ASSERT_EQ(c.relation, expected) << "rule " << rule;
    size_t wanted = expected == Relation::Equivalent     ? 0
                    : expected == Relation::Incomparable ? 2
                                                         : 1;
    ASSERT_EQ(c.witnesses.size(), wanted);
    for (const diff::Witness& w : c.witnesses) {
        checkWitness(a, b, rule, w);
    }
}

TEST(DiffPropertyTest, RuleRelationsAgreeWithEnumeration) {
    Random random(7);
    for (int round = 0; round < 150; ++round) {
        std::string oldText = randomConstitution(random, 1);
        std::string newText = randomConstitution(random, 1);
        SCOPED_TRACE(oldText + "----\n" + newText);
        diff::DiffSide a = sideOf(oldText, "old.clue"), b = sideOf(newText, "new.clue");
        diff::DiffReport report = diff::diffSides(a, b);
        ASSERT_TRUE(report.rules.front().comparison);
        checkComparison(a, b, 0, *report.rules.front().comparison);
        checkComparison(a, b, -1, report.verdict);
    }
}

// Run both ways: small groups on decision diagrams, and every group on the SAT solver.
class GroupPropertyTest : public ::testing::TestWithParam<size_t> {};

TEST_P(GroupPropertyTest, VerdictAndCategoryRelationsAgreeWithEnumeration) {
    Random random(11);
    diff::DiffOptions options;
    options.diagramGroupRules = GetParam();
    for (int round = 0; round < 100; ++round) {
        std::string oldText = randomConstitution(random, 1 + random.below(4));
        std::string newText = randomConstitution(random, 1 + random.below(4));
        SCOPED_TRACE(oldText + "----\n" + newText);
        diff::DiffSide a = sideOf(oldText, "old.clue"), b = sideOf(newText, "new.clue");
        diff::DiffReport report = diff::diffSides(a, b, options);
        checkComparison(a, b, -1, report.verdict);
        ASSERT_EQ(report.categories.size(), 1u);
        // All rules sit in the one category, so it fires exactly when the verdict does.
        checkComparison(a, b, -1, report.categories.front().comparison);
        for (const diff::RuleDiff& r : report.rules) {
            if (r.comparison) {
                int index = std::stoi(r.id.substr(1));
                if (size_t(index) < a.plan.rules.size() && a.plan.rules[size_t(index)].id == r.id &&
                    b.plan.rules[size_t(index)].id == r.id) {
                    checkComparison(a, b, index, *r.comparison);
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(DiagramsOrSat, GroupPropertyTest, ::testing::Values(64, 0));

TEST(DiffPropertyTest, MassIsTheProbabilityOfTheDifference) {
    Random random(3);
    for (int round = 0; round < 40; ++round) {
        std::string oldText = randomConstitution(random, 1 + random.below(3));
        std::string newText = randomConstitution(random, 1 + random.below(3));
        diff::DiffOptions options;
        std::vector<double> priors;
        for (size_t i = 0; i < kStatements; ++i) {
            priors.push_back(0.1 + 0.15 * double(i));
            options.priors[statementHash(statementOf(i))] = priors.back();
        }
        diff::DiffSide a = sideOf(oldText, "old.clue"), b = sideOf(newText, "new.clue");
        diff::DiffReport report = diff::diffSides(a, b, options);
        double broad = 0, narrow = 0;
        for (unsigned bits = 0; bits < (1u << kStatements); ++bits) {
            double p = 1;
            for (size_t i = 0; i < kStatements; ++i) {
                p *= (bits >> i) & 1 ? priors[i] : 1 - priors[i];
            }
            Truth o = anyOf(ruleValues(a.plan, assignment(bits)));
            Truth n = anyOf(ruleValues(b.plan, assignment(bits)));
            broad += n == Truth::True && o == Truth::False ? p : 0;
            narrow += o == Truth::True && n == Truth::False ? p : 0;
        }
        ASSERT_TRUE(report.verdict.mass);
        ASSERT_TRUE(report.verdict.mass->broadening) << report.verdict.mass->unavailable;
        EXPECT_NEAR(*report.verdict.mass->broadening, broad, 1e-12);
        EXPECT_NEAR(*report.verdict.mass->narrowing, narrow, 1e-12);
        EXPECT_EQ(report.priorSource, "corpus");
    }
}

} // namespace
} // namespace clue::testing
