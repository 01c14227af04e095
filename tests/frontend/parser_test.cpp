// Tests of parsing valid files: the AST's shape, values, spans and comments.
#include "tests/frontend/parse_helpers.h"

#include <cmath>

namespace clue::testing {
namespace {

const char* designExample = R"(# A constitution file.
constitution "os-bench" version "1.0"
  description "The objectified "
              "constitution."

import "std/common.clue"

predicate person : "a person is visible via this image"
predicate bloody : "a body has visible, bloody injuries"
  object "injuries"                        # central object
  cost 2 prior 0.25

category violence "Violence and gore" {
  rule imminent_death
    "Should not depict injuries that indicate imminent death."
    severity high
    when (person or animal) and bloody and dying
    unless "a boxing ring is visible"
    tags gore, death

  rule on_fire
    "Should not depict people on fire."
}

rule top "A top-level rule." when not not person

test "a boxing match" {
  given person, bloody, not dying, "a \"ring\""
  expect safe
  expect not violates imminent_death
}
)";

TEST(Parser, BuildsTheHeader) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const ast::Header& h = *p->module->header;
    EXPECT_EQ(h.name, "os-bench");
    EXPECT_EQ(p->text(h.nameSpan), "\"os-bench\"");
    EXPECT_EQ(h.version, "1.0");
    ASSERT_TRUE(h.description);
    EXPECT_EQ(h.description->pieces.size(), 2u);
    EXPECT_EQ(h.description->value(), "The objectified constitution.");
}

TEST(Parser, KeepsItemsInSourceOrder) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const auto& items = p->module->items;
    ASSERT_EQ(items.size(), 6u);
    EXPECT_TRUE(std::holds_alternative<ast::ImportDecl>(items[0]));
    EXPECT_TRUE(std::holds_alternative<ast::PredicateDecl>(items[1]));
    EXPECT_TRUE(std::holds_alternative<ast::CategoryDecl>(items[3]));
    EXPECT_TRUE(std::holds_alternative<ast::RuleDecl>(items[4]));
    EXPECT_TRUE(std::holds_alternative<ast::TestDecl>(items[5]));
    EXPECT_EQ(std::get<ast::ImportDecl>(items[0]).path, "std/common.clue");
}

TEST(Parser, ReadsPredicateOptions) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const ast::PredicateDecl* bloody = p->module->predicates()[1];
    EXPECT_EQ(bloody->name, "bloody");
    ASSERT_EQ(bloody->options.size(), 3u);
    EXPECT_EQ(bloody->option("object")->stringValue, "injuries");
    EXPECT_FALSE(bloody->option("object")->isNumber);
    EXPECT_DOUBLE_EQ(bloody->option("cost")->numberValue, 2.0);
    EXPECT_DOUBLE_EQ(bloody->option("prior")->numberValue, 0.25);
    EXPECT_EQ(bloody->option("prior")->rawValue, "0.25");
    EXPECT_EQ(p->text(bloody->span).substr(0, 16), "predicate bloody");
}

TEST(Parser, BuildsRulesWithClausesInOrder) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    std::vector<const ast::RuleDecl*> rules = p->module->rules();
    ASSERT_EQ(rules.size(), 3u);
    const ast::RuleDecl& r = *rules[0];
    EXPECT_EQ(r.id, "imminent_death");
    EXPECT_EQ(r.category, "violence");
    EXPECT_EQ(r.severity->name, "high");
    EXPECT_EQ(r.unless->kind, ast::FormulaKind::Inline);
    EXPECT_EQ(r.unless->text, "a boxing ring is visible");
    ASSERT_EQ(r.tags.size(), 2u);
    EXPECT_EQ(r.tags[1].name, "death");
    using K = ast::RuleClauseKind;
    EXPECT_EQ(r.clauseOrder, (std::vector<K>{K::Severity, K::When, K::Unless, K::Tags}));
    EXPECT_EQ(p->text(r.whenKeyword), "when");
    EXPECT_EQ(rules[1]->when, nullptr);
    EXPECT_EQ(rules[2]->category, "");
}

TEST(Parser, BuildsNaryFormulasAndKeepsParentheses) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const ast::Formula& when = *p->module->rules()[0]->when;
    ASSERT_EQ(when.kind, ast::FormulaKind::And);
    ASSERT_EQ(when.children.size(), 3u);
    const ast::Formula& group = *when.children[0];
    EXPECT_EQ(group.kind, ast::FormulaKind::Or);
    EXPECT_TRUE(group.parenthesized);
    EXPECT_EQ(p->text(group.span), "(person or animal)");
    EXPECT_EQ(p->text(when.span), "(person or animal) and bloody and dying");
    EXPECT_EQ(when.toSource(), "(person or animal) and bloody and dying");
    const ast::Formula& top = *p->module->rules()[2]->when;
    EXPECT_EQ(top.kind, ast::FormulaKind::Not);
    EXPECT_EQ(top.children[0]->kind, ast::FormulaKind::Not);
    EXPECT_EQ(p->text(top.span), "not not person");
}

TEST(Parser, PrecedenceIsNotThenAndThenOr) {
    auto p = parse("rule r \"t\" when a or not b and c or true\n");
    ASSERT_TRUE(p->module) << p->rendered();
    const ast::Formula& f = *p->module->rules()[0]->when;
    ASSERT_EQ(f.kind, ast::FormulaKind::Or);
    ASSERT_EQ(f.children.size(), 3u);
    EXPECT_EQ(f.children[1]->kind, ast::FormulaKind::And);
    EXPECT_EQ(f.children[1]->children[0]->kind, ast::FormulaKind::Not);
    EXPECT_EQ(f.children[2]->kind, ast::FormulaKind::Const);
    EXPECT_TRUE(f.children[2]->value);
}

TEST(Parser, BuildsTests) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const ast::TestDecl& t = *p->module->tests()[0];
    EXPECT_EQ(t.name, "a boxing match");
    ASSERT_EQ(t.given.size(), 4u);
    EXPECT_TRUE(t.given[2].negated);
    EXPECT_EQ(p->text(t.given[2].span), "not dying");
    EXPECT_EQ(p->text(t.given[2].refSpan), "dying");
    EXPECT_TRUE(t.given[3].isInline);
    EXPECT_EQ(t.given[3].name, "a \"ring\"");
    ASSERT_EQ(t.expectations.size(), 2u);
    EXPECT_EQ(t.expectations[1].kind, ast::ExpectKind::NotViolates);
    EXPECT_EQ(t.expectations[1].rule, "imminent_death");
    EXPECT_EQ(t.statementIsGiven, (std::vector<bool>{true, false, false}));
    EXPECT_EQ(t.givenCounts, (std::vector<size_t>{4}));
}

TEST(Parser, KeepsCommentsWithExactSpans) {
    auto p = parse(designExample);
    ASSERT_TRUE(p->module) << p->rendered();
    const auto& comments = p->module->comments;
    ASSERT_EQ(comments.size(), 2u);
    EXPECT_EQ(comments[0].text, "# A constitution file.");
    EXPECT_EQ(comments[1].text, "# central object");
    EXPECT_EQ(p->text(comments[1].span), "# central object");
}

TEST(Parser, SpansAreByteOffsetsBeyondAscii) {
    // Code points of 2, 3 and 4 bytes before the name: ANTLR counts code points, spans bytes.
    auto p = parse("predicate caf\u00e9 : \"\u00e9\u201c\xf0\x9f\x98\x80\" # \u00e9\npredicate "
                   "after : \"x\"\n");
    // 'café' is not an identifier: the stray 'é' is reported, in column 14.
    EXPECT_FALSE(p->module);
    EXPECT_NE(p->rendered().find("test.clue:1:14: error[E003]: stray character '\u00e9'"),
              std::string::npos)
        << p->rendered();
    auto q = parse("# caf\u00e9 \xf0\x9f\x98\x80\npredicate p : \"\u00e9\u201c\xf0\x9f\x98\x80\" "
                   "object \"x\"\n");
    ASSERT_TRUE(q->module) << q->rendered();
    const ast::PredicateDecl& pred = *q->module->predicates()[0];
    EXPECT_EQ(q->text(pred.nameSpan), "p");
    EXPECT_EQ(pred.statement.value(), "\u00e9\u201c\xf0\x9f\x98\x80");
    EXPECT_EQ(q->text(pred.options[0].valueSpan), "\"x\"");
    EXPECT_EQ(q->text(q->module->comments[0].span), "# caf\u00e9 \xf0\x9f\x98\x80");
}

TEST(Parser, SkipsAByteOrderMark) {
    auto p = parse("\xEF\xBB\xBFpredicate p : \"x\"\n");
    ASSERT_TRUE(p->module) << p->rendered();
    EXPECT_EQ(p->text(p->module->predicates()[0]->nameSpan), "p");
}

TEST(Parser, UnescapesStrings) {
    auto p = parse(R"(predicate p : "a \"quoted\" \\ back\tslash\n")");
    ASSERT_TRUE(p->module) << p->rendered();
    EXPECT_EQ(p->module->predicates()[0]->statement.value(), "a \"quoted\" \\ back\tslash\n");
}

TEST(Parser, AcceptsAnEmptyFileAndOnlyComments) {
    auto p = parse("# nothing here\n");
    ASSERT_TRUE(p->module) << p->rendered();
    EXPECT_TRUE(p->module->items.empty());
    EXPECT_EQ(p->module->comments.size(), 1u);
}

TEST(Parser, ParsesLargeNumbersWithoutFailing) {
    auto p = parse("predicate p : \"x\" cost 1" + std::string(400, '0') + " prior 0." +
                   std::string(400, '0') + "1\n");
    ASSERT_TRUE(p->module) << p->rendered();
    EXPECT_TRUE(std::isinf(p->module->predicates()[0]->options[0].numberValue));
    EXPECT_EQ(p->module->predicates()[0]->options[1].numberValue, 0.0);
}

} // namespace
} // namespace clue::testing
