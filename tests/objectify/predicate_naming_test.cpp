// Names that `clue objectify --write` gives to extracted statements: content words, distinct
// from each other without numbers where the statements differ.
#include "compiler/objectify/predicate_naming.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

std::vector<std::string> namesFor(const std::vector<std::string>& statements,
                                  std::set<std::string> taken = {}) {
    std::vector<std::string> out;
    for (const std::string& s : statements) {
        out.push_back(predicateNameFor(s, taken));
    }
    return out;
}

TEST(PredicateNaming, UsesTheContentWords) {
    EXPECT_EQ(namesFor({"a person is wearing only underwear", "a person is wearing only a swimsuit",
                        "the visible injuries are bloody", "a gun is visible via this image"}),
              (std::vector<std::string>{"person_wearing_underwear", "person_wearing_swimsuit",
                                        "injuries_bloody", "gun"}));
}

TEST(PredicateNaming, KeepsNegations) {
    EXPECT_EQ(namesFor({"the person is not wearing clothes", "the person is wearing clothes"}),
              (std::vector<std::string>{"person_not_wearing_clothes", "person_wearing_clothes"}));
}

TEST(PredicateNaming, TakesMoreWordsBeforeANumber) {
    EXPECT_EQ(namesFor({"the legs are spread apart widely", "the legs are spread apart slightly",
                        "the legs are spread apart widely."}),
              (std::vector<std::string>{"legs_spread_apart", "legs_spread_apart_slightly",
                                        "legs_spread_apart_widely"}));
    EXPECT_EQ(namesFor({"blood is visible"}, {"blood"}), std::vector<std::string>{"blood_2"});
}

TEST(PredicateNaming, NeverAKeywordOrANumberFirst) {
    EXPECT_EQ(namesFor({"a test is visible", "90 degrees of rotation", "the image is visible"}),
              (std::vector<std::string>{"p_test", "p_90_degrees_rotation", "extracted"}));
}

} // namespace
} // namespace clue::objectify
