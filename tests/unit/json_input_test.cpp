// Tests of the strict JSON parser: duplicate keys anywhere are refused with their JSON pointer.
#include "common/json_input.h"

#include <gtest/gtest.h>

#include <string>

using clue::JsonInputError;
using clue::parseJsonInput;
using clue::tryParseJsonInput;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseJsonInput(text);
    } catch (const JsonInputError& e) {
        return e.what();
    }
    return "accepted";
}

} // namespace

TEST(JsonInput, ParsesAValidDocument) {
    const auto doc = parseJsonInput(R"({"a": [1, {"b": true}], "c": {"a": 2}})");
    EXPECT_EQ(doc["a"][1]["b"], true);
    EXPECT_EQ(doc["c"]["a"], 2); // the same key in two objects is fine
}

TEST(JsonInput, RefusesATopLevelDuplicateKey) {
    EXPECT_EQ(errorOf(R"({"rules": [1], "x": 0, "rules": []})"),
              "/rules: duplicate key \"rules\": each key may appear once in an object");
}

TEST(JsonInput, RefusesANestedDuplicateKeyWithItsPointer) {
    EXPECT_EQ(errorOf(R"({"a": [0, {"x": 1}, {"b/c": {"k": 1, "k": 2}}]})"),
              "/a/2/b~1c/k: duplicate key \"k\": each key may appear once in an object");
    EXPECT_EQ(errorOf(R"([[], [{}, {"y~": 1, "y~": 1}]])"),
              "/1/1/y~0: duplicate key \"y~\": each key may appear once in an object");
}

TEST(JsonInput, ReportsSyntaxErrorsWithLineAndColumn) {
    try {
        parseJsonInput("{\n  \"a\": x}");
        FAIL() << "accepted";
    } catch (const JsonInputError& e) {
        EXPECT_EQ(e.pointer(), "");
        EXPECT_EQ(std::string(e.what()).rfind("invalid JSON at line 2, column", 0), 0u) << e.what();
        EXPECT_FALSE(e.endedEarly());
    }
}

TEST(JsonInput, SaysWhenTheTextEndsEarly) {
    try {
        parseJsonInput(R"({"choices": [)");
        FAIL() << "accepted";
    } catch (const JsonInputError& e) {
        EXPECT_TRUE(e.endedEarly()) << e.what();
    }
}

TEST(JsonInput, BoundsTheDepth) {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    EXPECT_EQ(errorOf(deep), "the JSON is nested deeper than 128 levels");
    const std::string fine = std::string(100, '[') + std::string(100, ']');
    EXPECT_EQ(errorOf(fine), "accepted");
}

TEST(JsonInput, TryParseGivesTheProblem) {
    std::string problem;
    EXPECT_FALSE(tryParseJsonInput(R"({"a":1,"a":1})", &problem));
    EXPECT_EQ(problem, "/a: duplicate key \"a\": each key may appear once in an object");
    EXPECT_TRUE(tryParseJsonInput("[1]"));
}
