// `clue graph` end to end: DOT that Graphviz accepts, the same drawing from a source and from
// its plan, JSON with sharing counts, and clear refusals.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"
#include "tests/support/command_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace clue {
namespace {

using testing::clue;
using ::testing::HasSubstr;
using testing::sourceDir;

std::string osBench() {
    return sourceDir() + "/stdlib-rules/os-bench.clue";
}

TEST(GraphCli, DrawsDotThatGraphvizAccepts) {
    test::TempDir dir;
    auto r = clue({"graph", osBench(), "-o", "g.dot"}, dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    if (!std::filesystem::exists("/usr/bin/dot")) {
        GTEST_SKIP() << "Graphviz's dot is not installed (Debian package graphviz): the DOT "
                        "syntax check was skipped";
    }
    auto dot = testing::runCommand({"/usr/bin/dot", "-Tsvg", "g.dot", "-o", "g.svg"}, dir.path());
    EXPECT_EQ(dot.exitCode, 0) << dot.err;
    EXPECT_TRUE(std::filesystem::file_size(dir / "g.svg") > 0);
}

TEST(GraphCli, DrawsAPlanFileAsItsSource) {
    test::TempDir dir;
    ASSERT_EQ(clue({"compile", osBench(), "-o", "p.json"}, dir.path()).exitCode, 0);
    auto fromSource = clue({"graph", osBench()}, dir.path());
    auto fromPlan = clue({"graph", "p.json"}, dir.path());
    ASSERT_EQ(fromPlan.exitCode, 0) << fromPlan.err;
    EXPECT_EQ(fromSource.out, fromPlan.out);
    EXPECT_THAT(fromPlan.out, HasSubstr("peripheries=2"));
    EXPECT_THAT(fromPlan.out, HasSubstr("label=\"rule imminent_death\\ncritical\""));
}

TEST(GraphCli, JsonCountsSharedPredicatesPerLevel) {
    test::TempDir dir;
    auto o2 = clue({"graph", osBench(), "--format", "json"}, dir.path());
    auto o0 = clue({"graph", "-O0", osBench(), "--format", "json"}, dir.path());
    ASSERT_EQ(o2.exitCode, 0) << o2.err;
    ASSERT_EQ(o0.exitCode, 0) << o0.err;
    auto g2 = nlohmann::json::parse(o2.out);
    auto g0 = nlohmann::json::parse(o0.out);
    EXPECT_EQ(g2["rules"], 14);
    EXPECT_GT(g2["shared_predicates"].get<int>(), 0);
    EXPECT_EQ(g0["shared_predicates"], 0);
    EXPECT_GT(g0["predicates"].get<int>(), g2["predicates"].get<int>());
}

TEST(GraphCli, RefusesACorruptPlanClearly) {
    test::TempDir dir;
    dir.write("bad.json", "{\"schema\": \"clue.plan/v9\"}");
    auto r = clue({"graph", "bad.json"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("bad.json: /schema: unsupported plan schema 'clue.plan/v9'"));
    EXPECT_EQ(clue({"graph", "missing.json"}, dir.path()).exitCode, 2);
    EXPECT_EQ(clue({"graph", osBench(), "--format", "svg"}, dir.path()).exitCode, 2);
}

TEST(GraphCli, SourceErrorsExitWithOne) {
    test::TempDir dir;
    dir.write("p.clue", "rule vague \"Vague.\"\n");
    auto r = clue({"graph", "p.clue"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("error[E070]"));
    EXPECT_TRUE(r.out.empty());
}

} // namespace
} // namespace clue
