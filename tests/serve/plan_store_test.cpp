// Loading plans into the store: a good plan replaces the active one and is identified by the
// SHA-256 of its bytes; a broken one is refused with the reason and the active plan stays; a
// request holding the old plan keeps it after the swap.
#include "serve/plan_store.h"

#include "common/sha256.h"
#include "plan/plan_loader.h"
#include "tests/judge/plan_builder.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace clue::serve {
namespace {

std::unique_ptr<runtime::AnswerStack> offlineStack() {
    runtime::AnswerStackOptions options;
    options.backend.model = "m";
    options.backend.endpoint = "http://127.0.0.1:9/v1"; // never contacted by these tests
    return std::move(runtime::AnswerStack::open(options).value());
}

std::string planFile(test::TempDir& dir, const std::string& name, const std::string& rule) {
    test::PlanBuilder builder;
    builder.rule(rule, builder.pred("a person is visible"));
    plan::writePlanFile(builder.build(), (dir / name).string());
    return (dir / name).string();
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(PlanStore, AGoodPlanReplacesTheActiveOneAndABrokenOneIsRefused) {
    test::TempDir dir;
    auto stack = offlineStack();
    PlanStore store(*stack, {}, false);
    const std::string first = planFile(dir, "first.json", "first_rule");
    auto loaded = store.loadFile(first);
    ASSERT_TRUE(loaded) << loaded.error();
    EXPECT_EQ(store.current()->identity().sha256, sha256Hex(read(first)));
    EXPECT_EQ(store.current()->identity().origin, "file");
    std::shared_ptr<ActivePlan> heldByARequest = store.current();

    auto broken = store.loadText("{\"schema\": \"clue.plan/v1\"");
    ASSERT_FALSE(broken);
    EXPECT_NE(broken.error().find("invalid JSON"), std::string::npos) << broken.error();
    auto wrongSchema = store.loadText(R"({"schema": "clue.plan/v9"})");
    ASSERT_FALSE(wrongSchema);
    EXPECT_NE(wrongSchema.error().find("clue.plan/v9"), std::string::npos);
    auto missing = store.loadFile(dir / "missing.json");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().find("missing.json"), std::string::npos);
    EXPECT_EQ(store.current(), heldByARequest);

    auto second = store.loadText(read(planFile(dir, "second.json", "second_rule")));
    ASSERT_TRUE(second) << second.error();
    EXPECT_EQ(store.current()->plan().rules[0].id, "second_rule");
    EXPECT_EQ(store.current()->identity().origin, "upload");
    EXPECT_EQ(heldByARequest->plan().rules[0].id, "first_rule"); // still whole after the swap
}

// A plan of no rules would answer `safe` for every image: refused at start, on reload and on
// upload, unless the server was started with --allow-empty.
TEST(PlanStore, APlanOfNoRulesIsRefusedUnlessAllowed) {
    test::TempDir dir;
    auto stack = offlineStack();
    const std::string empty = (dir / "empty.json").string();
    plan::writePlanFile(test::PlanBuilder().build(), empty);

    PlanStore store(*stack, {}, false);
    auto atStart = store.loadFile(empty);
    ASSERT_FALSE(atStart);
    EXPECT_NE(atStart.error().find("no rules"), std::string::npos) << atStart.error();
    EXPECT_NE(atStart.error().find("empty.json"), std::string::npos) << atStart.error();
    EXPECT_EQ(store.current(), nullptr);

    ASSERT_TRUE(store.loadFile(planFile(dir, "good.json", "kept_rule")));
    auto uploaded = store.loadText(read(empty));
    ASSERT_FALSE(uploaded);
    EXPECT_NE(uploaded.error().find("would judge every image safe"), std::string::npos);
    EXPECT_EQ(store.current()->plan().rules[0].id, "kept_rule");

    PlanStore allowing(*stack, {}, true);
    auto allowed = allowing.loadFile(empty);
    ASSERT_TRUE(allowed) << allowed.error();
    EXPECT_TRUE(allowing.current()->plan().rules.empty());
}

} // namespace
} // namespace clue::serve
