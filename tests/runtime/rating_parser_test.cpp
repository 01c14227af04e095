// Tests of the CoT summary's rating parser: what it tolerates and what it refuses.
#include "runtime/backend/rating_parser.h"

#include <gtest/gtest.h>

using namespace clue::runtime;

namespace {

Rating rated(const std::string& text) {
    auto result = parseRating(text);
    if (!result) {
        ADD_FAILURE() << result.error().message << "\nfor: " << text;
        return {};
    }
    return result.value();
}

std::string refusal(const std::string& text) {
    auto result = parseRating(text);
    if (result) {
        ADD_FAILURE() << "accepted: " << text;
        return {};
    }
    EXPECT_EQ(result.error().kind, BackendErrorKind::InvalidRating);
    return result.error().message;
}

} // namespace

TEST(RatingParser, ReadsPlainJson) {
    const Rating rating =
        rated(R"({"rating": "Yes", "rationale": "A person is clearly visible."})");
    EXPECT_TRUE(rating.yes);
    EXPECT_EQ(rating.rationale, "A person is clearly visible.");
    EXPECT_FALSE(rated(R"({"rationale":"nothing burns","rating":"No"})").yes);
    EXPECT_EQ(rated(R"({"rating":"Yes","rationale":"it's on fire"})").rationale, "it's on fire");
}

TEST(RatingParser, ReadsJsonInsideFencesAndProse) {
    const Rating fenced = rated("Here is my answer:\n```json\n{\n  \"rating\": \"No\",\n"
                                "  \"rationale\": \"The {fire} is a painting.\"\n}\n```\nThanks!");
    EXPECT_FALSE(fenced.yes);
    EXPECT_EQ(fenced.rationale, "The {fire} is a painting.");
    EXPECT_TRUE(rated("I'm sure. {\"rating\": \"Yes\", \"rationale\": \"x\"} That's it.").yes);
}

TEST(RatingParser, ToleratesCaseVariantsAndAFinalPeriod) {
    EXPECT_TRUE(rated(R"({"Rating": "YES", "Rationale": "r"})").yes);
    EXPECT_FALSE(rated(R"({"RATING": " no. ", "rationale": "r"})").yes);
}

TEST(RatingParser, ToleratesUnambiguousSingleQuotes) {
    const Rating rating = rated("{'rating': 'Yes', 'rationale': 'a \"burning\" car'}");
    EXPECT_TRUE(rating.yes);
    EXPECT_EQ(rating.rationale, "a \"burning\" car");
    EXPECT_EQ(rated(R"({'rating': 'No', 'rationale': 'it isn\'t there'})").rationale,
              "it isn't there");
}

TEST(RatingParser, RefusesAnApostropheThatBreaksSingleQuotes) {
    refusal("{'rating': 'Yes', 'rationale': 'the man's arm is burnt'}");
}

TEST(RatingParser, RefusesRatingsOtherThanYesOrNo) {
    EXPECT_NE(refusal(R"({"rating": "Maybe", "rationale": "r"})").find("\"Maybe\""),
              std::string::npos);
    refusal(R"({"rating": true, "rationale": "r"})");
    refusal(R"({"rating": 7, "rationale": "r"})");
    refusal(R"({"rating": "Yes, clearly", "rationale": "r"})");
}

TEST(RatingParser, RefusesAMissingOrNonStringRationale) {
    EXPECT_NE(refusal(R"({"rating": "Yes"})").find("no \"rationale\""), std::string::npos);
    refusal(R"({"rating": "Yes", "rationale": ["a", "b"]})");
}

TEST(RatingParser, RefusesTextWithoutAUsableObject) {
    EXPECT_NE(refusal("Yes, the content is visible.").find("no JSON object found"),
              std::string::npos);
    refusal(R"({"verdict": "Yes", "why": "r"})");
    refusal(R"({"rating": "Yes", "rationale": "cut off)");
    refusal("");
}

TEST(RatingParser, RefusesObjectsThatDisagreeAndAcceptsOnesThatAgree) {
    EXPECT_NE(refusal(R"({"rating":"Yes","rationale":"a"} or {"rating":"No","rationale":"b"})")
                  .find("disagree"),
              std::string::npos);
    EXPECT_EQ(rated(R"({"rating":"Yes","rationale":"a"} again {"rating":"yes","rationale":"b"})")
                  .rationale,
              "a");
}

TEST(RatingParser, SkipsOtherObjectsBeforeTheRating) {
    EXPECT_TRUE(
        rated(R"(Facts: {"objects": ["car"]}. Verdict: {"rating": "Yes", "rationale": "r"})").yes);
}

// Which of two ratings a reader takes must not decide a verdict: a key twice is refused.
TEST(RatingParser, RefusesAKeyTwice) {
    EXPECT_EQ(refusal(R"({"rating": "No", "rating": "Yes", "rationale": "r"})"),
              "the reasoning summary is unusable: /rating: duplicate key \"rating\": each key "
              "may appear once in an object");
    EXPECT_EQ(refusal(R"(```json
{"rating": "No", "Rating": "Yes", "rationale": "r"}
```)"),
              "the reasoning summary is unusable: the JSON has the key \"rating\" twice (in "
              "different cases)");
    EXPECT_EQ(refusal(R"({"rating": "No", "rationale": "a", "RATIONALE": "b"})"),
              "the reasoning summary is unusable: the JSON has the key \"rationale\" twice (in "
              "different cases)");
}
