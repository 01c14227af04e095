// Words and lexicon matching.
#include "compiler/text/lexicon.h"
#include "compiler/text/words.h"

#include <gtest/gtest.h>

namespace clue::text {
namespace {

std::vector<std::string> texts(const std::vector<Word>& words) {
    std::vector<std::string> out;
    for (const Word& w : words) {
        out.push_back(w.text);
    }
    return out;
}

std::vector<std::string> found(const Lexicon& lexicon, const std::string& text) {
    std::vector<Word> words = splitUnquotedWords(text);
    std::vector<std::string> out;
    for (const Lexicon::Match& m : lexicon.find(words)) {
        out.push_back(text.substr(words[m.first].begin, words[m.last].end - words[m.first].begin));
    }
    return out;
}

TEST(Words, SplitsOnPunctuationAndKeepsJoinedWords) {
    EXPECT_EQ(
        texts(splitWords("A black-and-white photo, the person's SAND.")),
        (std::vector<std::string>{"a", "black-and-white", "photo", "the", "person's", "sand"}));
    EXPECT_EQ(texts(splitWords("-a- 'b' and/or")),
              (std::vector<std::string>{"a", "b", "and", "or"}));
}

TEST(Words, KeepsOffsetsIntoTheText) {
    std::vector<Word> words = splitWords("  Gun, knife");
    ASSERT_EQ(words.size(), 2u);
    EXPECT_EQ(words[1].begin, 7u);
    EXPECT_EQ(words[1].end, 12u);
}

TEST(Words, QuotedTextIsLeftOut) {
    EXPECT_EQ(texts(splitUnquotedWords("a sign saying \"no entry\" is visible")),
              (std::vector<std::string>{"a", "sign", "saying", "is", "visible"}));
    EXPECT_EQ(texts(splitUnquotedWords("a \xE2\x80\x9Coffensive\xE2\x80\x9D sign")),
              (std::vector<std::string>{"a", "sign"}));
    // An unpaired quote quotes nothing.
    EXPECT_EQ(texts(splitUnquotedWords("a \"lone quote")),
              (std::vector<std::string>{"a", "lone", "quote"}));
}

TEST(Words, NumberWords) {
    EXPECT_TRUE(isNumberWord("90"));
    EXPECT_TRUE(isNumberWord("two"));
    EXPECT_FALSE(isNumberWord("twos"));
    EXPECT_FALSE(isNumberWord(""));
}

TEST(Lexicon, MatchesWholeWordsPrefixesAndPhrases) {
    Lexicon lexicon = Lexicon::parse("# a comment\n"
                                     "suggestiv* | name the pose\n"
                                     "a lot of\n"
                                     "and\n");
    EXPECT_EQ(found(lexicon, "a Suggestively posed person"),
              (std::vector<std::string>{"Suggestively"}));
    EXPECT_EQ(found(lexicon, "a suggestion box and a lot of sand"),
              (std::vector<std::string>{"and", "a lot of"}));
    EXPECT_TRUE(found(lexicon, "sand doors band").empty());
}

TEST(Lexicon, KeepsHints) {
    Lexicon lexicon = Lexicon::parse("graphic | name what is visible\n");
    std::vector<Word> words = splitWords("graphic");
    ASSERT_EQ(lexicon.find(words).size(), 1u);
    EXPECT_EQ(lexicon.find(words)[0].entry->hint, "name what is visible");
}

TEST(Lexicon, ExceptionsSilenceMatchesInsideThem) {
    Lexicon lexicon = Lexicon::parse("and\nor\n!black and white\n!<n> or more\n");
    EXPECT_TRUE(found(lexicon, "a black and white photo").empty());
    EXPECT_TRUE(found(lexicon, "two or more people").empty());
    EXPECT_TRUE(found(lexicon, "12 or more people").empty());
    EXPECT_EQ(found(lexicon, "a black and red flag"), (std::vector<std::string>{"and"}));
    EXPECT_EQ(found(lexicon, "some or more"), (std::vector<std::string>{"or"}));
}

TEST(Lexicon, AnchoredTermsMatchOnlyAtTheStart) {
    Lexicon lexicon = Lexicon::parse("^no\n");
    EXPECT_EQ(found(lexicon, "No person is visible"), (std::vector<std::string>{"No"}));
    EXPECT_TRUE(found(lexicon, "a person with no hat").empty());
}

TEST(Lexicon, PrefersTheLongestMatchAndDoesNotOverlap) {
    Lexicon lexicon = Lexicon::parse("lot\na lot of\n");
    EXPECT_EQ(found(lexicon, "a lot of blood, a lot"),
              (std::vector<std::string>{"a lot of", "lot"}));
}

TEST(Lexicon, AddAndRemoveTerms) {
    Lexicon lexicon = Lexicon::parse("graphic\nedgy\n");
    lexicon.add("risky | say what is risky");
    lexicon.remove("GRAPHIC");
    EXPECT_EQ(found(lexicon, "a graphic, edgy, risky pose"),
              (std::vector<std::string>{"edgy", "risky"}));
}

} // namespace
} // namespace clue::text
