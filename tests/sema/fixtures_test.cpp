// The shipped constitutions load cleanly, and os-bench holds the paper's 14 rules, each with a
// precondition chain, a severity, and tests on both sides.
#include "compiler/sema/program_loader.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace clue {
namespace {

std::unique_ptr<Program> loadFixture(const std::string& relative, SourceManager& sources,
                                     DiagnosticEngine& diags) {
    LoadOptions options;
    options.stdlibDir = std::string(CLUE_SOURCE_DIR) + "/stdlib-rules";
    return loadProgram({std::string(CLUE_SOURCE_DIR) + "/" + relative}, sources, diags, options);
}

TEST(Fixtures, OsBenchHasTheFourteenRulesOfThePaper) {
    SourceManager sources;
    DiagnosticEngine diags;
    auto program = loadFixture("stdlib-rules/os-bench.clue", sources, diags);
    ASSERT_TRUE(program);
    EXPECT_TRUE(diags.empty());
    EXPECT_EQ(program->rules.size(), 14u);
    EXPECT_EQ(program->header->name, "os-bench");
    for (const auto& [id, rule] : program->rules) {
        EXPECT_TRUE(rule->when) << id;
        EXPECT_TRUE(rule->severity) << id;
        EXPECT_FALSE(rule->category.empty()) << id;
        bool fires = false, clears = false;
        for (const auto& [name, test] : program->tests) {
            for (const ast::Expectation& e : test->expectations) {
                fires |= e.kind == ast::ExpectKind::Violates && e.rule == id;
                clears |= e.kind == ast::ExpectKind::NotViolates && e.rule == id;
            }
        }
        EXPECT_TRUE(fires) << id << " has no test that it fires";
        EXPECT_TRUE(clears) << id << " has no test that it does not fire";
    }
    // `person` is shared by many rules.
    EXPECT_EQ(program->predicates.at("person")->statement.value(),
              "a person is visible via this image");
}

TEST(Fixtures, EveryShippedConstitutionLoads) {
    for (const char* folder : {"stdlib-rules", "examples"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(
                 std::string(CLUE_SOURCE_DIR) + "/" + folder)) {
            if (entry.path().extension() != ".clue") {
                continue;
            }
            SourceManager sources;
            DiagnosticEngine diags;
            std::string relative =
                std::filesystem::relative(entry.path(), CLUE_SOURCE_DIR).string();
            EXPECT_TRUE(loadFixture(relative, sources, diags)) << relative;
            EXPECT_EQ(diags.warningCount(), 0u) << relative;
        }
    }
}

} // namespace
} // namespace clue
