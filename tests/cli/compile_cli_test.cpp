// `clue compile` end to end: plans the loader accepts, byte-identical whatever the file order
// or working directory, nothing written on errors, and the documented exit codes.
#include "plan/plan_loader.h"
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace clue {
namespace {

using testing::clue;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::sourceDir;

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two roots that use each other's predicates, and an inline statement equal to a named one.
void writeTwoFiles(const test::TempDir& dir) {
    std::filesystem::create_directories(dir / "policy");
    dir.write("policy/a.clue", "constitution \"two\"\n"
                               "predicate person : \"A person is visible.\"\n"
                               "rule first \"First.\" when person and fire\n");
    dir.write("policy/b.clue",
              "predicate fire : \"fire is visible\"\n"
              "rule second \"Second.\" when \"a person is visible\" and not fire\n");
}

TEST(CompileCli, OsBenchCompilesToAPlanTheLoaderAccepts) {
    test::TempDir dir;
    auto r = clue({"compile", sourceDir() + "/stdlib-rules/os-bench.clue", "-o", "plan.json"},
                  dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("compiled 14 rules and 34 predicates into plan.json at -O2"));
    plan::Plan p = plan::loadPlanFile((dir / "plan.json").string());
    EXPECT_EQ(p.rules.size(), 14u);
    EXPECT_EQ(p.source.files, (std::vector<std::string>{"common.clue", "os-bench.clue"}));
    std::set<std::string> keys;
    for (const plan::Predicate& pred : p.predicates) {
        EXPECT_TRUE(keys.insert(pred.key).second) << pred.statement << " asked twice at -O2";
    }
    // The first rule's location is the line of its `rule` keyword in the source.
    std::ifstream source(sourceDir() + "/stdlib-rules/os-bench.clue");
    int line = 0, ruleLine = 0;
    for (std::string text; ruleLine == 0 && std::getline(source, text);) {
        ++line;
        if (text.find("rule genitalia_visible") != std::string::npos) {
            ruleLine = line;
        }
    }
    EXPECT_EQ(p.rules[0].location, "os-bench.clue:" + std::to_string(ruleLine));
}

TEST(CompileCli, OsBenchAtO0AsksEachRulesChainOnItsOwn) {
    test::TempDir dir;
    auto r = clue({"compile", "-O0", sourceDir() + "/stdlib-rules/os-bench.clue", "-o", "p.json"},
                  dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    plan::Plan p = plan::loadPlanFile((dir / "p.json").string());
    EXPECT_EQ(p.optimization.level, 0);
    EXPECT_EQ(p.predicates.size(), 50u); // one per rule and predicate used
}

TEST(CompileCli, PlansAreByteIdenticalWhateverTheFileOrderOrWorkingDirectory) {
    test::TempDir dir;
    writeTwoFiles(dir);
    auto ab = clue({"compile", "policy/a.clue", "policy/b.clue", "-o", "ab.json"}, dir.path());
    auto ba = clue({"compile", "policy/b.clue", "policy/a.clue", "-o", "ba.json"}, dir.path());
    auto inside =
        clue({"compile", "b.clue", "a.clue", "-o", "../in.json"}, (dir / "policy").string());
    test::TempDir elsewhere;
    auto absolute = clue({"compile", (dir / "policy/a.clue").string(),
                          (dir / "policy/b.clue").string(), "-o", (dir / "abs.json").string()},
                         elsewhere.path());
    ASSERT_EQ(ab.exitCode, 0) << ab.err;
    ASSERT_EQ(ba.exitCode, 0) << ba.err;
    ASSERT_EQ(inside.exitCode, 0) << inside.err;
    ASSERT_EQ(absolute.exitCode, 0) << absolute.err;
    std::string plan = readFile(dir / "ab.json");
    EXPECT_EQ(readFile(dir / "ba.json"), plan);
    EXPECT_EQ(readFile(dir / "in.json"), plan);
    EXPECT_EQ(readFile(dir / "abs.json"), plan);
    EXPECT_THAT(plan, HasSubstr("\"files\": [\n      \"a.clue\",\n      \"b.clue\"\n    ]"));
    EXPECT_THAT(plan, Not(HasSubstr(dir.path().string())));
    // The inline "a person is visible" is the named `person`: one predicate.
    EXPECT_EQ(plan::parsePlan(plan, "ab.json").predicates.size(), 2u);
}

TEST(CompileCli, ARuleWithoutWhenNeedsObjectificationAndNothingIsWritten) {
    test::TempDir dir;
    dir.write("p.clue", "predicate a : \"a\"\nrule vague \"Nothing shocking.\"\n"
                        "rule fine \"Fine.\" when a\n");
    dir.write("old.json", "keep me");
    auto r = clue({"compile", "p.clue", "-o", "old.json"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("p.clue:2:6: error[E070]: rule 'vague' needs objectification: "
                                 "run `clue objectify p.clue`"));
    EXPECT_THAT(r.err, HasSubstr("nothing written: 1 error"));
    EXPECT_EQ(readFile(dir / "old.json"), "keep me");
}

// A plan of no rules calls every image safe: an empty folder or a file of predicates alone is
// refused, and compiles only when asked to.
TEST(CompileCli, AConstitutionOfNoRulesIsRefusedUnlessAllowed) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    dir.write("predicates.clue", "predicate a : \"a\"\n");
    auto folder = clue({"compile", "empty", "-o", "p.json"}, dir.path());
    EXPECT_EQ(folder.exitCode, 1);
    EXPECT_THAT(folder.err, HasSubstr("error[E071]: the constitution has no rules"));
    EXPECT_THAT(folder.err, HasSubstr("nothing written: 1 error"));
    auto file = clue({"compile", "predicates.clue", "-o", "p.json"}, dir.path());
    EXPECT_EQ(file.exitCode, 1);
    EXPECT_THAT(file.err,
                HasSubstr("predicates.clue:1:1: error[E071]: the constitution has no rules"));
    EXPECT_FALSE(std::filesystem::exists(dir / "p.json"));
    auto allowed = clue({"compile", "--allow-empty", "empty", "-o", "p.json"}, dir.path());
    EXPECT_EQ(allowed.exitCode, 0) << allowed.err;
    EXPECT_EQ(plan::loadPlanFile((dir / "p.json").string()).rules.size(), 0u);
}

TEST(CompileCli, WarnsAboutRulesThatCanNeverFireOrAlwaysFire) {
    test::TempDir dir;
    dir.write("p.clue", "predicate a : \"a\"\npredicate b : \"b\"\n"
                        "rule never \"N.\" when a and b unless a\n"
                        "rule always \"A.\" when a or not a\n");
    for (const char* level : {"-O0", "-O2"}) {
        auto r = clue({"compile", level, "p.clue", "-o", "p.json"}, dir.path());
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_THAT(r.err, HasSubstr("p.clue:3:6: warning[W070]: rule 'never' can never fire"));
        EXPECT_THAT(r.err, HasSubstr("p.clue:4:6: warning[W071]: rule 'always' always fires"));
        EXPECT_TRUE(std::filesystem::exists(dir / "p.json"));
    }
}

TEST(CompileCli, WritesThePlanToStandardOutputWithDash) {
    test::TempDir dir;
    writeTwoFiles(dir);
    auto r = clue({"compile", "policy/a.clue", "policy/b.clue", "-o", "-"}, dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(plan::parsePlan(r.out, "stdout").rules.size(), 2u);
}

TEST(CompileCli, PrintsTheIRAfterAPassOnStandardError) {
    test::TempDir dir;
    writeTwoFiles(dir);
    auto r = clue({"compile", "policy/a.clue", "policy/b.clue", "-o", "p.json", "--print-after",
                   "normalize", "--print-after", "schedule"},
                  dir.path());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("; IR after normalize\n%0 = pred \"A person is visible.\" ; "
                                 "person\n%1 = pred \"fire is visible\" ; fire\n%2 = and %0, %1\n"
                                 "rule first = %2 ; a.clue:3\n"));
    EXPECT_THAT(r.err, HasSubstr("; IR after schedule\n"));
    EXPECT_THAT(r.err, HasSubstr("wave 0: %0\nwave 1: %1\n"));
    EXPECT_THAT(r.err, Not(HasSubstr("; IR after dedup")));
}

TEST(CompileCli, ReportsDiagnosticsAsJson) {
    test::TempDir dir;
    dir.write("p.clue", "rule vague \"Nothing shocking.\"\n");
    auto r = clue({"compile", "p.clue", "-o", "p.json", "--format", "json"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["errors"], 1);
    EXPECT_EQ(doc["diagnostics"][0]["code"], "E070");
}

TEST(CompileCli, UsageErrorsExitWithTwo) {
    test::TempDir dir;
    dir.write("p.clue", "predicate a : \"a\"\nrule r \"R.\" when a\n");
    EXPECT_EQ(clue({"compile", "p.clue", "-o", "p.json", "-O1"}, dir.path()).exitCode, 2);
    EXPECT_EQ(
        clue({"compile", "p.clue", "-o", "p.json", "--print-after", "inline"}, dir.path()).exitCode,
        2);
    EXPECT_EQ(clue({"compile", "missing.clue", "-o", "p.json"}, dir.path()).exitCode, 2);
    EXPECT_EQ(clue({"compile", "p.clue"}, dir.path()).exitCode, 2);
    EXPECT_EQ(clue({"compile", "p.clue", "-o", "-", "--format", "json"}, dir.path()).exitCode, 2);
    auto unwritable = clue({"compile", "p.clue", "-o", "no/such/dir/p.json"}, dir.path());
    EXPECT_EQ(unwritable.exitCode, 2);
    EXPECT_THAT(unwritable.err, HasSubstr("cannot write 'no/such/dir/p.json'"));
}

TEST(CompileCli, ErrorsInTheSourceExitWithOne) {
    test::TempDir dir;
    dir.write("p.clue", "rule r \"R.\" when undefined_thing\n");
    auto r = clue({"compile", "p.clue", "-o", "p.json"}, dir.path());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_THAT(r.err, HasSubstr("error[E020]"));
    EXPECT_FALSE(std::filesystem::exists(dir / "p.json"));
}

} // namespace
} // namespace clue
