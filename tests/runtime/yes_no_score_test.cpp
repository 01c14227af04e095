// Tests of the yes/no score: variant summing, the remaining-mass bound, and the failures.
#include "runtime/backend/yes_no_score.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace clue::runtime;

namespace {

FirstTokenLogprobs top(std::vector<std::pair<std::string, double>> probabilities) {
    FirstTokenLogprobs out;
    for (auto& [token, p] : probabilities) {
        out.top.push_back({token, p > 0 ? std::log(p) : -9999.0});
    }
    if (!out.top.empty()) {
        out.chosen = out.top.front();
    }
    return out;
}

} // namespace

TEST(YesNoScore, ClassifiesCaseWhitespaceAndTokenizerMarkers) {
    for (const char* yes : {"Yes", "yes", "YES", " Yes", "Yes ", "\tyes\n", "\u2581Yes",
                            "\u0120yes", "\u010aYes", "\u2581\u2581 YES"}) {
        EXPECT_EQ(classifyYesNoToken(yes), YesNoToken::Yes) << yes;
    }
    for (const char* no : {"No", "no", "NO", " No", "\u2581No", "\u0120no", "nO"}) {
        EXPECT_EQ(classifyYesNoToken(no), YesNoToken::No) << no;
    }
    for (const char* other :
         {"Yes.", "Yesterday", "Y", "Nope", "N", "", " ", "\u2581", "Maybe", "Ye s", "Oui",
          "\xc3\xbd"
          "es"}) {
        EXPECT_EQ(classifyYesNoToken(other), YesNoToken::Other) << other;
    }
}

TEST(YesNoScore, SumsEveryVariantOfEachAnswer) {
    const auto score = scoreYesNo(top({{"Yes", 0.5},
                                       {" yes", 0.1},
                                       {"\u2581YES", 0.05},
                                       {"No", 0.2},
                                       {" no", 0.05},
                                       {"Maybe", 0.1}}));
    ASSERT_TRUE(score);
    EXPECT_NEAR(score->pYes, 0.65, 1e-12);
    EXPECT_NEAR(score->pNo, 0.25, 1e-12);
    EXPECT_NEAR(score->score, 0.65 / 0.9, 1e-12);
    EXPECT_FALSE(score->approximate);
    EXPECT_EQ(score->listedTokens, 6);
}

TEST(YesNoScore, BoundsAnAbsentNoByTheRemainingMass) {
    const auto score = scoreYesNo(top({{"Yes", 0.9}, {"The", 0.04}, {"I", 0.01}}));
    ASSERT_TRUE(score);
    EXPECT_TRUE(score->approximate);
    EXPECT_NEAR(score->pNo, 0.05, 1e-12);
    EXPECT_NEAR(score->score, 0.9 / 0.95, 1e-12);
}

TEST(YesNoScore, BoundsAnAbsentYesByTheRemainingMass) {
    const auto score = scoreYesNo(top({{"No", 0.7}, {" No", 0.2}}));
    ASSERT_TRUE(score);
    EXPECT_TRUE(score->approximate);
    EXPECT_NEAR(score->pYes, 0.1, 1e-12);
    EXPECT_NEAR(score->score, 0.1 / 1.0, 1e-12);
}

TEST(YesNoScore, AFullListWithOneSideAbsentScoresZeroOrOne) {
    const auto score = scoreYesNo(top({{"Yes", 0.6}, {"yes", 0.4}}));
    ASSERT_TRUE(score);
    EXPECT_TRUE(score->approximate);
    EXPECT_DOUBLE_EQ(score->score, 1.0);
}

TEST(YesNoScore, NeitherAnswerListedIsAnError) {
    const auto score = scoreYesNo(top({{"Maybe", 0.61}, {"I", 0.22}, {"The", 0.1}, {"It", 0.01}}));
    ASSERT_FALSE(score);
    EXPECT_EQ(score.error().kind, BackendErrorKind::NoYesNo);
    EXPECT_NE(score.error().message.find("4 listed tokens"), std::string::npos);
    EXPECT_NE(score.error().message.find("\"Maybe\" 0.61, \"I\" 0.22, \"The\" 0.1)"),
              std::string::npos)
        << score.error().message;
    EXPECT_EQ(scoreYesNo(FirstTokenLogprobs{}).error().kind, BackendErrorKind::NoYesNo);
}

TEST(YesNoScore, ZeroProbabilityOnBothAnswersIsAnError) {
    const auto score = scoreYesNo(top({{"The", 1.0}, {"Yes", 0.0}, {"No", 0.0}}));
    ASSERT_FALSE(score);
    EXPECT_EQ(score.error().kind, BackendErrorKind::NoYesNo);
}

TEST(YesNoScore, UsesTheChosenTokenWhenTheTopListLacksIt) {
    FirstTokenLogprobs logprobs;
    logprobs.chosen = TokenLogprob{"Yes", std::log(0.8)};
    const auto alone = scoreYesNo(logprobs); // a server that sent no top list
    ASSERT_TRUE(alone);
    EXPECT_TRUE(alone->approximate);
    EXPECT_NEAR(alone->score, 0.8 / 1.0, 1e-12);
    logprobs.top = {{"No", std::log(0.15)}};
    const auto both = scoreYesNo(logprobs);
    ASSERT_TRUE(both);
    EXPECT_FALSE(both->approximate);
    EXPECT_NEAR(both->score, 0.8 / 0.95, 1e-12);
}

TEST(YesNoScore, CountsAnEntryListedTwiceOnce) {
    const auto score = scoreYesNo(top({{"Yes", 0.6}, {"Yes", 0.6}, {"No", 0.3}}));
    ASSERT_TRUE(score);
    EXPECT_NEAR(score->pYes, 0.6, 1e-12);
    EXPECT_EQ(score->listedTokens, 2);
    EXPECT_NEAR(score->score, 0.6 / 0.9, 1e-12);
}
