// The answer checks: ratings, rewrites and chains that are accepted, and the ones that are not.
#include "compiler/objectify/answer_parser.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

TEST(RatingAnswer, ReadsTheMtBenchFormat) {
    Checked<RatingAnswer> r = parseRating("The rule names visible body parts.\n\nRating: [[9]]");
    ASSERT_TRUE(r.value) << r.problem;
    EXPECT_EQ(r.value->rating, 9);
    EXPECT_EQ(r.value->explanation, "The rule names visible body parts.");
}

TEST(RatingAnswer, TheLastBracketedNumberCounts) {
    Checked<RatingAnswer> r = parseRating("A [[3]] would be too low.\nRating: [[7]]");
    ASSERT_TRUE(r.value);
    EXPECT_EQ(r.value->rating, 7);
    EXPECT_EQ(r.value->explanation, "A [[3]] would be too low.");
}

TEST(RatingAnswer, AcceptsAPlainRatingLabel) {
    Checked<RatingAnswer> r = parseRating("Vague words.\nRating: 6");
    ASSERT_TRUE(r.value);
    EXPECT_EQ(r.value->rating, 6);
    EXPECT_EQ(r.value->explanation, "Vague words.");
}

TEST(RatingAnswer, RejectsRatingsOutsideOneToTen) {
    for (const char* answer :
         {"x Rating: [[11]]", "x Rating: [[0]]", "x Rating: [[-2]]", "x Rating: [[7.5]]"}) {
        Checked<RatingAnswer> r = parseRating(answer);
        EXPECT_FALSE(r.value) << answer;
        EXPECT_NE(r.problem.find("outside 1 to 10"), std::string::npos) << r.problem;
    }
}

TEST(RatingAnswer, RejectsAnswersWithoutARating) {
    for (const char* answer : {"I think it is fairly objective.", "Rating: [[high]]", ""}) {
        Checked<RatingAnswer> r = parseRating(answer);
        EXPECT_FALSE(r.value) << answer;
        EXPECT_FALSE(r.problem.empty());
    }
}

TEST(RatingAnswer, RejectsInvalidUtf8) {
    EXPECT_FALSE(parseRating("caf\xE9 Rating: [[5]]").value);
}

TEST(RewriteAnswer, StripsWrappersAndCollapsesSpace) {
    AnswerLimits limits;
    EXPECT_EQ(*parseRewrite("  Should not depict blood.\n", limits).value,
              "Should not depict blood.");
    EXPECT_EQ(*parseRewrite("Rewritten rule: \"Should not\n depict blood.\"", limits).value,
              "Should not depict blood.");
    EXPECT_EQ(*parseRewrite("<rule>Should not depict blood.</rule>", limits).value,
              "Should not depict blood.");
    EXPECT_EQ(*parseRewrite("```\nShould not depict blood.\n```", limits).value,
              "Should not depict blood.");
}

TEST(RewriteAnswer, RejectsEmptyAndOverlongRules) {
    AnswerLimits limits;
    limits.maxRuleLength = 20;
    EXPECT_FALSE(parseRewrite("", limits).value);
    EXPECT_FALSE(parseRewrite("  \"\"  ", limits).value);
    Checked<std::string> tooLong = parseRewrite("Should not depict any blood at all.", limits);
    EXPECT_FALSE(tooLong.value);
    EXPECT_NE(tooLong.problem.find("over the limit of 20"), std::string::npos);
}

const char* kChain = R"({"chain": [
    {"any": [{"statement": "a person is visible", "object": "person"},
             {"statement": "an animal is visible", "object": "animal"}]},
    {"any": [{"statement": "a body is charred.", "object": ""}]}]})";

TEST(ChainAnswer, ReadsAnAndOfOrGroups) {
    Checked<Chain> c = parseChain(kChain, {});
    ASSERT_TRUE(c.value) << c.problem;
    ASSERT_EQ(c.value->steps.size(), 2u);
    ASSERT_EQ(c.value->steps[0].size(), 2u);
    EXPECT_EQ(c.value->steps[0][1].object, "animal");
    EXPECT_EQ(c.value->steps[1][0].statement, "a body is charred"); // final period dropped
    EXPECT_EQ(c.value->statementCount(), 3u);
    EXPECT_EQ(c.value->toFormula()->toSource(),
              R"(("a person is visible" or "an animal is visible") and "a body is charred")");
    ASSERT_EQ(c.value->objects().size(), 2u);
}

TEST(ChainAnswer, FindsJsonInFencesAndProse) {
    EXPECT_TRUE(parseChain(std::string("```json\n") + kChain + "\n```", {}).value);
    EXPECT_TRUE(parseChain(std::string("Here it is: ") + kChain + " Hope it helps.", {}).value);
}

TEST(ChainAnswer, AnObjectIsOptional) {
    Checked<Chain> c =
        parseChain(R"({"chain": [{"any": [{"statement": "a knife is visible"}]}]})", {});
    ASSERT_TRUE(c.value) << c.problem;
    EXPECT_EQ(c.value->steps[0][0].object, "");
}

void expectProblem(const std::string& answer, const std::string& part, AnswerLimits limits = {}) {
    Checked<Chain> c = parseChain(answer, limits);
    EXPECT_FALSE(c.value) << answer;
    EXPECT_NE(c.problem.find(part), std::string::npos) << c.problem;
}

TEST(ChainAnswer, RejectsMalformedJson) {
    expectProblem("no json here", "not a JSON object");
    expectProblem(R"({"chain": [{"any": [}]})", "not a JSON object (invalid JSON at line 1");
    expectProblem(R"({"chain": [{"any": [{"statement": "a person is visible"}]}], "chain": []})",
                  "not a JSON object (/chain: duplicate key \"chain\"");
    expectProblem(R"({"steps": []})", "no \"chain\" array");
    expectProblem(R"({"chain": [{"all": []}]})", "step 1 is not an object with an \"any\" array");
    expectProblem(R"({"chain": [{"any": [{"statement": 3}]}]})",
                  "step 1 alternative 1: is not an object");
}

TEST(ChainAnswer, RejectsAnEmptyChainOrGroup) {
    expectProblem(R"({"chain": []})", "the chain is empty");
    expectProblem(R"({"chain": [{"any": [{"statement": "a person is visible"}]}, {"any": []}]})",
                  "step 2 is empty");
    expectProblem(R"({"chain": [{"any": [{"statement": "  "}]}]})", "is empty");
}

TEST(ChainAnswer, FindsTheChainAfterProseWithBraces) {
    Checked<Chain> c = parseChain(
        "Steps {as asked}:\n```json\n{\"chain\": [{\"any\": [{\"statement\": \"a knife is "
        "visible\"}]}]}\n```",
        {});
    ASSERT_TRUE(c.value) << c.problem;
    EXPECT_EQ(c.value->steps.front().front().statement, "a knife is visible");
}

TEST(ChainAnswer, RejectsCompoundAndNegatedStatements) {
    expectProblem(
        R"({"chain": [{"any": [{"statement": "a person is visible and a knife is visible"}]}]})",
        "joins two facts with \"and\"");
    expectProblem(R"({"chain": [{"any": [{"statement": "no clothing covers the body"}]}]})",
                  "is negative (\"no\")");
    expectProblem(R"({"chain": [{"any": [{"statement": "the person is not wearing a shirt"}]}]})",
                  "is negative (\"is not\")");
}

TEST(ChainAnswer, RejectsStatementsOverTheLengthLimit) {
    AnswerLimits limits;
    limits.maxStatementLength = 20;
    expectProblem(R"({"chain": [{"any": [{"statement": "a person is standing in a field"}]}]})",
                  "over the limit of 20", limits);
    expectProblem(R"({"chain": [{"any": [{"statement": "a person", "object": 4}]}]})",
                  "\"object\" that is not a string");
}

} // namespace
} // namespace clue::objectify
