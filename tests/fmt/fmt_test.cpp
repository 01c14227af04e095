// Tests of fmt: targeted layouts, comment placement, idempotence, and a round trip over every
// shipped constitution and every test input that parses (the AST is unchanged, the comments
// are the same in the same order, and a second fmt changes nothing).
#include "common/file_io.h"
#include "compiler/fmt/formatter.h"
#include "compiler/frontend/parser.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace clue {
namespace {

struct Formatted {
    std::string text;
    std::string problem; // why the round trip failed, if it did
};

std::vector<std::string> commentTexts(const ast::Module& module) {
    std::vector<std::string> texts;
    for (const ast::Comment& c : module.comments) {
        texts.push_back(c.text.substr(0, c.text.find_last_not_of(" \t\f") + 1));
    }
    return texts;
}

// Formats `source` and checks the result against the original; `source` must parse.
Formatted formatAndVerify(const std::string& source) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<ast::Module> module =
        parseModule(sources, sources.addFile("in.clue", source), diags);
    if (!module) {
        return {"", "the input does not parse"};
    }
    CheckedFormat checked = formatModuleChecked(*module, sources);
    if (!checked.problem.empty()) {
        return {checked.text, "the formatter's own check failed: " + checked.problem};
    }
    const std::string& once = checked.text;
    std::optional<ast::Module> reparsed =
        parseModule(sources, sources.addFile("once.clue", once), diags);
    if (commentTexts(*module) != commentTexts(*reparsed)) {
        return {once, "the comments changed"};
    }
    std::string twice = formatModule(*reparsed, sources);
    return {once, twice == once ? "" : "a second fmt changed it:\n" + twice};
}

std::string fmt(const std::string& source) {
    Formatted f = formatAndVerify(source);
    EXPECT_EQ(f.problem, "") << f.text;
    return f.text;
}

// The safety check catches a formatting that would not mean the same: here a name the printer
// writes as two words, which no longer parses.
TEST(Fmt, TheSafetyCheckRefusesATextThatMeansSomethingElse) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<ast::Module> module = parseModule(
        sources, sources.addFile("in.clue", "predicate p : \"a person is visible\"\n"), diags);
    ASSERT_TRUE(module);
    EXPECT_EQ(formatModuleChecked(*module, sources).problem, "");
    std::get<ast::PredicateDecl>(module->items.front()).name = "two words";
    CheckedFormat broken = formatModuleChecked(*module, sources);
    EXPECT_EQ(broken.problem, "it does not parse");
    EXPECT_NE(broken.text.find("two words"), std::string::npos);
}

TEST(Fmt, WritesTheCanonicalLayout) {
    EXPECT_EQ(fmt("constitution \"c\" description \"d\" version \"1\"\n"
                  "predicate p:\"x\" object \"o\" cost 2\n"
                  "rule r \"a \" \"b\" when p severity low tags x,y\n"
                  "test \"t\" { given p , not \"s\" expect violates r }\n"),
              "constitution \"c\"\n"
              "    description \"d\"\n"
              "    version \"1\"\n"
              "\n"
              "predicate p : \"x\"\n"
              "    object \"o\"\n"
              "    cost 2\n"
              "\n"
              "rule r\n"
              "    \"a \"\n"
              "    \"b\"\n"
              "    when p\n"
              "    severity low\n"
              "    tags x, y\n"
              "\n"
              "test \"t\" {\n"
              "    given p, not \"s\"\n"
              "    expect violates r\n"
              "}\n");
}

TEST(Fmt, KeepsBlankLinesInsideGroupsOnlyWhereTheAuthorHadThem) {
    EXPECT_EQ(fmt("import \"a.clue\"\nimport \"b.clue\"\n\n\n\nimport \"c.clue\"\n"
                  "predicate p : \"x\"\npredicate q : \"y\"\n"
                  "rule r \"t\"\nrule s \"t\"\n"),
              "import \"a.clue\"\nimport \"b.clue\"\n\nimport \"c.clue\"\n\n"
              "predicate p : \"x\"\npredicate q : \"y\"\n\n"
              "rule r\n    \"t\"\n\nrule s\n    \"t\"\n");
}

TEST(Fmt, IndentsCategoriesAsBlocks) {
    EXPECT_EQ(fmt("category c \"T\" { rule a \"t\" when x rule b \"u\" }\ncategory e {}\n"),
              "category c \"T\" {\n"
              "    rule a\n        \"t\"\n        when x\n\n"
              "    rule b\n        \"u\"\n"
              "}\n\n"
              "category e {\n}\n");
}

TEST(Fmt, KeepsCommentsInPlace) {
    EXPECT_EQ(fmt("# file\n\npredicate p : \"x\" # trailing\n"
                  "  # before the option\n  object \"o\"\n"
                  "category c { # open\n"
                  "    # before r\n"
                  "    rule r \"t\" when a and # inside\n      b\n"
                  "    # last in c\n"
                  "} # closed\n# end\n"),
              "# file\n\n"
              "predicate p : \"x\" # trailing\n"
              "    # before the option\n    object \"o\"\n\n"
              "category c { # open\n"
              "    # before r\n"
              "    rule r\n        \"t\"\n        when a and b # inside\n"
              "    # last in c\n"
              "} # closed\n# end\n");
}

TEST(Fmt, MovesASecondTrailingCommentOfOneLineBeforeTheNextLine) {
    EXPECT_EQ(fmt("rule r \"t\" when a # one\n and b # two\n"),
              "rule r\n    \"t\"\n    when a and b # one\n# two\n");
}

TEST(Fmt, BreaksLongFormulasAtTopLevelOperators) {
    std::string a(30, 'a'), b(30, 'b'), c(30, 'c');
    EXPECT_EQ(fmt("rule r \"t\" when " + a + " and (" + b + " or " + c + ") and not d\n"),
              "rule r\n    \"t\"\n    when " + a + "\n        and (" + b + " or " + c +
                  ")\n        and not d\n");
    // Short formulas stay on one line, whatever the source did.
    EXPECT_EQ(fmt("rule r \"t\"\n  unless a\n    or b\n"),
              "rule r\n    \"t\"\n    unless a or b\n");
}

TEST(Fmt, WrapsLongGivenListsAfterACommaAndKeepsShortOnesOnOneLine) {
    std::string a(40, 'a'), b(40, 'b'), c(40, 'c'), d(40, 'd');
    EXPECT_EQ(fmt("test \"t\" { given " + a + ", not " + b + ", " + c + ", " + d +
                  " # end\n expect safe }\n"),
              "test \"t\" {\n    given " + a + ", not " + b + ",\n        " + c + ", " + d +
                  " # end\n    expect safe\n}\n");
    EXPECT_EQ(fmt("test \"t\" { given " + a + ",\n # why c\n " + c + " expect safe }\n"),
              "test \"t\" {\n    given " + a + ", " + c + "\n    # why c\n    expect safe\n}\n");
}

TEST(Fmt, KeepsTheAuthorsParentheses) {
    EXPECT_EQ(fmt("rule r \"t\" when ((a and b)) or not (c) or true\n"),
              "rule r\n    \"t\"\n    when (a and b) or not (c) or true\n");
}

TEST(Fmt, NormalizesEscapesAndKeepsNumbersAsWritten) {
    EXPECT_EQ(fmt("predicate p : \"a\tb \\\" \\\\\" prior 0.50\n"),
              "predicate p : \"a\\tb \\\" \\\\\"\n    prior 0.50\n");
}

TEST(Fmt, HandlesCrLfAndByteOrderMarks) {
    EXPECT_EQ(fmt("\xEF\xBB\xBF# c\r\npredicate p : \"x\"\r\n\r\npredicate q : \"y\"\r\n"),
              "# c\npredicate p : \"x\"\n\npredicate q : \"y\"\n");
}

TEST(Fmt, FormatsEmptyAndCommentOnlyFiles) {
    EXPECT_EQ(fmt(""), "");
    EXPECT_EQ(fmt("  # only\n\n\n# comments\n"), "# only\n\n# comments\n");
}

// Every .clue under the given folders of the source tree.
std::vector<std::filesystem::path> fixtures() {
    std::vector<std::filesystem::path> out;
    for (const char* folder : {"stdlib-rules", "examples", "tests/golden"}) {
        std::filesystem::path root = std::filesystem::path(CLUE_SOURCE_DIR) / folder;
        if (!std::filesystem::exists(root)) {
            continue;
        }
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            if (entry.path().extension() == ".clue") {
                out.push_back(entry.path());
            }
        }
    }
    return out;
}

TEST(Fmt, RoundTripsEveryFixtureThatParses) {
    size_t checked = 0;
    for (const std::filesystem::path& path : fixtures()) {
        std::string error;
        std::optional<std::string> source = readFile(path.string(), error);
        ASSERT_TRUE(source) << path << ": " << error;
        Formatted f = formatAndVerify(*source);
        if (f.problem == "the input does not parse") {
            continue;
        }
        ++checked;
        EXPECT_EQ(f.problem, "") << path;
    }
    EXPECT_GE(checked, 3u);
}

TEST(Fmt, ShippedConstitutionsAreAlreadyFormatted) {
    for (const std::filesystem::path& path : fixtures()) {
        if (path.string().find("tests/golden") != std::string::npos) {
            continue;
        }
        std::string error;
        std::string source = readFile(path.string(), error).value_or("");
        EXPECT_EQ(formatAndVerify(source).text, source) << path;
    }
}

} // namespace
} // namespace clue
