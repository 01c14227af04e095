// `clue lint --fix`'s machinery: edits applied in one go without overlaps, and rounds of safe
// fixes on files in memory, where unsafe and suppressed findings stay as they are.
#include "compiler/lint/fixer.h"

#include <gtest/gtest.h>

namespace clue::lint {
namespace {

Edit edit(uint32_t begin, uint32_t end, std::string text) {
    return {SourceSpan{0, begin, end}, std::move(text)};
}

TEST(ApplyEdits, AppliesInSourceOrderAndSkipsOverlaps) {
    size_t applied = 0;
    EXPECT_EQ(applyEdits("abcdef", {edit(4, 5, "E"), edit(0, 1, "A")}, applied), "AbcdEf");
    EXPECT_EQ(applied, 2u);
    // [1,4) and [2,3) overlap: the first in source order wins.
    EXPECT_EQ(applyEdits("abcdef", {edit(2, 3, "x"), edit(1, 4, "")}, applied), "aef");
    EXPECT_EQ(applied, 1u);
    // Two insertions at one place would apply in no clear order: the second is skipped.
    EXPECT_EQ(applyEdits("ab", {edit(1, 1, "1"), edit(1, 1, "2")}, applied), "a1b");
    EXPECT_EQ(applied, 1u);
    // An edit past the end of the text is dropped.
    EXPECT_EQ(applyEdits("ab", {edit(1, 9, "")}, applied), "ab");
    EXPECT_EQ(applied, 0u);
}

TEST(FixSafely, AppliesSafeFixesInRoundsAndLeavesTheRest) {
    MemoryReader files;
    files.add("lib.clue", "predicate person : \"a person is visible\"\n    object \"person\"\n");
    files.add("policy.clue",
              "import \"lib.clue\"\n"
              "predicate aimed : \"the gun is pointed at a person\"\n"
              "# clue:ignore L206 kept inline on purpose\n"
              "rule a \"A.\" severity low when \"a person is visible\" and aimed\n"
              "rule b \"B.\" severity low when \"a person is visible\" and not aimed\n");
    LintConfig config;
    for (const auto& rule : Catalogue::standard().rules()) {
        if (rule->meta().category == Category::Testing) {
            config.setRule(*rule, {RuleLevel::Off, {}, {}});
        }
    }
    FixOutcome outcome =
        fixSafely({{"policy.clue"}, &files, "lib/std"}, config, Catalogue::standard());
    ASSERT_EQ(outcome.files.size(), 1u);
    const FixedFile& fixed = outcome.files[0];
    EXPECT_EQ(fixed.path, "policy.clue");
    EXPECT_EQ(fixed.fixes, 1u);
    // Rule a's inline statement is suppressed and stays; rule b's becomes the name.
    EXPECT_NE(fixed.fixed.find("when \"a person is visible\" and aimed"), std::string::npos);
    EXPECT_NE(fixed.fixed.find("rule b \"B.\" severity low when person and not aimed\n"),
              std::string::npos);
    // L204 (aimed names no object) has an unsafe fix: reported, not applied.
    std::vector<std::string> remaining;
    for (const Finding& f : outcome.result.findings) {
        if (!f.suppressed()) {
            remaining.push_back(f.diagnostic.code);
        }
    }
    EXPECT_EQ(remaining, std::vector<std::string>{"L204"});
    EXPECT_EQ(outcome.fixes(), 1u);
}

} // namespace
} // namespace clue::lint
