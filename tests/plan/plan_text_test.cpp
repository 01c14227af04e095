// The one plan writer, tested by round trip: its text reads back as the same plan (the loader
// checks every field), and it is laid out exactly as nlohmann's dump(2) lays out the document it
// holds: same escaping, same number formatting, same layout of empty and nested containers.
#include "common/statement.h"
#include "plan/plan_json.h"
#include "tests/plan/sample_plan.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clue::plan {
namespace {

// The text as nlohmann lays out the document it holds, keys in the same order.
std::string relaid(const std::string& text) {
    return nlohmann::ordered_json::parse(text).dump(2) + "\n";
}

std::string roundTrip(const Plan& plan) {
    return toText(fromJson(nlohmann::json::parse(toText(plan))));
}

TEST(PlanText, ReadsBackAsTheSamePlanOnTheSample) {
    std::string text = toText(testing::samplePlan());
    EXPECT_EQ(roundTrip(testing::samplePlan()), text);
    EXPECT_EQ(relaid(text), text);
}

TEST(PlanText, ReadsBackOnEscapesNumbersAndEmptyContainers) {
    Plan p = testing::samplePlan();
    p.constitution.description = "quotes \" backslash \\ tab \t newline \n bell \x07 caf\xc3\xa9";
    p.constitution.version.reset();
    p.calibrationModel = "model/with \"quotes\"";
    p.predicates[0].prior = 0.1;
    p.predicates[0].mNone = 1e-7;
    p.predicates[1].cost = 12345678.5;
    p.predicates[2].cost = 2.0;
    p.thresholds.notSatisfied = -0.0;
    p.rules[0].tags = {};
    p.rules[1].tags = {"a", "\xe2\x9c\x93"};
    EXPECT_EQ(roundTrip(p), toText(p));
    p.categories.clear();
    p.rules[0].category.reset();
    p.nodes.push_back({NodeOp::Const, 0, true, {}});
    p.source.files.clear();
    p.optimization.passes.clear();
    EXPECT_EQ(relaid(toText(p)), toText(p));
    p.schedule = {{}, {0, 1, 2}};
    p.predicates.clear();
    EXPECT_EQ(relaid(toText(p)), toText(p));
}

TEST(PlanText, ReadsBackAsTheSamePlanOnALargeGeneratedPlan) {
    Plan p = testing::samplePlan();
    p.schedule.emplace_back();
    for (uint32_t i = 0; i < 2000; ++i) {
        Predicate pred;
        pred.statement = "statement " + std::to_string(i);
        pred.key = statementHash(pred.statement); // the loader recomputes and checks it
        pred.cost = 1.0 + i / 7.0;
        if (i % 3 == 0) {
            pred.prior = (i % 100) / 100.0;
        }
        p.predicates.push_back(pred);
        p.schedule.back().push_back(static_cast<uint32_t>(p.predicates.size() - 1));
        uint32_t base = static_cast<uint32_t>(p.nodes.size());
        p.nodes.push_back(
            {NodeOp::Predicate, static_cast<uint32_t>(p.predicates.size() - 1), false, {}});
        p.nodes.push_back({i % 2 ? NodeOp::And : NodeOp::Or, 0, false, {base, base / 2}});
    }
    EXPECT_EQ(roundTrip(p), toText(p));
    EXPECT_EQ(relaid(toText(p)), toText(p));
}

} // namespace
} // namespace clue::plan
