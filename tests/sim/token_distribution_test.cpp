// Tests of the yes/no token distribution: variants, consistency of the logprobs, recoverable M.
#include "tests/sim/token_distribution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

using namespace clue::sim;

namespace {

std::string folded(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c != ' ') {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

} // namespace

TEST(TokenDistribution, SpreadsYesAndNoOverTokenizerVariants) {
    const KeyedRandom random(1);
    const auto tokens = yesNoDistribution(0.6, random, "k");
    std::set<std::string> names;
    for (const auto& t : tokens) {
        names.insert(t.token);
    }
    for (const char* v : {"Yes", " Yes", "yes", " yes", "No", " No", "no", " no"}) {
        EXPECT_EQ(names.count(v), 1u) << v;
    }
    EXPECT_EQ(tokens.front().token, "Yes");
    EXPECT_GE(tokens.size(), 20u);
}

TEST(TokenDistribution, IsSortedSumsToAtMostOneAndKeepsM) {
    const KeyedRandom random(2);
    for (double m : {0.001, 0.2, 0.5, 0.93, 0.999}) {
        const auto tokens = yesNoDistribution(m, random, "key" + std::to_string(m));
        double total = 0, yes = 0, no = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (i > 0) {
                EXPECT_LE(tokens[i].logprob, tokens[i - 1].logprob);
            }
            const double p = std::exp(tokens[i].logprob);
            total += p;
            yes += folded(tokens[i].token) == "yes" ? p : 0;
            no += folded(tokens[i].token) == "no" ? p : 0;
        }
        EXPECT_LE(total, 1.0 + 1e-9);
        EXPECT_GE(yes + no, 0.97 - 1e-9);
        EXPECT_NEAR(yes / (yes + no), m, 1e-6);
    }
}

TEST(TokenDistribution, GreedyTokenFollowsM) {
    const KeyedRandom random(3);
    EXPECT_EQ(yesNoDistribution(0.2, random, "a").front().token, "No");
    EXPECT_EQ(yesNoDistribution(0.8, random, "a").front().token, "Yes");
}

TEST(TokenDistribution, SameKeySameDistribution) {
    const KeyedRandom random(4);
    const auto a = yesNoDistribution(0.4, random, "same");
    const auto b = yesNoDistribution(0.4, random, "same");
    const auto c = yesNoDistribution(0.4, random, "other");
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].token, b[i].token);
        EXPECT_EQ(a[i].logprob, b[i].logprob);
    }
    bool differs = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        differs = differs || a[i].logprob != c[i].logprob || a[i].token != c[i].token;
    }
    EXPECT_TRUE(differs);
}
