// Tests of the JSONL manifest reader: entries in order, the first bad line located.
#include "runtime/image/image_manifest.h"

#include <gtest/gtest.h>

using namespace clue::runtime;

namespace {

std::string problem(std::string_view text) {
    auto parsed = parseManifest(text);
    if (parsed) {
        ADD_FAILURE() << "accepted: " << text;
        return {};
    }
    return std::to_string(parsed.error().line) + ": " + parsed.error().message;
}

} // namespace

TEST(ImageManifest, ReadsPathsInOrderAndSkipsBlankLines) {
    auto parsed =
        parseManifest("{\"path\": \"a.png\", \"label\": 1}\n\n  \r\n{\"path\":\"/x/b.jpg\"}\r\n");
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->size(), 2u);
    EXPECT_EQ(parsed.value()[0].path, "a.png");
    EXPECT_EQ(parsed.value()[1].line, 4);
    EXPECT_EQ(parsed.value()[1].path, "/x/b.jpg");
    EXPECT_TRUE(parseManifest("")->empty());
}

TEST(ImageManifest, RefusesLinesWithoutAPath) {
    EXPECT_EQ(problem("{\"path\": \"a.png\"}\n{\"file\": \"b.png\"}"),
              "2: expected a JSON object with a non-empty string \"path\"");
    EXPECT_EQ(problem("{\"path\": \"\"}"),
              "1: expected a JSON object with a non-empty string \"path\"");
    EXPECT_EQ(problem("[\"a.png\"]"), "1: expected a JSON object with a non-empty string \"path\"");
    EXPECT_EQ(
        problem("{\"path\": \"a.png\"} x")
            .rfind("1: expected a JSON object with a non-empty string \"path\" (invalid JSON at "
                   "line 1, column 19: ",
                   0),
        0u);
}

// Which of two paths a reader takes must not decide which image is judged.
TEST(ImageManifest, RefusesAPathTwice) {
    EXPECT_EQ(problem("{\"path\": \"a.png\", \"path\": \"b.png\"}"),
              "1: expected a JSON object with a non-empty string \"path\" (/path: duplicate key "
              "\"path\": each key may appear once in an object)");
}

TEST(ImageManifest, BoundsThePathLength) {
    EXPECT_EQ(problem("{\"path\": \"" + std::string(5000, 'a') + "\"}"),
              "1: the \"path\" is 5000 bytes long; at most 4096 are allowed");
}
