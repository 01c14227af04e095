// Tests of sema: names and values, each error at its place with notes at the other site.
#include "tests/sema/load_helpers.h"

namespace clue::testing {
namespace {

std::string_view at(const Loaded& l, const SourceSpan& span) {
    return l.sources.contents(span.file).substr(span.begin, span.end - span.begin);
}

TEST(Sema, ReportsAnUndefinedPredicateWithASuggestion) {
    auto l = loadOne("predicate person : \"x\"\nrule r \"t\" when persn and \"inline\"\n");
    EXPECT_FALSE(l->program);
    const Diagnostic& d = l->only();
    EXPECT_EQ(d.code, "E020");
    EXPECT_EQ(at(*l, *d.span), "persn");
    EXPECT_EQ(d.help, "did you mean 'person'?");
}

TEST(Sema, ReportsDuplicatesWithANoteAtTheFirst) {
    auto l = loadOne("predicate p : \"x\"\npredicate p : \"y\"\n"
                     "rule r \"t\"\ncategory c { rule r \"u\" }\ncategory c { }\n"
                     "test \"t\" { expect safe }\ntest \"t\" { expect unsafe }\n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(), (std::vector<std::string>{"E021", "E022", "E023", "E024"}));
    const Diagnostic& predicate = *l->diags.sorted().front();
    EXPECT_EQ(predicate.message, "duplicate predicate 'p'");
    ASSERT_EQ(predicate.notes.size(), 1u);
    EXPECT_EQ(
        l->sources.lineColumn(predicate.notes[0].span->file, predicate.notes[0].span->begin).line,
        1u);
}

TEST(Sema, AllowsTheSameStatementUnderTwoNames) {
    auto l = loadOne("predicate a : \"a person is visible\"\npredicate b : \"A person is "
                     "visible.\"\n");
    EXPECT_TRUE(l->program) << l->rendered();
}

TEST(Sema, ReportsANameClashAcrossFilesAtBothDeclarations) {
    auto l = load({{"main.clue", "import \"lib.clue\"\npredicate person : \"a\"\n"},
                   {"lib.clue", "predicate person : \"b\"\n"}});
    EXPECT_FALSE(l->program);
    const Diagnostic& d = l->only();
    EXPECT_EQ(d.code, "E052");
    EXPECT_EQ(d.message, "predicate 'person' is declared in both 'main.clue' and 'lib.clue'");
    EXPECT_EQ(l->sources.path(d.span->file), "lib.clue");
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(l->sources.path(d.notes[0].span->file), "main.clue");
}

TEST(Sema, ReportsAnUnknownSeverityWithASuggestion) {
    auto l = loadOne("rule r \"t\" severity hihg\nrule s \"t\" severity extreme\n");
    EXPECT_FALSE(l->program);
    ASSERT_EQ(l->codes(), (std::vector<std::string>{"E025", "E025"}));
    EXPECT_EQ(l->diags.sorted()[0]->help,
              "did you mean 'high'? the severities are low, medium, high, critical");
    EXPECT_EQ(l->diags.sorted()[1]->help, "use one of low, medium, high, critical");
}

TEST(Sema, ChecksPredicateOptions) {
    auto l = loadOne("predicate p : \"x\" objct \"a\"\n"
                     "predicate q : \"x\" object 2 cost \"c\"\n"
                     "predicate r : \"x\" cost 0 prior 1.5\n"
                     "predicate s : \"x\" prior 0 prior 1 cost 0.5 object \"ok\"\n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(),
              (std::vector<std::string>{"E026", "E027", "E027", "E028", "E028", "E029"}))
        << l->rendered();
    EXPECT_EQ(l->diags.sorted()[0]->help, "did you mean 'object'?");
}

TEST(Sema, ChecksTestsNames) {
    auto l = loadOne("predicate p : \"x\"\nrule r \"t\" when p\n"
                     "test \"a\" { given q, not p, p expect violates rr }\n"
                     "test \"b\" { given p }\n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(), (std::vector<std::string>{"E031", "E034", "E030", "E033"}))
        << l->rendered();
}

TEST(Sema, ReportsEmptyTexts) {
    auto l = loadOne("predicate p : \"\"\nrule r \" \" when \"\" \n");
    EXPECT_FALSE(l->program);
    EXPECT_EQ(l->codes(), (std::vector<std::string>{"E035", "E035", "E035"})) << l->rendered();
}

} // namespace
} // namespace clue::testing
