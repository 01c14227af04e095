// Tests of the edit distance and of "did you mean" suggestions.
#include "common/edit_distance.h"

#include <gtest/gtest.h>

namespace clue {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
    EXPECT_EQ(editDistance("", ""), 0u);
    EXPECT_EQ(editDistance("abc", ""), 3u);
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(editDistance("hgih", "high"), 1u); // a transposition
    EXPECT_EQ(editDistance("ab", "ba"), 1u);
    EXPECT_EQ(editDistance("severity", "sevrity"), 1u);
}

TEST(EditDistance, SuggestsOnlyCloseCandidates) {
    std::vector<std::string> severities = {"low", "medium", "high", "critical"};
    EXPECT_EQ(closestMatch("hihg", severities), std::optional<std::string>("high"));
    EXPECT_EQ(closestMatch("critcal", severities), std::optional<std::string>("critical"));
    EXPECT_EQ(closestMatch("extreme", severities), std::nullopt);
    EXPECT_EQ(closestMatch("high", severities), std::nullopt); // an exact match is no typo
    EXPECT_EQ(closestMatch("x", {}), std::nullopt);
}

} // namespace
} // namespace clue
