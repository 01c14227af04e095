// Glob patterns for settings that name files: *, ?, ** and patterns without a slash.
#include "common/path_glob.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

TEST(PathGlob, StarStaysInsideOneComponent) {
    EXPECT_TRUE(globMatch("gen/*.clue", "gen/a.clue"));
    EXPECT_FALSE(globMatch("gen/*.clue", "gen/sub/a.clue"));
    EXPECT_TRUE(globMatch("gen/?.clue", "gen/a.clue"));
    EXPECT_FALSE(globMatch("gen/?.clue", "gen/ab.clue"));
}

TEST(PathGlob, DoubleStarCrossesDirectories) {
    EXPECT_TRUE(globMatch("gen/**", "gen/a/b/c.clue"));
    EXPECT_TRUE(globMatch("**/legacy.clue", "legacy.clue"));
    EXPECT_TRUE(globMatch("**/legacy.clue", "a/b/legacy.clue"));
    EXPECT_TRUE(globMatch("a/**/z.clue", "a/z.clue"));
    EXPECT_TRUE(globMatch("a/**/z.clue", "a/b/c/z.clue"));
    EXPECT_FALSE(globMatch("gen/**", "other/gen/a.clue"));
}

TEST(PathGlob, APatternWithoutSlashMatchesTheFileNameAnywhere) {
    EXPECT_TRUE(globMatch("*_draft.clue", "policies/x_draft.clue"));
    EXPECT_TRUE(globMatch("*_draft.clue", "x_draft.clue"));
    EXPECT_FALSE(globMatch("*_draft.clue", "x_draft.clue/y.clue"));
}

TEST(PathGlob, LeadingDotSlashAndSlashAreIgnored) {
    EXPECT_TRUE(globMatch("/gen/*.clue", "./gen/a.clue"));
    EXPECT_FALSE(globMatch("gen/a.clue", "gen/a.clueX"));
}

} // namespace
} // namespace clue
