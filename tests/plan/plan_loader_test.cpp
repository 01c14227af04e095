// Tests of plan writing and of the loader's refusal of corrupted plans with clear messages.
#include "common/statement.h"
#include "plan/plan_error.h"
#include "plan/plan_json.h"
#include "plan/plan_loader.h"
#include "tests/plan/sample_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace clue::plan {
namespace {

using ::testing::HasSubstr;
using testing::samplePlan;

nlohmann::json sampleJson() {
    return nlohmann::json::parse(toText(samplePlan()));
}

// The message of the PlanError that loading `doc` raises, or "" when it loads.
std::string errorOf(const nlohmann::json& doc) {
    try {
        parsePlan(doc.dump(), "p.json");
    } catch (const PlanError& e) {
        return e.what();
    }
    return "";
}

std::string errorOfText(const std::string& text) {
    try {
        parsePlan(text, "p.json");
    } catch (const PlanError& e) {
        return e.what();
    }
    return "";
}

TEST(PlanJson, RoundTripsToTheSameBytes) {
    std::string text = toText(samplePlan());
    Plan back = parsePlan(text, "p.json");
    EXPECT_EQ(toText(back), text);
    EXPECT_EQ(back.predicates[1].object, "blood");
    EXPECT_EQ(back.rules[1].tags, std::vector<std::string>{"x"});
}

TEST(PlanJson, StartsWithTheSchemaVersion) {
    EXPECT_EQ(toText(samplePlan()).rfind("{\n  \"schema\": \"clue.plan/v1\"", 0), 0u);
}

TEST(PlanLoader, RefusesATruncatedFile) {
    std::string text = toText(samplePlan());
    EXPECT_THAT(errorOfText(text.substr(0, text.size() / 2)),
                HasSubstr("p.json: invalid JSON at line"));
    EXPECT_THAT(errorOfText(""), HasSubstr("invalid JSON"));
}

TEST(PlanLoader, RefusesAnotherSchemaVersion) {
    auto doc = sampleJson();
    doc["schema"] = "clue.plan/v2";
    EXPECT_THAT(errorOf(doc), HasSubstr("/schema: unsupported plan schema 'clue.plan/v2'"));
    doc.erase("schema");
    EXPECT_THAT(errorOf(doc), HasSubstr("not a clue plan"));
    EXPECT_THAT(errorOf(nlohmann::json::array()), HasSubstr("a plan is a JSON object"));
}

TEST(PlanLoader, RefusesDanglingIndexes) {
    auto doc = sampleJson();
    doc["nodes"][0]["predicate"] = 3;
    EXPECT_THAT(errorOf(doc), HasSubstr("/nodes/0/predicate: index 3 is out of range: there "
                                        "are 3 predicates"));
    doc = sampleJson();
    doc["rules"][0]["root"] = 99;
    EXPECT_THAT(errorOf(doc), HasSubstr("/rules/0/root: index 99 is out of range"));
    doc = sampleJson();
    doc["schedule"][1][0] = -1;
    EXPECT_THAT(errorOf(doc), HasSubstr("/schedule/1/0: index -1 is out of range"));
    doc = sampleJson();
    doc["rules"][0]["category"] = "nope";
    EXPECT_THAT(errorOf(doc), HasSubstr("/rules/0/category: unknown category 'nope'"));
}

TEST(PlanLoader, RefusesCyclesAndForwardReferences) {
    auto doc = sampleJson();
    doc["nodes"][3]["args"] = {4}; // not -> and, which refers back to not: a cycle
    EXPECT_THAT(errorOf(doc), HasSubstr("/nodes/3/args/0: node 3 refers to node 4, which does "
                                        "not come before it"));
    doc = sampleJson();
    doc["nodes"][4]["args"][0] = 4; // self loop
    EXPECT_THAT(errorOf(doc), HasSubstr("node 4 refers to node 4"));
}

TEST(PlanLoader, RefusesWrongTypes) {
    auto doc = sampleJson();
    doc["predicates"][0]["statement"] = 42;
    EXPECT_THAT(errorOf(doc),
                HasSubstr("/predicates/0/statement: expected a string, found number"));
    doc = sampleJson();
    doc["nodes"] = "many";
    EXPECT_THAT(errorOf(doc), HasSubstr("/nodes: expected an array, found string"));
    doc = sampleJson();
    doc["nodes"][4]["op"] = "xor";
    EXPECT_THAT(errorOf(doc), HasSubstr("unknown node op 'xor'"));
    doc = sampleJson();
    doc["nodes"][3]["args"] = {1, 2};
    EXPECT_THAT(errorOf(doc), HasSubstr("a 'not' node takes exactly one argument"));
    doc = sampleJson();
    doc["thresholds"]["satisfied"] = 7;
    EXPECT_THAT(errorOf(doc), HasSubstr("/thresholds/satisfied: 7 is out of range [0, 1]"));
    doc = sampleJson();
    doc["predicates"][0]["m_none"] = 0.4;
    EXPECT_THAT(errorOf(doc), HasSubstr("needs 'calibration.model'"));
    doc = sampleJson();
    doc["rules"][1]["id"] = "gore";
    EXPECT_THAT(errorOf(doc), HasSubstr("/rules/1/id: duplicate rule id 'gore'"));
    EXPECT_THAT(errorOfText(R"({"schema": "clue.plan/v1", "x": 1e400})"),
                HasSubstr("p.json: invalid JSON: number overflow parsing '1e400'"));
}

TEST(PlanLoader, RefusesAnIncompleteOrRepeatingSchedule) {
    auto doc = sampleJson();
    doc["schedule"] = {{0}, {1}};
    EXPECT_THAT(errorOf(doc), HasSubstr("/schedule: predicate 2 is in no wave"));
    doc["schedule"] = {{0, 1}, {1, 2}};
    EXPECT_THAT(errorOf(doc), HasSubstr("/schedule/1/0: predicate 1 is scheduled twice"));
}

TEST(PlanLoader, RefusesAHundredMegabyteString) {
    auto doc = sampleJson();
    doc["predicates"][0]["statement"] = std::string(100u << 20, 'a');
    EXPECT_THAT(errorOf(doc), HasSubstr("/predicates/0/statement: string is 104857600 bytes "
                                        "long; at most 4096 are allowed"));
}

TEST(PlanLoader, SurvivesDeepNesting) {
    std::string deep(200000, '[');
    EXPECT_EQ(errorOfText(deep), "p.json: the JSON is nested deeper than 128 levels");
    EXPECT_EQ(errorOfText(deep + std::string(200000, ']')),
              "p.json: the JSON is nested deeper than 128 levels");
}

// A plan with `, "rules": []` appended judged every image safe: the last "rules" won.
TEST(PlanLoader, RefusesDuplicateKeysAnywhere) {
    std::string text = toText(samplePlan());
    const std::string appended = text.substr(0, text.rfind('}')) + ", \"rules\": []}";
    EXPECT_EQ(errorOfText(appended),
              "p.json: /rules: duplicate key \"rules\": each key may appear once in an object");
    const std::string nested = std::string(R"({"schema": "clue.plan/v1", "thresholds": )") +
                               R"({"satisfied": 0.8, "satisfied": 0.1}})";
    EXPECT_EQ(errorOfText(nested), "p.json: /thresholds/satisfied: duplicate key \"satisfied\": "
                                   "each key may appear once in an object");
}

// The score cache is keyed by `key`: a predicate carrying another statement's key would take
// that statement's cached answers.
TEST(PlanLoader, RecomputesEveryPredicateKey) {
    auto doc = sampleJson();
    doc["predicates"][2]["key"] = doc["predicates"][0]["key"];
    EXPECT_THAT(errorOf(doc), HasSubstr("p.json: /predicates/2/key: the key does not match the "
                                        "statement"));
    EXPECT_THAT(errorOf(doc), HasSubstr(clue::statementHash(samplePlan().predicates[2].statement)));
    doc = sampleJson();
    doc["predicates"][0]["key"] = "";
    EXPECT_THAT(errorOf(doc), HasSubstr("/predicates/0/key: the key does not match"));
    doc = sampleJson();
    doc["predicates"][1]["statement"] = "something else entirely";
    EXPECT_THAT(errorOf(doc), HasSubstr("/predicates/1/key: the key does not match"));
    doc = sampleJson(); // the key is of the normalized statement: case and spacing do not matter
    doc["predicates"][1]["statement"] =
        "  " + doc["predicates"][1]["statement"].get<std::string>() + ".";
    EXPECT_EQ(errorOf(doc), "");
}

class PlanFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("clue-plan-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(PlanFileTest, WritesAndLoadsAFile) {
    auto path = (dir_ / "plan.json").string();
    writePlanFile(samplePlan(), path);
    EXPECT_EQ(toText(loadPlanFile(path)), toText(samplePlan()));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 1)
        << "a temporary file was left beside the plan";
}

// `-o /dev/null` must not replace the device: a path that is not a regular file (here a FIFO,
// which a test may create) is written in place.
TEST_F(PlanFileTest, WritesIntoAPipeInPlaceRatherThanReplacingIt) {
    auto path = (dir_ / "pipe").string();
    ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
    // A reader that is already open lets the writer's open succeed; the plan fits the pipe.
    int reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(reader, 0);
    std::string expected = toText(samplePlan());
    ASSERT_LT(expected.size(), 65536u);
    writePlanFile(samplePlan(), path);
    std::string got(expected.size() + 1, '\0');
    ssize_t n = ::read(reader, got.data(), got.size());
    ::close(reader);
    got.resize(n > 0 ? static_cast<size_t>(n) : 0);
    EXPECT_EQ(got, expected);
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_TRUE(S_ISFIFO(info.st_mode)) << "the pipe was replaced by a file";
}

TEST_F(PlanFileTest, RefusesMissingOversizedAndDirectoryPaths) {
    auto expectError = [](const std::string& path, size_t limit, const std::string& part) {
        try {
            loadPlanFile(path, limit);
            ADD_FAILURE() << "loaded " << path;
        } catch (const PlanError& e) {
            EXPECT_THAT(e.what(), HasSubstr(part));
        }
    };
    expectError((dir_ / "none.json").string(), kMaxPlanBytes, "none.json: cannot read the plan");
    auto path = (dir_ / "plan.json").string();
    writePlanFile(samplePlan(), path);
    expectError(path, 100, "plans larger than 100 bytes are refused");
    expectError(dir_.string(), kMaxPlanBytes, "cannot read the plan");
}

} // namespace
} // namespace clue::plan

namespace clue::plan {
namespace {

// The written plan validates against the schema published in docs/.
TEST_F(PlanFileTest, ValidatesAgainstThePublishedSchema) {
    auto path = (dir_ / "plan.json").string();
    writePlanFile(testing::samplePlan(), path);
    std::string command = "/usr/bin/python3 " CLUE_SOURCE_DIR "/tests/tools/validate_json.py " +
                          std::string(CLUE_SOURCE_DIR) + "/docs/plan.schema.json " + path;
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    // And a broken one does not.
    auto doc = nlohmann::json::parse(toText(testing::samplePlan()));
    doc["nodes"][0]["op"] = "xor";
    std::ofstream(path) << doc.dump();
    EXPECT_NE(std::system((command + " > /dev/null").c_str()), 0);
}

} // namespace
} // namespace clue::plan
