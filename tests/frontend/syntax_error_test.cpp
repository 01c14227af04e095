// Tests of lexical and syntax errors: each mistake gets its code, its place and a message in
// words, several errors are reported in one run, and a broken file never yields a module.
#include "tests/frontend/parse_helpers.h"

#include <nlohmann/json.hpp>

namespace clue::testing {
namespace {

struct ErrorCase {
    const char* name;
    std::string source;
    const char* code;
    uint32_t line;
    uint32_t column;
    const char* message; // a part of the message
};

void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.name;
}

// The first diagnostic of `p` as JSON, for its code and place.
nlohmann::json first(const Parsed& p) {
    return toJson(*p.diags.sorted().front(), p.sources);
}

class SyntaxError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SyntaxError, IsReportedInWordsAtItsPlace) {
    const ErrorCase& c = GetParam();
    auto p = parse(c.source);
    EXPECT_FALSE(p->module);
    ASSERT_FALSE(p->diags.empty());
    nlohmann::json d = first(*p);
    EXPECT_EQ(d["code"], c.code) << p->rendered();
    EXPECT_EQ(d["line"], c.line) << p->rendered();
    EXPECT_EQ(d["column"], c.column) << p->rendered();
    EXPECT_NE(d["message"].get<std::string>().find(c.message), std::string::npos) << p->rendered();
    // Policy authors never see ANTLR's own wording.
    EXPECT_EQ(p->rendered().find("mismatched input"), std::string::npos);
    EXPECT_EQ(p->rendered().find("expecting {"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SyntaxError,
    ::testing::Values(
        ErrorCase{"invalid_utf8", "predicate p : \"a \xff\"\n", "E001", 1, 18,
                  "not valid UTF-8: byte 0xFF"},
        ErrorCase{"unterminated", "predicate p : \"open\nrule r \"t\"\n", "E002", 1, 15,
                  "unterminated string: add a closing '\"'"},
        ErrorCase{"stray", "predicate p : \"x\" @\n", "E003", 1, 19, "stray character '@'"},
        ErrorCase{"stray_run", "rule r \"t\" when a && b\n", "E003", 1, 19,
                  "stray characters '&&'"},
        ErrorCase{"bad_escape", "predicate p : \"a \\q\"\n", "E004", 1, 18, "unknown escape '\\q'"},
        ErrorCase{"missing_condition", "rule r \"t\" when\n", "E005", 1, 16,
                  "expected a condition after 'when': a predicate name, a quoted statement, "
                  "'not' or '('"},
        ErrorCase{"missing_operand_before_next_rule", "rule r \"t\" when a and\nrule s \"u\"\n",
                  "E005", 1, 22, "expected a condition after 'and'"},
        ErrorCase{"missing_rule_text", "rule imminent_death\n  severity high\n", "E005", 1, 20,
                  "expected the rule's text in quotes after 'rule imminent_death'"},
        ErrorCase{"missing_colon", "predicate p \"x\"\n", "E005", 1, 12,
                  "expected ':' after 'predicate p'"},
        ErrorCase{"missing_operator", "rule r \"t\" when a b\n", "E005", 1, 19,
                  "expected 'and' or 'or' before 'b'"},
        ErrorCase{"missing_outcome", "test \"t\" { given a expect }\n", "E005", 1, 26,
                  "expected an outcome after 'expect'"},
        ErrorCase{"misspelled_clause", "rule r \"t\"\n  sevrity high\n", "E006", 2, 3,
                  "unexpected 'sevrity' in rule 'r'"},
        ErrorCase{"stray_brace", "predicate p : \"x\"\n}\n", "E006", 2, 1,
                  "unexpected '}': no category or test is open here"},
        ErrorCase{"keyword_as_name", "predicate test : \"x\"\n", "E007", 1, 11,
                  "'test' is a keyword and cannot be used as the predicate's name"},
        ErrorCase{"keyword_in_formula", "rule r \"t\" when a and safe\n", "E007", 1, 23,
                  "'safe' is a keyword and cannot be used as a predicate name"},
        ErrorCase{"too_deep", "rule r \"t\" when " + std::string(5000, '(') + "a", "E008", 1, 117,
                  "nest more than 100 levels deep"},
        ErrorCase{"header_not_first", "predicate p : \"x\"\nconstitution \"c\"\n", "E009", 2, 1,
                  "the constitution header must come first"},
        ErrorCase{"missing_brace", "category c {\n  rule r \"t\" when a\n", "E010", 2, 20,
                  "missing '}' to close category 'c'"},
        ErrorCase{"missing_paren", "rule r \"t\" when (a or b\nrule s \"u\"\n", "E010", 1, 24,
                  "missing ')' to close the '('"},
        ErrorCase{"duplicate_when", "rule r \"t\" when a when b\n", "E011", 1, 19,
                  "the 'when' clause of rule 'r' is written twice"},
        ErrorCase{"duplicate_version", "constitution \"c\" version \"1\" version \"2\"\n", "E011",
                  1, 30, "the header's 'version' is written twice"}),
    [](const ::testing::TestParamInfo<ErrorCase>& param) { return std::string(param.param.name); });

TEST(SyntaxErrors, ReportsSeveralErrorsInOneRun) {
    auto p = parse("predicate p : \"x\"\n"
                   "rule a \"t\" when\n"
                   "rule b \"t\" when p and\n"
                   "predicate q \"y\"\n"
                   "rule c \"t\" when p @ p\n");
    EXPECT_FALSE(p->module);
    EXPECT_EQ(p->diags.errorCount(), 4u) << p->rendered();
}

TEST(SyntaxErrors, NotesWhereAnUnclosedBlockOpens) {
    auto p = parse("test \"t\" {\n  given a\n  expect safe\n");
    ASSERT_EQ(p->diags.errorCount(), 1u) << p->rendered();
    const Diagnostic& d = *p->diags.sorted().front();
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(p->text(*d.notes[0].span), "{");
}

TEST(SyntaxErrors, DoNotCascadeFromALexicalError) {
    // The single-quoted text is two stray quotes around a name; the parser's complaint about
    // the missing text on the same line would only repeat that.
    auto p = parse("predicate p : 'x'\nrule r \"t\" when p\n");
    EXPECT_EQ(p->diags.errorCount(), 2u) << p->rendered();
    for (const Diagnostic* d : p->diags.sorted()) {
        EXPECT_EQ(d->code, "E003");
    }
}

TEST(SyntaxErrors, StopAfterTooManyErrors) {
    std::string source;
    for (int i = 0; i < 100; ++i) {
        source += "rule r" + std::to_string(i) + " when\n";
    }
    auto p = parse(source);
    EXPECT_FALSE(p->module);
    EXPECT_LE(p->diags.errorCount(), 21u);
    EXPECT_EQ(p->diags.sorted().back()->code, "E012") << p->rendered();
}

TEST(SyntaxErrors, SurviveDeepNotChainsAndUnbalancedParentheses) {
    std::string nots;
    for (int i = 0; i < 100000; ++i) {
        nots += "not ";
    }
    auto p = parse("rule r \"t\" when " + nots + "a\n");
    EXPECT_FALSE(p->module);
    EXPECT_EQ(p->diags.sorted().front()->code, "E008");
    auto q = parse("rule r \"t\" when " + std::string(50, ')') + std::string(50, '(') + "a\n");
    EXPECT_FALSE(q->module);
}

} // namespace
} // namespace clue::testing
