// Objectifying the paper's original rules (stdlib-rules/os-bench-original.clue) against a
// clue-sim world that carries the paper's ratings, objectified texts and chains reproduces the
// objectified constitution, stdlib-rules/os-bench.clue: rule by rule, the written `when`
// formula asks the same statements in the same logical shape.
#include "common/statement.h"
#include "compiler/sema/program_loader.h"
#include "tests/objectify/cli_fixture.h"

#include <gmock/gmock.h>

namespace clue::objectify::testing {
namespace {

// The formula with every predicate replaced by its normalized statement.
std::string statementsOf(const ast::Formula& formula, const Program& program) {
    std::unique_ptr<ast::Formula> copy = formula.clone();
    if (copy->kind == ast::FormulaKind::Ref) {
        return "\"" + normalizeStatement(program.predicates.at(copy->name)->statement.value()) +
               "\"";
    }
    if (copy->kind == ast::FormulaKind::Inline) {
        return "\"" + normalizeStatement(copy->text) + "\"";
    }
    const char* op = copy->kind == ast::FormulaKind::And ? " and " : " or ";
    std::string out = copy->kind == ast::FormulaKind::Not ? "not (" : "(";
    for (size_t i = 0; i < copy->children.size(); ++i) {
        out += (i ? op : "") + statementsOf(*copy->children[i], program);
    }
    return out + ")";
}

std::map<std::string, std::string> ruleFormulas(const std::string& path) {
    SourceManager sources;
    DiagnosticEngine diags;
    LoadOptions options;
    options.stdlibDir = CLUE_STDLIB_RULES;
    std::unique_ptr<Program> program = loadProgram({path}, sources, diags, options);
    EXPECT_TRUE(program) << path;
    std::map<std::string, std::string> formulas;
    for (const auto& [id, rule] : program ? program->rules : decltype(program->rules){}) {
        formulas[id] = rule->when ? statementsOf(*rule->when, *program) : "(no when)";
    }
    return formulas;
}

TEST_F(ObjectifyCli, TheOriginalOsBenchRulesObjectifyIntoOsBench) {
    startSim(sourceFile("tests/objectify/worlds/os_bench_original.yaml"));
    write("os-bench-original.clue", sourceFile("stdlib-rules/os-bench-original.clue"));
    auto run = objectify({"--write", "--accept-rewrite", "os-bench-original.clue"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_THAT(run.err, ::testing::HasSubstr("objectify: 14 objectified, 0 skipped, 0 failed"));
    // Rules rated under 9 (the paper's 6, 7 and 8) were rewritten once, to a text rated 9.
    EXPECT_THAT(run.out, ::testing::ContainsRegex("legs_spread_apart +6 +9 +1 +4 +objectified"));
    EXPECT_THAT(run.out, ::testing::ContainsRegex("genitalia_visible +10 +10 +0 +2 +objectified"));
    EXPECT_EQ(asked("rewrite"), 7);

    std::map<std::string, std::string> written =
        ruleFormulas(path("os-bench-original.clue").string());
    std::map<std::string, std::string> expected =
        ruleFormulas(std::string(CLUE_SOURCE_DIR) + "/stdlib-rules/os-bench.clue");
    EXPECT_EQ(written, expected);
    EXPECT_EQ(written.size(), 14u);
}

} // namespace
} // namespace clue::objectify::testing
