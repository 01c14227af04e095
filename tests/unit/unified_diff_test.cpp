// Unified diffs: the exact text for small cases (as diff -u writes them), and on random edits,
// that patch(1) turns the old text into the new one with the diff.
#include "common/unified_diff.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace clue {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) {
    EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
    EXPECT_EQ(unifiedDiff("", "", "x", "y"), "");
}

TEST(UnifiedDiff, OneChangedLineWithContext) {
    std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    EXPECT_EQ(unifiedDiff(before, after, "a/p.clue", "b/p.clue"),
              "--- a/p.clue\n+++ b/p.clue\n"
              "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(UnifiedDiff, InsertionAtTheStartAndDeletionAtTheEnd) {
    EXPECT_EQ(unifiedDiff("a\n", "new\na\n", "x", "y", 0), "--- x\n+++ y\n@@ -0,0 +1 @@\n+new\n");
    EXPECT_EQ(unifiedDiff("a\nb\n", "a\n", "x", "y", 0), "--- x\n+++ y\n@@ -2 +1,0 @@\n-b\n");
    EXPECT_EQ(unifiedDiff("", "a\n", "x", "y"), "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n");
}

TEST(UnifiedDiff, MarksALastLineWithoutNewline) {
    EXPECT_EQ(unifiedDiff("a\nb", "a\nb\n", "x", "y"),
              "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiff, ChangesFarApartMakeTwoHunks) {
    std::string before, after;
    for (int i = 1; i <= 20; ++i) {
        before += std::to_string(i) + "\n";
        after += (i == 2 || i == 19 ? "x" : std::to_string(i)) + "\n";
    }
    std::string diff = unifiedDiff(before, after, "x", "y", 1);
    EXPECT_EQ(diff, "--- x\n+++ y\n@@ -1,3 +1,3 @@\n 1\n-2\n+x\n 3\n"
                    "@@ -18,3 +18,3 @@\n 18\n-19\n+x\n 20\n");
}

std::string randomText(std::mt19937& random, size_t lines) {
    std::string text;
    for (size_t i = 0; i < lines; ++i) {
        text += std::string(1, static_cast<char>('a' + random() % 4)) + "\n";
    }
    return text;
}

std::string patched(const std::string& before, const std::string& diff) {
    test::TempDir dir;
    std::ofstream(dir / "file", std::ios::binary) << before;
    std::ofstream(dir / "diff", std::ios::binary) << diff;
    std::string command = "patch --quiet --force " + (dir / "file").string() + " " +
                          (dir / "diff").string() + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) {
        return "<patch failed>";
    }
    std::ifstream in(dir / "file", std::ios::binary);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(UnifiedDiff, PatchAppliesRandomDiffs) {
    std::mt19937 random(7);
    for (int round = 0; round < 40; ++round) {
        std::string before = randomText(random, random() % 30);
        std::string after = randomText(random, random() % 30);
        std::string diff = unifiedDiff(before, after, "file", "file", round % 4);
        if (before == after) {
            EXPECT_EQ(diff, "");
            continue;
        }
        EXPECT_EQ(patched(before, diff), after) << diff;
    }
}

} // namespace
} // namespace clue
