// `clue diff` end to end: exit codes (0 unchanged, 2 changed, 1 errors, --fail-on), every
// printed counterexample separating OLD from NEW under `clue test`, --git, mixing a plan with a
// constitution, and the JSON output against docs/diff.schema.json.
#include "tests/cli/clue_runner.h"
#include "tests/runtime/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace clue {
namespace {

using testing::clue;
using ::testing::HasSubstr;
using testing::runCommand;
using testing::sourceDir;

std::string example(const std::string& name) {
    std::ifstream in(sourceDir() + "/examples/diff/" + name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

nlohmann::json diffJson(const std::vector<std::string>& args, const std::string& dir) {
    std::vector<std::string> all{"diff", "--format", "json"};
    all.insert(all.end(), args.begin(), args.end());
    auto r = clue(all, dir);
    EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 2) << r.err;
    return nlohmann::json::parse(r.out);
}

class DiffCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir.write("old.clue", example("old.clue"));
        dir.write("new.clue", example("new.clue"));
    }
    std::string path() const { return dir.path().string(); }
    test::TempDir dir;
};

TEST_F(DiffCli, ExitCodes) {
    EXPECT_EQ(clue({"diff", "old.clue", "old.clue"}, path()).exitCode, 0);
    EXPECT_EQ(clue({"diff", "old.clue", "new.clue"}, path()).exitCode, 2);
    auto missing = clue({"diff", "old.clue", "nowhere.clue"}, path());
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_THAT(missing.err, HasSubstr("nowhere.clue"));
    EXPECT_EQ(clue({"diff", "old.clue", "new.clue", "--no-such-flag"}, path()).exitCode, 1);
    EXPECT_EQ(clue({"diff", "old.clue"}, path()).exitCode, 1);
    dir.write("broken.clue", "rule r \"R.\" when (a and\n");
    auto broken = clue({"diff", "old.clue", "broken.clue"}, path());
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_THAT(broken.err, HasSubstr("broken.clue:1:"));
}

TEST_F(DiffCli, FailOnSelectsTheKindOfChange) {
    // OLD with an exception added only narrows; the reverse only broadens.
    dir.write("a.clue", "predicate p : \"p is visible\"\npredicate q : \"q is visible\"\n"
                        "rule r \"R.\" when p\n");
    dir.write("b.clue", "predicate p : \"p is visible\"\npredicate q : \"q is visible\"\n"
                        "rule r \"R.\" when p unless q\n");
    EXPECT_EQ(clue({"diff", "a.clue", "b.clue", "--fail-on", "broader"}, path()).exitCode, 0);
    EXPECT_EQ(clue({"diff", "a.clue", "b.clue", "--fail-on", "narrower"}, path()).exitCode, 2);
    EXPECT_EQ(clue({"diff", "a.clue", "b.clue", "--fail-on", "any"}, path()).exitCode, 2);
    EXPECT_EQ(clue({"diff", "b.clue", "a.clue", "--fail-on", "broader"}, path()).exitCode, 2);
    EXPECT_EQ(clue({"diff", "b.clue", "a.clue", "--fail-on", "narrower"}, path()).exitCode, 0);
}

// Appends `block` to a copy of `file` and runs `clue test` on the copy.
int testWith(test::TempDir& dir, const std::string& file, const std::string& block) {
    dir.write("probe.clue", example(file) + "\n" + block);
    auto r = clue({"test", "probe.clue"}, dir.path().string());
    return r.exitCode;
}

TEST_F(DiffCli, EveryCounterexampleSeparatesOldFromNewUnderClueTest) {
    nlohmann::json report = diffJson({"old.clue", "new.clue"}, path());
    std::vector<nlohmann::json> compared{report["verdict"]};
    for (const char* list : {"rules", "categories"}) {
        for (const nlohmann::json& item : report[list]) {
            compared.push_back(item);
        }
    }
    size_t checked = 0;
    for (const nlohmann::json& item : compared) {
        if (!item.contains("witnesses")) {
            continue;
        }
        for (const nlohmann::json& w : item["witnesses"]) {
            std::string testNew = w["test_new"], testOld = w["test_old"];
            EXPECT_EQ(testWith(dir, "new.clue", testNew), 0) << testNew;
            EXPECT_EQ(testWith(dir, "old.clue", testOld), 0) << testOld;
            EXPECT_NE(testWith(dir, "old.clue", testNew), 0) << "does not separate:\n" << testNew;
            EXPECT_NE(testWith(dir, "new.clue", testOld), 0) << "does not separate:\n" << testOld;
            ++checked;
        }
    }
    EXPECT_GE(checked, 6u);
}

TEST_F(DiffCli, GitTakesOldAndItsImportsFromTheRevision) {
    auto git = [&](std::vector<std::string> args) {
        args.insert(args.begin(),
                    {"/usr/bin/git", "-c", "user.name=t", "-c", "user.email=t@example.com"});
        auto r = runCommand(args, path());
        ASSERT_EQ(r.exitCode, 0) << r.err;
    };
    dir.write("shared.clue", "predicate p : \"a person is visible\"\n");
    dir.write("rules.clue", "import \"shared.clue\"\nrule r \"R.\" when p\n");
    git({"init", "-q", "."});
    git({"add", "."});
    git({"commit", "-qm", "first"});
    dir.write("shared.clue", "predicate p : \"a person is clearly visible\"\n");
    auto r = clue({"diff", "--git", "HEAD", "rules.clue", "--format", "json"}, path());
    ASSERT_EQ(r.exitCode, 2) << r.err;
    nlohmann::json report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["old"]["label"], "HEAD:rules.clue");
    EXPECT_EQ(report["rules"][0]["relation"], "incomparable");
    ASSERT_EQ(report["predicates"].size(), 1u);
    EXPECT_EQ(report["predicates"][0]["change"], "reworded");
    EXPECT_EQ(report["predicates"][0]["old_statement"], "a person is visible");

    auto bad = clue({"diff", "--git", "no-such-revision", "rules.clue"}, path());
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_THAT(bad.err, HasSubstr("git"));
}

TEST_F(DiffCli, APlanAndAConstitutionMix) {
    ASSERT_EQ(clue({"compile", "old.clue", "-o", "old.plan.json"}, path()).exitCode, 0);
    nlohmann::json mixed = diffJson({"old.plan.json", "new.clue"}, path());
    nlohmann::json sources = diffJson({"old.clue", "new.clue"}, path());
    EXPECT_EQ(mixed["old"]["kind"], "plan");
    EXPECT_EQ(mixed["verdict"]["relation"], sources["verdict"]["relation"]);
    for (size_t i = 0; i < sources["rules"].size(); ++i) {
        EXPECT_EQ(mixed["rules"][i].value("relation", ""),
                  sources["rules"][i].value("relation", ""));
    }
    EXPECT_TRUE(mixed["tests"].is_null());
    EXPECT_EQ(clue({"diff", "old.plan.json", "old.clue"}, path()).exitCode, 0);
}

TEST_F(DiffCli, JsonFollowsTheSchema) {
    ASSERT_EQ(clue({"compile", "old.clue", "-o", "old.plan.json"}, path()).exitCode, 0);
    std::vector<std::string> outputs;
    for (auto args : std::vector<std::vector<std::string>>{{"old.clue", "new.clue"},
                                                           {"new.clue", "old.clue"},
                                                           {"old.plan.json", "new.clue"},
                                                           {"old.clue", "old.clue"}}) {
        std::string name = "out" + std::to_string(outputs.size()) + ".json";
        dir.write(name, diffJson(args, path()).dump());
        outputs.push_back(name);
    }
    std::vector<std::string> validate{"/usr/bin/python3",
                                      sourceDir() + "/tests/tools/validate_json.py",
                                      sourceDir() + "/docs/diff.schema.json"};
    validate.insert(validate.end(), outputs.begin(), outputs.end());
    auto r = runCommand(validate, path());
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
}

} // namespace
} // namespace clue
