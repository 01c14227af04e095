// The output formats: SARIF 2.1.0 validated against the official schema (a clean file, a file
// with findings, a file that does not parse), its rule metadata and results, GitHub workflow
// commands, and the JSON document.
#include "common/uri.h"
#include "compiler/lint/output/github_annotations.h"
#include "compiler/lint/output/lint_json.h"
#include "compiler/lint/output/rule_listing.h"
#include "compiler/lint/output/sarif_writer.h"
#include "tests/lint/lint_helpers.h"
#include "tests/runtime/schema_check.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace clue::lint {
namespace {

using nlohmann::json;

const char* kFindings =
    "predicate person : \"a person is visible\"\n"
    "predicate breast : \"a female breast is visible\"\n"
    "# clue:ignore L103 asked as one question on purpose\n"
    "predicate pets : \"a cat or a dog is visible\"\n"
    "rule armed \"Armed.\" severity low when person and \"A person is visible.\" and breast\n"
    "rule never \"Never.\" severity low when person and not person\n"
    "rule pet \"Pets.\" severity low when pets\n";

const char* kClean = "predicate person : \"a person is visible\"\n"
                     "rule r \"R.\" severity low when person\n"
                     "test \"fires\" {\n  given person\n  expect violates r\n}\n"
                     "test \"passes\" {\n  given not person\n  expect not violates r\n}\n";

const char* kBroken = "predicate p \"no colon\"\nrule r \"R.\" severity hgih when p\n";

json sarifOf(const testing::LintRun& run, const LintConfig& config = {},
             const std::string& root = "") {
    return sarifLog(run.result, run.sources, Catalogue::standard(), config,
                    {"0.1.0", "https://example.org/docs/", root});
}

void expectValidSarif(const json& log) {
    test::SchemaValidation v =
        test::validateAgainstSharedSchema("sarif-schema-2.1.0.json", "", {log.dump()});
    if (!v.ran) {
        GTEST_SKIP() << v.output;
    }
    EXPECT_TRUE(v.valid) << v.output;
}

TEST(Sarif, ACleanFileIsValid) {
    auto run = testing::lintSource(kClean);
    ASSERT_TRUE(run->codes().empty()) << run->rendered();
    json log = sarifOf(*run);
    EXPECT_TRUE(log["runs"][0]["results"].empty());
    EXPECT_TRUE(log["runs"][0]["invocations"][0]["executionSuccessful"]);
    expectValidSarif(log);
}

TEST(Sarif, AFileWithFindingsIsValid) {
    auto run = testing::lintSource(kFindings, testing::configFrom("lint:\n  rules:\n"
                                                                  "    testing: off\n"
                                                                  "    L204: error\n"));
    json log = sarifOf(*run, testing::configFrom("lint:\n  rules:\n    testing: off\n"
                                                 "    L204: error\n"));
    ASSERT_FALSE(log["runs"][0]["results"].empty());
    expectValidSarif(log);
}

TEST(Sarif, AFileThatDoesNotParseIsValidAndReportedAsANotification) {
    auto run = testing::lintSource(kBroken);
    json log = sarifOf(*run);
    const json& invocation = log["runs"][0]["invocations"][0];
    EXPECT_FALSE(invocation["executionSuccessful"]);
    ASSERT_FALSE(invocation["toolExecutionNotifications"].empty());
    const json& n = invocation["toolExecutionNotifications"][0];
    EXPECT_EQ(n["level"], "error");
    EXPECT_EQ(n["descriptor"]["id"], "E005");
    EXPECT_EQ(n["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
    EXPECT_TRUE(log["runs"][0]["results"].empty());
    expectValidSarif(log);
}

TEST(Sarif, DriverListsEveryRuleWithItsMetadata) {
    auto run = testing::lintSource(kClean);
    json driver = sarifOf(*run)["runs"][0]["tool"]["driver"];
    EXPECT_EQ(driver["name"], "clue");
    EXPECT_EQ(driver["version"], "0.1.0");
    EXPECT_EQ(driver["informationUri"], "https://example.org/docs/cli/lint.md");
    ASSERT_EQ(driver["rules"].size(), Catalogue::standard().rules().size());
    const json& l103 = driver["rules"][5];
    EXPECT_EQ(l103["id"], "L103");
    EXPECT_EQ(l103["name"], "compound-predicate");
    EXPECT_EQ(l103["helpUri"], "https://example.org/docs/lint/compound-predicate.md");
    EXPECT_EQ(l103["defaultConfiguration"]["level"], "warning");
    EXPECT_EQ(l103["properties"]["category"], "subjectivity");
    EXPECT_FALSE(l103["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(l103["fullDescription"]["text"].get<std::string>().empty());
}

// The result of `code` whose region starts on `line`.
const json* resultAt(const json& log, const std::string& code, int line) {
    for (const json& r : log["runs"][0]["results"]) {
        if (r["ruleId"] == code &&
            r["locations"][0]["physicalLocation"]["region"]["startLine"] == line) {
            return &r;
        }
    }
    return nullptr;
}

// Locations under the root are relative with uriBaseId SRCROOT, which originalUriBaseIds
// resolves; the compiler's codes in notifications link their section of diagnostics.md.
TEST(Sarif, LocationsAreRelativeToTheRootAndCodesLinkTheirDocs) {
    auto run = testing::lintSource(kBroken);
    std::string cwd = std::filesystem::current_path().string();
    json log = sarifOf(*run);
    const json& at = log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"]
                        [0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(at["uri"], "main.clue");
    EXPECT_EQ(at["uriBaseId"], "SRCROOT");
    EXPECT_EQ(log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"], fileUri(cwd + "/"));
    const json& codes = log["runs"][0]["tool"]["driver"]["notifications"];
    ASSERT_EQ(codes[0]["id"], "E005");
    EXPECT_EQ(codes[0]["helpUri"],
              "https://example.org/docs/diagnostics.md#e005-expected-something");

    json fromParent = sarifOf(*run, {}, "..");
    std::string leaf = std::filesystem::current_path().filename().string();
    EXPECT_EQ(fromParent["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"]
                        [0]["physicalLocation"]["artifactLocation"]["uri"],
              encodeUriPath(leaf) + "/main.clue");
    json elsewhere = sarifOf(*run, {}, "/nonexistent-root");
    EXPECT_EQ(elsewhere["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"]
                       [0]["physicalLocation"]["artifactLocation"],
              json({{"uri", fileUri(cwd + "/main.clue")}}));
    expectValidSarif(log);
}

TEST(Sarif, ResultsCarryRegionsNotesFixesAndSuppressions) {
    LintConfig config = testing::configFrom("lint:\n  rules:\n    testing: off\n    L204: error\n");
    auto run = testing::lintSource(kFindings, config);
    json log = sarifOf(*run, config);

    const json* inlineDup = resultAt(log, "L206", 5);
    ASSERT_TRUE(inlineDup) << log.dump(2);
    EXPECT_EQ((*inlineDup)["ruleIndex"],
              Catalogue::standard().indexOf(*Catalogue::standard().find("L206")));
    EXPECT_EQ((*inlineDup)["level"], "warning");
    const json& region = (*inlineDup)["locations"][0]["physicalLocation"]["region"];
    EXPECT_EQ(region["startColumn"], 50);
    EXPECT_EQ(region["endColumn"], 72);
    EXPECT_EQ((*inlineDup)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              "main.clue");
    EXPECT_EQ((*inlineDup)["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 1);
    const json& fix = (*inlineDup)["fixes"][0]["artifactChanges"][0]["replacements"][0];
    EXPECT_EQ(fix["insertedContent"]["text"], "person");
    EXPECT_EQ(fix["deletedRegion"]["startColumn"], 50);

    const json* object = resultAt(log, "L204", 2);
    ASSERT_TRUE(object);
    EXPECT_EQ((*object)["level"], "error");

    const json* suppressed = resultAt(log, "L103", 4);
    ASSERT_TRUE(suppressed);
    EXPECT_EQ((*suppressed)["suppressions"][0]["kind"], "inSource");
    EXPECT_EQ((*suppressed)["suppressions"][0]["justification"],
              "asked as one question on purpose");

    const json* never = resultAt(log, "L301", 6);
    ASSERT_TRUE(never);
    EXPECT_EQ((*never)["level"], "error");

    const json& overrides = log["runs"][0]["invocations"][0]["ruleConfigurationOverrides"];
    bool sawMissingObject = false, sawTestingOff = false;
    for (const json& o : overrides) {
        sawMissingObject |=
            o["descriptor"]["id"] == "L204" && o["configuration"]["level"] == "error";
        sawTestingOff |= o["descriptor"]["id"] == "L501" && o["configuration"]["enabled"] == false;
    }
    EXPECT_TRUE(sawMissingObject && sawTestingOff) << overrides.dump(2);
}

TEST(Github, OneWorkflowCommandPerFindingEscaped) {
    auto run = testing::lintSource("predicate p : \"a cat, or: a dog is visible\"\n"
                                   "rule r \"R.\" severity low when p\n",
                                   testing::configFrom("lint:\n  rules:\n    testing: off\n"));
    EXPECT_EQ(githubAnnotations(run->result, run->sources),
              "::warning file=main.clue,line=1,col=23,endLine=1,endColumn=25,title=L103::"
              "the statement of predicate 'p' joins two facts with 'or' (help: split it into one "
              "predicate per fact and join them in the formula with `or`)\n");
    EXPECT_EQ(escapeWorkflowData("50% done\r\nnext"), "50%25 done%0D%0Anext");
    EXPECT_EQ(escapeWorkflowProperty("a:b,c%"), "a%3Ab%2Cc%25");
}

TEST(Json, FindingsSuppressedFindingsAndCounts) {
    auto run = testing::lintSource(kFindings, testing::configFrom("lint:\n  rules:\n"
                                                                  "    testing: off\n"));
    json doc = lintJson(run->result, run->sources);
    EXPECT_EQ(doc["errors"], 1);
    EXPECT_EQ(doc["warnings"], doc["diagnostics"].size() - 1);
    ASSERT_EQ(doc["suppressed"].size(), 1u);
    EXPECT_EQ(doc["suppressed"][0]["suppression"]["reason"], "asked as one question on purpose");
    EXPECT_EQ(doc["suppressed"][0]["rule"], "compound-predicate");
    bool sawFix = false;
    for (const json& d : doc["diagnostics"]) {
        if (d["code"] == "L206") {
            EXPECT_EQ(d["category"], "structure");
            EXPECT_EQ(d["fix"][0]["replacement"], "person");
            sawFix = true;
        }
    }
    EXPECT_TRUE(sawFix);
    EXPECT_EQ(doc["files"]["linted"], json::array({"main.clue"}));
}

TEST(ListRules, TextAndJsonNameEveryRule) {
    std::string text = listRulesText(Catalogue::standard(), {});
    json list = listRulesJson(Catalogue::standard(), {});
    ASSERT_EQ(list.size(), Catalogue::standard().rules().size());
    for (const json& rule : list) {
        EXPECT_NE(text.find(rule["name"].get<std::string>()), std::string::npos);
    }
    EXPECT_EQ(list[3]["options"][0]["name"], "extra-terms");
    EXPECT_EQ(list[3]["options"][2]["default"], true);
}

} // namespace
} // namespace clue::lint
