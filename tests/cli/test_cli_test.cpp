// `clue test` end to end: os-bench's tests pass, an outcome that depends on an unset
// predicate fails naming it, coverage and JSON output, exit codes.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace clue {
namespace {

using testing::clue;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using testing::sourceDir;

const char* kPolicy = "predicate person : \"a person is visible\"\n"
                      "predicate blood : \"blood is visible\"\n"
                      "rule gore \"No gore.\" when person and blood\n"
                      "test \"gore fires\" {\n  given person, \"Blood is visible.\"\n"
                      "  expect violates gore\n}\n";

TEST(TestCli, OsBenchPassesAndCoversEveryRuleBothWays) {
    test::TempDir dir;
    auto r = clue({"test", sourceDir() + "/stdlib-rules/os-bench.clue", "--coverage"}, dir.path());
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("PASS  a boxing match is not imminent death  [fired: none]\n"));
    EXPECT_THAT(r.out, HasSubstr("PASS  visible genitalia violate  [fired: genitalia_visible]\n"));
    EXPECT_THAT(r.out, HasSubstr("29 tests: 29 passed, 0 failed\n"));
    EXPECT_THAT(r.out, HasSubstr("coverage: rules fired 14/14, cleared 14/14;"));
}

TEST(TestCli, InlineFactsAddressTheNamedPredicate) {
    test::TempDir dir;
    dir.write("p.clue", kPolicy);
    auto r = clue({"test", "p.clue"}, dir.path());
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("PASS  gore fires  [fired: gore]\n"));
}

TEST(TestCli, AnOutcomeThatDependsOnAnUnsetPredicateFailsNamingIt) {
    test::TempDir dir;
    dir.write("p.clue", std::string(kPolicy) +
                            "test \"no blood given\" {\n  given person\n  expect safe\n}\n");
    auto r = clue({"test", "p.clue"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.out, HasSubstr("FAIL  no blood given (p.clue:8)  [fired: none]\n"
                                 "      BAD expected safe, got undecided: depends on unknown "
                                 "predicate blood\n"));
    EXPECT_THAT(r.out, EndsWith("2 tests: 1 passed, 1 failed\n"));
}

TEST(TestCli, AWrongDecidedOutcomeFailsWithExpectedAndActual) {
    test::TempDir dir;
    dir.write("p.clue",
              std::string(kPolicy) + "test \"wrong\" {\n  given person, blood\n  expect safe\n}\n");
    auto r = clue({"test", "p.clue"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.out, HasSubstr("FAIL  wrong (p.clue:8)  [fired: gore]\n"
                                 "      BAD expected safe, got unsafe\n"));
}

TEST(TestCli, ReportsJsonWithCoverage) {
    test::TempDir dir;
    dir.write("p.clue", kPolicy);
    auto r = clue({"test", "p.clue", "--format", "json", "--coverage"}, dir.path());
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["passed"], 1);
    EXPECT_EQ(doc["files"][0]["file"], "p.clue");
    EXPECT_EQ(doc["files"][0]["tests"][0]["fired"][0], "gore");
    EXPECT_EQ(doc["files"][0]["coverage"]["rules"][0]["fired"], true);
    EXPECT_EQ(doc["files"][0]["coverage"]["rules"][0]["cleared"], false);
}

TEST(TestCli, TestsEachFileOnItsOwnAndTotals) {
    test::TempDir dir;
    dir.write("a.clue", kPolicy);
    dir.write("b.clue", kPolicy); // the same names: fine, each file is its own constitution
    auto r = clue({"test", "."}, dir.path());
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("== a.clue\n"));
    EXPECT_THAT(r.out, EndsWith("total: 2 passed, 0 failed\n"));
}

TEST(TestCli, SourceErrorsExitWithOne) {
    test::TempDir dir;
    dir.write("p.clue", "rule r \"R.\" when nothing_declared\n");
    auto r = clue({"test", "p.clue"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("error[E020]"));
    EXPECT_EQ(clue({"test", "missing.clue"}, dir.path()).exitCode, 2);
}

} // namespace
} // namespace clue
