// --write: chains go into the source as `when` formulas with the program's predicate names,
// new predicates carry their objects, every comment stays, and the result is fmt's layout.
#include "common/sha256.h"
#include "compiler/fmt/formatter.h"
#include "compiler/frontend/parser.h"
#include "compiler/objectify/source_writer.h"
#include "compiler/sema/program_loader.h"
#include "tests/runtime/temp_dir.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

const char* kSource = R"(# Header comment.
constitution "t" version "1"

import "std/common.clue" # person, animal

predicate blood : "blood is visible" # declared by the author
    object "blood"

# The violence rules.
category violence "Violence" {
    # Before the rule.
    rule gore
        "Should not depict gore." # trailing
        severity high
    # After the rule.

    rule fire "Should not depict fire." when "a fire is visible"
}
)";

LockEntry entryFor(const std::string& id, const std::string& text, const std::string& when) {
    LockEntry e;
    e.ruleId = id;
    e.text = text;
    e.textSha256 = sha256Hex(text);
    e.model = "m";
    e.promptVersion = "objectify/1";
    e.rating = 5;
    e.when = when;
    return e;
}

struct Fixture {
    test::TempDir dir;
    std::string path;
    std::string text;
    SourceManager sources;
    DiagnosticEngine diags;
    std::unique_ptr<Program> program;

    explicit Fixture(const std::string& source) : text(source) {
        path = dir.write("policy.clue", source).string();
        program = loadProgram({path}, sources, diags);
    }
    const ast::RuleDecl* rule(const std::string& id) const { return program->rules.at(id); }
    std::optional<SourceWrite> write(const std::vector<ChainWrite>& writes, bool accept,
                                     std::string& error) const {
        return writeChains(*program, *program->units.front(), text, writes, accept, error);
    }
};

// Formatting the result again changes nothing.
void expectFormatted(const std::string& text) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<ast::Module> module =
        parseModule(sources, sources.addFile("again.clue", text), diags);
    ASSERT_TRUE(module);
    EXPECT_EQ(formatModule(*module, sources), text);
}

TEST(SourceWriter, InsertsTheChainWithNamesAndNewPredicates) {
    Fixture f(kSource);
    ASSERT_TRUE(f.program);
    LockEntry e = entryFor("gore", "Should not depict gore.",
                           R"(("a person is visible via this image" or "An animal is visible )"
                           R"(via this image.") and "blood is visible" and "a body is charred" )"
                           R"(and "the wound is open")");
    e.objects = {{"the wound is open", "wound"}};
    std::string error;
    std::optional<SourceWrite> out = f.write({{f.rule("gore"), &e}}, false, error);
    ASSERT_TRUE(out) << error;
    const std::string& t = out->text;
    EXPECT_NE(t.find("when (person or animal) and blood and \"a body is charred\" and wound_open"),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("predicate wound_open : \"the wound is open\"\n    object \"wound\""),
              std::string::npos)
        << t;
    EXPECT_EQ(out->declared, std::vector<std::string>{"wound_open"});
    for (const char* comment :
         {"# Header comment.", "# person, animal", "# declared by the author",
          "# The violence rules.", "# Before the rule.", "# trailing", "# After the rule."}) {
        EXPECT_NE(t.find(comment), std::string::npos) << comment << "\n" << t;
    }
    // The new predicate follows the author's, and the `when` follows the rule's last clause.
    EXPECT_LT(t.find("object \"blood\""), t.find("predicate wound_open"));
    EXPECT_LT(t.find("severity high"), t.find("when (person"));
    EXPECT_LT(t.find("when (person"), t.find("# After the rule."));
    expectFormatted(t);
}

TEST(SourceWriter, AcceptsTheRewriteAndReplacesAForcedWhen) {
    Fixture f(kSource);
    ASSERT_TRUE(f.program);
    LockEntry gore = entryFor("gore", "Should not depict gore.", R"("blood is visible")");
    std::string longText = "Should not depict any people or animals whose bodies show open "
                           "wounds with visible blood covering at least 10 percent of the body.";
    gore.rewrites = {{longText, 9, "Objective."}};
    gore.finalRound = 1;
    LockEntry fire = entryFor("fire", "Should not depict fire.", R"("flames are visible")");
    std::string error;
    std::optional<SourceWrite> out =
        f.write({{f.rule("gore"), &gore}, {f.rule("fire"), &fire}}, true, error);
    ASSERT_TRUE(out) << error;
    EXPECT_EQ(out->text.find("Should not depict gore."), std::string::npos);
    EXPECT_NE(out->text.find("\"Should not depict any people"), std::string::npos) << out->text;
    EXPECT_NE(out->text.find("when \"flames are visible\""), std::string::npos);
    EXPECT_EQ(out->text.find("a fire is visible"), std::string::npos);
    // The text reads back whole, in pieces that fit the line.
    SourceManager sources;
    DiagnosticEngine diags;
    auto module = parseModule(sources, sources.addFile("x.clue", out->text), diags);
    ASSERT_TRUE(module);
    for (const ast::RuleDecl* rule : module->rules()) {
        if (rule->id == "gore") {
            EXPECT_EQ(rule->text.value(), longText);
            EXPECT_GT(rule->text.pieces.size(), 1u);
        }
    }
    expectFormatted(out->text);
}

TEST(SourceWriter, DeclaresAfterTheHeaderWhenThereIsNoPredicateOrImport) {
    Fixture f("constitution \"t\"\n\nrule r \"Should not show knives.\"\n");
    ASSERT_TRUE(f.program);
    LockEntry e = entryFor("r", "Should not show knives.", R"("a knife is visible")");
    e.objects = {{"a knife is visible", "knife"}};
    std::string error;
    std::optional<SourceWrite> out = f.write({{f.rule("r"), &e}}, false, error);
    ASSERT_TRUE(out) << error;
    EXPECT_EQ(out->text, "constitution \"t\"\n\npredicate knife : \"a knife is visible\"\n"
                         "    object \"knife\"\n\nrule r\n    \"Should not show knives.\"\n"
                         "    when knife\n");
}

TEST(SourceWriter, RefusesWhenTheFileChangedMeanwhile) {
    Fixture f(kSource);
    ASSERT_TRUE(f.program);
    f.dir.write("policy.clue", std::string(kSource) + "\n# edited\n");
    LockEntry e = entryFor("gore", "Should not depict gore.", R"("blood is visible")");
    std::string error;
    EXPECT_FALSE(f.write({{f.rule("gore"), &e}}, false, error));
    EXPECT_NE(error.find("changed while objectify ran"), std::string::npos) << error;
}

} // namespace
} // namespace clue::objectify
