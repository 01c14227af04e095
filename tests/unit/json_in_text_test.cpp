// JSON objects inside a model's free text: fences, prose, braces inside strings, single quotes.
#include "common/json_in_text.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

TEST(JsonInText, FindsTopLevelObjectsInFencesAndProse) {
    std::string text = "Sure.\n```json\n{\"a\": {\"b\": 1}}\n```\nAlso {\"c\": \"}\"} done.";
    std::vector<std::string_view> objects = jsonObjectsIn(text);
    ASSERT_EQ(objects.size(), 2u);
    EXPECT_EQ(objects[0], "{\"a\": {\"b\": 1}}");
    EXPECT_EQ(objects[1], "{\"c\": \"}\"}");
}

TEST(JsonInText, LeavesOutUnbalancedObjects) {
    EXPECT_TRUE(jsonObjectsIn("no json here").empty());
    EXPECT_TRUE(jsonObjectsIn("{\"a\": 1").empty());
    EXPECT_TRUE(jsonObjectsIn("{\"a\": \"unterminated}").empty());
}

TEST(JsonInText, ReadsObjectsAndSingleQuotedOnes) {
    auto plain = parseJsonObject("{\"rating\": \"Yes\"}");
    ASSERT_TRUE(plain);
    EXPECT_EQ((*plain)["rating"], "Yes");
    auto single = parseJsonObject("{'rating': 'No', 'rationale': 'a \"quoted\" word'}");
    ASSERT_TRUE(single);
    EXPECT_EQ((*single)["rationale"], "a \"quoted\" word");
    EXPECT_FALSE(parseJsonObject("{'rationale': 'it's there'}"));
    EXPECT_FALSE(parseJsonObject("[1, 2]"));
    EXPECT_FALSE(parseJsonObject("{not json}"));
}

} // namespace
} // namespace clue
