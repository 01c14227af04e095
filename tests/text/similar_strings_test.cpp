// Near-duplicate search: the filtered search finds exactly what comparing every pair finds.
#include "common/edit_distance.h"
#include "compiler/text/similar_strings.h"
#include "tests/support/constitution_generator.h"

#include <gtest/gtest.h>

namespace clue::text {
namespace {

std::string mutate(testing::Random& random, std::string s, size_t edits) {
    for (size_t e = 0; e < edits && !s.empty(); ++e) {
        size_t at = random.below(s.size());
        char c = static_cast<char>('a' + random.below(4));
        switch (random.below(4)) {
        case 0:
            s[at] = c;
            break;
        case 1:
            s.insert(s.begin() + static_cast<long>(at), c);
            break;
        case 2:
            if (at + 1 < s.size()) {
                std::swap(s[at], s[at + 1]);
            }
            break;
        default:
            s.erase(at, 1);
        }
    }
    return s;
}

TEST(SimilarStrings, FindsEveryPairWithinTheDistance) {
    testing::Random random(11);
    for (int round = 0; round < 30; ++round) {
        std::vector<std::string> strings;
        for (int i = 0; i < 40; ++i) {
            std::string base;
            size_t length = 4 + random.below(30);
            for (size_t k = 0; k < length; ++k) {
                base += static_cast<char>('a' + random.below(4));
            }
            strings.push_back(base);
            strings.push_back(mutate(random, base, random.below(5)));
        }
        size_t k = 1 + random.below(3);
        std::vector<std::tuple<size_t, size_t, size_t>> got, expected;
        for (const SimilarPair& p : similarPairs(strings, k)) {
            got.push_back({p.first, p.second, p.distance});
        }
        for (size_t a = 0; a < strings.size(); ++a) {
            for (size_t b = a + 1; b < strings.size(); ++b) {
                size_t d = editDistance(strings[a], strings[b]);
                if (d >= 1 && d <= k) {
                    expected.push_back({a, b, d});
                }
            }
        }
        ASSERT_EQ(got, expected) << "round " << round << ", k " << k;
    }
}

TEST(SimilarStrings, TheBoundedDistanceAgreesWithTheFullOne) {
    testing::Random random(5);
    for (int round = 0; round < 2000; ++round) {
        std::string a = mutate(random, "abcabcdabd", random.below(3));
        std::string b = mutate(random, a, random.below(6));
        size_t limit = random.below(5);
        size_t full = editDistance(a, b);
        EXPECT_EQ(editDistanceWithin(a, b, limit), std::min(full, limit + 1)) << a << " " << b;
    }
}

TEST(SimilarStrings, IdenticalStringsAreNotPairs) {
    EXPECT_TRUE(similarPairs({"a person is visible", "a person is visible"}, 3).empty());
    EXPECT_EQ(similarPairs({"a person is visible", "a persons is visible"}, 3).size(), 1u);
    EXPECT_TRUE(similarPairs({"a person is visible", "a persons is visible"}, 0).empty());
}

} // namespace
} // namespace clue::text
