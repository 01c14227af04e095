// The lint section of clue.yaml: levels, categories, options, ignore globs and bad settings.
#include "tests/lint/lint_helpers.h"

#include <gtest/gtest.h>

namespace clue::lint {
namespace {

using testing::configFrom;
using testing::lintSource;

const LintRule& rule(const char* codeOrName) {
    return *Catalogue::standard().find(codeOrName);
}

std::vector<ConfigIssue> issuesOf(const std::string& yaml) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::parse(yaml, "clue.yaml", issues);
    LintConfig::read(project, Catalogue::standard(), issues);
    return issues;
}

std::string formatted(const std::vector<ConfigIssue>& issues) {
    std::string out;
    for (const ConfigIssue& i : issues) {
        out += i.format() + "\n";
    }
    return out;
}

TEST(LintConfig, DefaultsWithoutASection) {
    LintConfig config = configFrom("backend:\n  model: m\n");
    EXPECT_EQ(config.levelOf(rule("L301")), RuleLevel::Error);
    EXPECT_EQ(config.levelOf(rule("L101")), RuleLevel::Warning);
    EXPECT_EQ(config.optionsOf(rule("overlong-rule-text")).integer("max-length"), 200);
}

TEST(LintConfig, RuleLevelsWinOverCategoryLevels) {
    LintConfig config = configFrom("lint:\n  rules:\n    style: off\n    L404: error\n"
                                   "    compound-predicate: off\n    logic: warning\n");
    EXPECT_EQ(config.levelOf(rule("missing-severity")), RuleLevel::Error);
    EXPECT_EQ(config.levelOf(rule("id-naming")), RuleLevel::Off);
    EXPECT_EQ(config.levelOf(rule("L103")), RuleLevel::Off);
    EXPECT_EQ(config.levelOf(rule("never-fires")), RuleLevel::Warning);
    EXPECT_EQ(config.levelOf(rule("subjective-term")), RuleLevel::Warning);
}

TEST(LintConfig, OptionsOfEveryType) {
    LintConfig config =
        configFrom("lint:\n  rules:\n"
                   "    overlong-statement: {max-length: 40}\n"
                   "    implied-rule: {ignore-more-severe: false, level: error}\n"
                   "    subjective-term: {extra-terms: edgy, allow-terms: [graphic]}\n"
                   "    id-naming: {rule-pattern: '^[a-z-]+$'}\n");
    EXPECT_EQ(config.optionsOf(rule("L402")).integer("max-length"), 40);
    EXPECT_FALSE(config.optionsOf(rule("L303")).boolean("ignore-more-severe"));
    EXPECT_EQ(config.levelOf(rule("L303")), RuleLevel::Error);
    EXPECT_EQ(config.optionsOf(rule("L101")).list("extra-terms"), std::vector<std::string>{"edgy"});
    EXPECT_EQ(config.optionsOf(rule("L101")).list("allow-terms"),
              std::vector<std::string>{"graphic"});
    EXPECT_EQ(config.optionsOf(rule("L403")).string("rule-pattern"), "^[a-z-]+$");
}

TEST(LintConfig, OptionsChangeWhatIsFound) {
    std::string source = "predicate p : \"an edgy, graphic pose is visible\"\n"
                         "rule bed-touching \"R.\" severity low when p\n";
    auto defaults = lintSource(source);
    EXPECT_EQ(defaults->of("L101").size(), 1u) << defaults->rendered();
    EXPECT_EQ(defaults->of("L403").size(), 1u);
    auto tuned = lintSource(source, configFrom("lint:\n  rules:\n"
                                               "    L101: {extra-terms: [edgy], allow-terms: "
                                               "[graphic*]}\n"
                                               "    L403: {rule-pattern: '^[a-z-]+$'}\n"));
    ASSERT_EQ(tuned->of("L101").size(), 1u) << tuned->rendered();
    EXPECT_NE(tuned->of("L101")[0]->diagnostic.message.find("'edgy'"), std::string::npos);
    EXPECT_TRUE(tuned->of("L403").empty());
}

TEST(LintConfig, LevelsChangeFindingLevelsAndOffSkipsTheRule) {
    std::string source = "predicate p : \"a gun or a knife is visible\" object \"gun\"\n"
                         "rule r \"R.\" when p\n";
    auto run = lintSource(source, configFrom("lint:\n  rules:\n    L103: error\n    L404: off\n"));
    ASSERT_EQ(run->of("L103").size(), 1u);
    EXPECT_EQ(run->of("L103")[0]->diagnostic.level, Level::Error);
    EXPECT_TRUE(run->of("L404").empty());
}

TEST(LintConfig, UnknownNamesAreWarningsWithASuggestion) {
    std::string report = formatted(issuesOf("lint:\n  rulez: {}\n  rules:\n"
                                            "    compund-predicate: error\n"
                                            "    overlong-statement: {max-lenght: 3}\n"));
    EXPECT_NE(report.find("clue.yaml:2:3: warning: unknown key 'rulez' in lint; did you mean "
                          "'rules'?"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("clue.yaml:4:5: warning: lint.rules.compund-predicate: no lint rule or "
                          "category is called 'compund-predicate'; did you mean "
                          "'compound-predicate'?"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("unknown key 'max-lenght' in lint.rules.overlong-statement; did you "
                          "mean 'max-length'?"),
              std::string::npos)
        << report;
    EXPECT_FALSE(hasErrors(issuesOf("lint:\n  rules:\n    compund-predicate: error\n")));
}

TEST(LintConfig, WrongValuesAreErrorsAtTheirLine) {
    std::vector<ConfigIssue> issues = issuesOf("lint:\n  rules:\n    L401: fatal\n"
                                               "    L402: {max-length: 5}\n"
                                               "    L403: {rule-pattern: '([a-z'}\n"
                                               "    L303: {ignore-more-severe: maybe}\n"
                                               "  ignore: {a: b}\n");
    std::string report = formatted(issues);
    EXPECT_TRUE(hasErrors(issues));
    EXPECT_NE(report.find("clue.yaml:3:5: error: lint.rules.L401: must be off, warning or error, "
                          "not 'fatal'"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("lint.rules.L402.max-length: must be between 10 and 100000, not 5"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("lint.rules.L403.rule-pattern: is not a valid regular expression"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("lint.rules.L303.ignore-more-severe: must be true or false"),
              std::string::npos)
        << report;
    EXPECT_NE(report.find("lint.ignore: must be a list of strings"), std::string::npos) << report;
}

TEST(LintConfig, IgnoreGlobsAreRelativeToTheSettingsFile) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::parse(
        "lint:\n  ignore: ['gen/**', '*_draft.clue']\n  rules:\n    L103: {ignore: ['old/*']}\n",
        "/project/clue.yaml", issues);
    LintConfig config = LintConfig::read(project, Catalogue::standard(), issues);
    EXPECT_TRUE(issues.empty()) << formatted(issues);
    EXPECT_TRUE(config.ignoresFile("/project/gen/a/b.clue"));
    EXPECT_TRUE(config.ignoresFile("/project/policies/x_draft.clue"));
    EXPECT_FALSE(config.ignoresFile("/project/policies/x.clue"));
    EXPECT_FALSE(config.ignoresFile("/elsewhere/gen/b.clue"));
    EXPECT_TRUE(config.ignoresFileFor(rule("L103"), "/project/old/a.clue"));
    EXPECT_FALSE(config.ignoresFileFor(rule("L103"), "/project/old/deeper/a.clue"));
    EXPECT_FALSE(config.ignoresFileFor(rule("L101"), "/project/old/a.clue"));
}

TEST(LintConfig, IgnoredFilesAreNotLinted) {
    lint::LintConfig config;
    config.setIgnore({"skip*.clue"});
    auto run = testing::lintFiles({{"skip_me.clue", "rule r \"R.\" when true and not true\n"},
                                   {"keep.clue", "rule r \"R.\" severity low when false\n"}},
                                  {"skip_me.clue", "keep.clue"}, config);
    EXPECT_EQ(run->result.skipped, std::vector<std::string>{"skip_me.clue"});
    EXPECT_EQ(run->result.linted, std::vector<std::string>{"keep.clue"});
    EXPECT_EQ(run->codes(), (std::vector<std::string>{"L301@1", "L501@1"}));
}

} // namespace
} // namespace clue::lint
