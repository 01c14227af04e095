// The built-in prompts: they parse, use only the placeholders the loop fills, carry the markers
// that name each task, and their own few-shot answers pass the answer checks.
#include "compiler/objectify/answer_parser.h"
#include "compiler/objectify/prompt_set.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

std::string allText(const std::vector<PromptMessage>& messages) {
    std::string out;
    for (const PromptMessage& m : messages) {
        out += m.text + "\n";
    }
    return out;
}

TEST(PromptSet, HasAVersionAndTheDocumentedPlaceholders) {
    const PromptSet& p = PromptSet::current();
    EXPECT_EQ(p.version, "objectify/1");
    using Names = std::vector<std::string>;
    EXPECT_EQ(p.rate.placeholders(), (Names{"rule"}));
    EXPECT_EQ(p.rewrite.placeholders(), (Names{"explanation", "rating", "rule", "threshold"}));
    EXPECT_EQ(p.extract.placeholders(), (Names{"max_statement_length", "rule"}));
    EXPECT_EQ(p.retry.placeholders(), (Names{"problem", "rule"}));
}

TEST(PromptSet, TheLastUserMessageHoldsTheRuleInTags) {
    const PromptSet& p = PromptSet::current();
    for (const PromptTemplate* t : {&p.rate, &p.rewrite, &p.extract, &p.retry}) {
        const PromptMessage& last = t->messages().back();
        EXPECT_EQ(last.role, "user");
        EXPECT_NE(last.text.find("<rule>{{rule}}</rule>"), std::string::npos) << last.text;
    }
}

// Each task is recognisable by its phrase, and no prompt carries the phrase of an earlier task
// in the order "Rewrite the rule", "precondition", "objectiveness".
TEST(PromptSet, EachTaskCarriesItsOwnPhrase) {
    const PromptSet& p = PromptSet::current();
    std::string rate = allText(p.rate.messages());
    std::string rewrite = allText(p.rewrite.messages());
    std::string extract = allText(p.extract.messages());
    EXPECT_NE(rate.find("objectiveness"), std::string::npos);
    EXPECT_EQ(rate.find("precondition"), std::string::npos);
    EXPECT_EQ(rate.find("Rewrite the rule"), std::string::npos);
    EXPECT_NE(rewrite.find("Rewrite the rule"), std::string::npos);
    EXPECT_NE(extract.find("precondition"), std::string::npos);
    EXPECT_EQ(extract.find("Rewrite the rule"), std::string::npos);
    std::string retry = allText(p.retry.messages());
    EXPECT_EQ(retry.find("precondition"), std::string::npos);
    EXPECT_EQ(retry.find("Rewrite the rule"), std::string::npos);
}

TEST(PromptSet, RenderingFillsEveryPlaceholder) {
    std::vector<PromptMessage> m =
        PromptSet::current().rewrite.render({{"rule", "Should not depict gore."},
                                             {"rating", "5"},
                                             {"explanation", "'Gore' is vague {{rule}}."},
                                             {"threshold", "9"}});
    std::string text = allText(m);
    EXPECT_NE(text.find("<rule>Should not depict gore.</rule>"), std::string::npos);
    EXPECT_NE(text.find("rated the objectiveness of the image-safety rule below 5 out of 10"),
              std::string::npos);
    // A value is inserted as it is, never scanned for placeholders again.
    EXPECT_NE(text.find("'Gore' is vague {{rule}}."), std::string::npos);
}

TEST(PromptSet, FewShotAnswersPassTheChecks) {
    const PromptSet& p = PromptSet::current();
    int examples = 0;
    for (const PromptMessage& m : p.extract.messages()) {
        if (m.role == "assistant") {
            Checked<Chain> chain = parseChain(m.text, {});
            EXPECT_TRUE(chain.value) << chain.problem << "\n" << m.text;
            ++examples;
        }
    }
    EXPECT_GE(examples, 2);
    EXPECT_EQ(p.extractSchema["required"], nlohmann::json::array({"chain"}));
}

TEST(PromptTemplate, RejectsBrokenTemplates) {
    EXPECT_THROW(PromptTemplate::parse("# only a comment\n"), std::invalid_argument);
    EXPECT_THROW(PromptTemplate::parse("=== robot ===\nhi\n"), std::invalid_argument);
    EXPECT_THROW(PromptTemplate::parse("=== user ===\n\n=== assistant ===\nhi\n"),
                 std::invalid_argument);
    PromptTemplate t = PromptTemplate::parse("# c\n=== user ===\n\n  a {{x}} b\n\n");
    ASSERT_EQ(t.messages().size(), 1u);
    EXPECT_EQ(t.messages()[0].text, "  a {{x}} b");
    EXPECT_THROW(t.render({}), std::out_of_range);
}

} // namespace
} // namespace clue::objectify
