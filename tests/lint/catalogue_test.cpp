// The catalogue: at least 20 rules, stable unique codes and kebab-case names, codes that match
// their category, and for every rule a documentation page with the sections it promises, an
// entry in docs/lint/README.md and in docs/diagnostics.md; each page's bad example triggers its
// rule and its good example does not.
#include "common/file_io.h"
#include "compiler/lint/catalogue.h"
#include "compiler/lint/name_pattern.h"
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace clue::lint {
namespace {

std::string readDoc(const std::string& relative) {
    std::string error;
    return readFile(std::string(CLUE_SOURCE_DIR) + "/" + relative, error).value_or("");
}

// id-naming's patterns run on names from the files: std::regex recursed once per character and
// crashed on a long name; RE2 matches in linear time, whatever the name or the pattern.
TEST(NamePattern, LongNamesMatchWithoutRecursion) {
    const std::string name(1'000'000, 'n');
    EXPECT_TRUE(RE2::PartialMatch(name, RE2("^[a-z][a-z0-9_]*$", namePatternOptions())));
    EXPECT_TRUE(RE2::PartialMatch(name, RE2("^(n|nn)*$", namePatternOptions())));
    EXPECT_EQ(namePatternError("([a-z"), "missing ]: [a-z");
    EXPECT_EQ(namePatternError("^[a-z]+$"), std::nullopt);
}

TEST(Catalogue, CodesAndNamesAreUniqueAndWellFormed) {
    const auto& rules = Catalogue::standard().rules();
    EXPECT_GE(rules.size(), 20u);
    std::set<std::string> codes, names;
    std::map<Category, char> digit = {{Category::Suppression, '0'}, {Category::Subjectivity, '1'},
                                      {Category::Structure, '2'},   {Category::Logic, '3'},
                                      {Category::Style, '4'},       {Category::Testing, '5'}};
    std::string previous;
    for (const auto& rule : rules) {
        const RuleMeta& m = rule->meta();
        EXPECT_TRUE(codes.insert(m.code).second) << m.code;
        EXPECT_TRUE(names.insert(m.name).second) << m.name;
        EXPECT_TRUE(RE2::FullMatch(m.code, "L[0-9]{3}")) << m.code;
        EXPECT_TRUE(RE2::FullMatch(m.name, "[a-z]+(-[a-z]+)*")) << m.name;
        EXPECT_EQ(m.code[1], digit.at(m.category)) << m.code << " is not in its category's range";
        EXPECT_NE(m.defaultLevel, RuleLevel::Off) << m.name;
        EXPECT_FALSE(m.summary.empty()) << m.name;
        EXPECT_LT(previous, m.code) << "the catalogue is ordered by code";
        previous = m.code;
        EXPECT_EQ(Catalogue::standard().find(m.code), rule.get());
        EXPECT_EQ(Catalogue::standard().find(m.name), rule.get());
    }
    EXPECT_EQ(Catalogue::standard().find("no-such-rule"), nullptr);
}

TEST(Catalogue, EveryRuleIsDocumented) {
    std::string index = readDoc("docs/lint/README.md");
    std::string diagnostics = readDoc("docs/diagnostics.md");
    ASSERT_FALSE(index.empty());
    for (const auto& rule : Catalogue::standard().rules()) {
        const RuleMeta& m = rule->meta();
        std::string page = readDoc("docs/lint/" + m.name + ".md");
        ASSERT_FALSE(page.empty()) << "docs/lint/" << m.name << ".md is missing";
        EXPECT_NE(page.find("# " + m.code + " " + m.name), std::string::npos) << m.name;
        for (const char* section : {"## Bad", "## Good", "## Fix", "## Options"}) {
            EXPECT_NE(page.find(section), std::string::npos) << m.name << " lacks " << section;
        }
        for (const OptionSpec& o : m.options) {
            EXPECT_NE(page.find("`" + o.name + "`"), std::string::npos)
                << m.name << " does not document option " << o.name;
        }
        EXPECT_NE(index.find("[" + m.name + "](" + m.name + ".md)"), std::string::npos)
            << m.name << " is not in docs/lint/README.md";
        EXPECT_NE(diagnostics.find(m.code), std::string::npos)
            << m.code << " is not in docs/diagnostics.md";
    }
}

// The first fenced block after `heading` in a page.
std::string exampleAfter(const std::string& page, const std::string& heading) {
    size_t at = page.find(heading);
    size_t open = at == std::string::npos ? at : page.find("```\n", at);
    size_t close = open == std::string::npos ? open : page.find("```", open + 4);
    return close == std::string::npos ? "" : page.substr(open + 4, close - open - 4);
}

// Lints an example as main.clue, with the shipped std/common.clue importable.
std::unique_ptr<testing::LintRun> lintExample(const std::string& source, const LintConfig& config) {
    return testing::lintFiles(
        {{"main.clue", source}, {"lib/std/common.clue", readDoc("stdlib-rules/common.clue")}},
        {"main.clue"}, config);
}

TEST(Catalogue, EveryPageExampleDoesWhatItSays) {
    // Testing rules are read with every rule on; the others without the testing rules, so that
    // the examples need no tests.
    LintConfig withoutTests = testing::configFrom("lint:\n  rules:\n    testing: off\n");
    for (const auto& rule : Catalogue::standard().rules()) {
        const RuleMeta& m = rule->meta();
        std::string page = readDoc("docs/lint/" + m.name + ".md");
        LintConfig config = m.category == Category::Testing ? LintConfig{} : withoutTests;
        auto bad = lintExample(exampleAfter(page, "## Bad"), config);
        auto good = lintExample(exampleAfter(page, "## Good"), config);
        EXPECT_TRUE(bad->result.failed.empty() && good->result.failed.empty())
            << m.name << ": an example does not load\n"
            << bad->rendered() << good->rendered();
        EXPECT_FALSE(bad->of(m.code).empty()) << m.name << ": the bad example finds nothing\n"
                                              << bad->rendered();
        EXPECT_TRUE(good->of(m.code).empty()) << m.name << ": the good example is reported\n"
                                              << good->rendered();
    }
}

} // namespace
} // namespace clue::lint
