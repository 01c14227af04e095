// The wording of syntax errors. Cases are tried from the most specific to the most generic;
// the order is commented where it matters.
#include "compiler/frontend/syntax_messages.h"

#include "common/edit_distance.h"
#include "compiler/diag/diagnostic_codes.h"
#include "compiler/frontend/expected_phrases.h"
#include "compiler/frontend/token_names.h"

#include "ClueLexer.h"
#include "ClueParser.h"

#include <algorithm>
#include <fmt/format.h>

namespace clue {

using grammar::ClueLexer;
using grammar::ClueParser;

namespace {

using Situation = SyntaxSituation;

bool expects(const Situation& s, size_t type) {
    return std::binary_search(s.expected.begin(), s.expected.end(), type);
}

bool startsDeclaration(size_t type) {
    return type == ClueLexer::IMPORT || type == ClueLexer::PREDICATE ||
           type == ClueLexer::CATEGORY || type == ClueLexer::RULE || type == ClueLexer::TEST ||
           type == ClueLexer::SCORE || type == ClueLexer::CONSTITUTION;
}

bool startsClause(size_t type) {
    return type == ClueLexer::SEVERITY || type == ClueLexer::WHEN || type == ClueLexer::UNLESS ||
           type == ClueLexer::TAGS;
}

bool startsCondition(size_t type) {
    return type == ClueLexer::IDENT || type == ClueLexer::STRING || type == ClueLexer::NOT ||
           type == ClueLexer::LPAREN || type == ClueLexer::TRUE || type == ClueLexer::FALSE;
}

bool expectsDeclaration(const Situation& s) {
    return expects(s, antlr4::Token::EOF) || expects(s, ClueLexer::RULE) ||
           expects(s, ClueLexer::PREDICATE);
}

// Where a missing piece belongs: just after the previous token, which the message names
// ("expected ... after 'when'"); the next token may be far below.
SourceSpan missingAt(const Situation& s) {
    if (s.previous.type == 0) {
        return s.offending.span;
    }
    return {s.previous.span.file, s.previous.span.end, s.previous.span.end};
}

SyntaxMessage make(const char* code, SourceSpan span, std::string message, std::string help = {}) {
    return {code, span, std::move(message), std::move(help), std::nullopt};
}

std::string found(const Situation& s) {
    return foundPhrase(s.offending.type, s.offending.text);
}

// An identifier that is one typo away from a keyword the parser would have accepted.
std::optional<std::string> misspelledKeyword(const Situation& s) {
    if (s.offending.type != ClueLexer::IDENT) {
        return std::nullopt;
    }
    std::vector<std::string> candidates;
    for (size_t t : s.expected) {
        if (isKeyword(t)) {
            std::string quoted = quotedToken(t);
            candidates.push_back(quoted.substr(1, quoted.size() - 2));
        }
    }
    return closestMatch(s.offending.text, candidates);
}

// `when a and or b`, `when or b`: an operator where a condition belongs. The operator is a
// keyword, but nobody meant it as a name: a condition is missing.
std::optional<SyntaxMessage> operatorWithoutOperand(const Situation& s) {
    bool binary = s.offending.type == ClueLexer::AND || s.offending.type == ClueLexer::OR;
    if (!binary || !expects(s, ClueLexer::IDENT) || !expects(s, ClueLexer::NOT)) {
        return std::nullopt;
    }
    bool afterOperator = s.previous.type == ClueLexer::AND || s.previous.type == ClueLexer::OR ||
                         s.previous.type == ClueLexer::NOT;
    std::string where =
        afterOperator ? fmt::format("between '{}' and '{}'", s.previous.text, s.offending.text)
                      : fmt::format("before '{}'", s.offending.text);
    return make(code::ExpectedSyntax, missingAt(s),
                fmt::format("a condition is missing {}: expected a predicate name, a quoted "
                            "statement, 'not' or '('",
                            where),
                "'and' and 'or' each join two conditions: write the missing one, or remove an "
                "operator");
}

std::optional<SyntaxMessage> keywordAsName(const Situation& s) {
    bool definesName = s.previous.type == ClueLexer::RULE ||
                       s.previous.type == ClueLexer::PREDICATE ||
                       s.previous.type == ClueLexer::CATEGORY;
    if (!isKeyword(s.offending.type) || !expects(s, ClueLexer::IDENT) ||
        expects(s, s.offending.type) || expectsDeclaration(s)) {
        return std::nullopt;
    }
    // A declaration or clause keyword where a name is missing is more likely the next
    // declaration than an attempt to use the keyword as a name.
    if (!definesName && (startsDeclaration(s.offending.type) || startsClause(s.offending.type))) {
        return std::nullopt;
    }
    return make(
        code::KeywordAsName, s.offending.span,
        fmt::format("'{}' is a keyword and cannot be used as {}", s.offending.text, nameNoun(s)),
        "keywords are reserved words of the language; choose another name");
}

std::optional<SyntaxMessage> unclosedBlock(const Situation& s) {
    bool foreign = s.offending.type == antlr4::Token::EOF ||
                   (startsDeclaration(s.offending.type) && !expects(s, s.offending.type));
    if (!s.block || !expects(s, ClueLexer::RBRACE) || !foreign) {
        return std::nullopt;
    }
    SourceSpan at{s.previous.span.file, s.previous.span.end, s.previous.span.end};
    SyntaxMessage m =
        make(code::UnclosedBracket, at, fmt::format("missing '}}' to close {}", s.block->what));
    if (s.offending.type != antlr4::Token::EOF) {
        m.help = fmt::format("only rules go inside a category; declare {} outside of it",
                             foundPhrase(s.offending.type, s.offending.text));
    }
    m.note = DiagnosticNote{fmt::format("{} opens here", s.block->what), s.block->opening};
    return m;
}

std::optional<SyntaxMessage> missingOperator(const Situation& s) {
    bool afterCondition = expects(s, ClueLexer::AND) || expects(s, ClueLexer::OR);
    if (!afterCondition || !startsCondition(s.offending.type) || !s.sameLine ||
        misspelledKeyword(s)) {
        return std::nullopt;
    }
    return make(code::ExpectedSyntax, s.offending.span,
                fmt::format("expected 'and' or 'or' before {}", found(s)),
                "two conditions are joined with 'and' (both must hold) or 'or' (either may)");
}

std::optional<SyntaxMessage> missingOperand(const Situation& s) {
    std::string after = afterPrevious(s);
    if (expects(s, ClueLexer::NOT) && expects(s, ClueLexer::LPAREN) &&
        expects(s, ClueLexer::IDENT)) {
        return make(code::ExpectedSyntax, missingAt(s),
                    fmt::format("expected a condition{}: a predicate name, a quoted statement, "
                                "'not' or '('",
                                after));
    }
    if (expects(s, ClueLexer::SAFE) && expects(s, ClueLexer::SEVERITY)) {
        return make(code::ExpectedSyntax, missingAt(s),
                    fmt::format("expected an outcome{}: 'safe', 'unsafe', 'severity S' or "
                                "'violates RULE'",
                                after),
                    "a score entry is 'SCORE when OUTCOME'; a predicate cannot give a score: "
                    "let it clear the rules with 'unless', and score 'safe'");
    }
    if (expects(s, ClueLexer::SAFE) && expects(s, ClueLexer::VIOLATES)) {
        std::optional<std::string> typo = misspelledKeyword(s);
        return make(code::ExpectedSyntax, missingAt(s),
                    fmt::format("expected an outcome{}: 'safe', 'unsafe', 'violates RULE' or "
                                "'not violates RULE'",
                                after),
                    typo ? fmt::format("did you mean '{}'?", *typo) : "");
    }
    if (expects(s, ClueLexer::NOT) && expects(s, ClueLexer::IDENT) &&
        expects(s, ClueLexer::STRING)) {
        return make(code::ExpectedSyntax, missingAt(s),
                    fmt::format("expected a fact{}: a predicate name or a quoted statement, "
                                "with 'not' before it when it is false",
                                after));
    }
    return std::nullopt;
}

std::optional<SyntaxMessage> unclosedParen(const Situation& s) {
    if (!s.paren || !expects(s, ClueLexer::RPAREN)) {
        return std::nullopt;
    }
    SourceSpan at{s.previous.span.file, s.previous.span.end, s.previous.span.end};
    SyntaxMessage m = make(code::UnclosedBracket, at, "missing ')' to close the '('");
    m.note = DiagnosticNote{"the '(' opens here", s.paren->opening};
    return m;
}

std::optional<SyntaxMessage> inTestBody(const Situation& s) {
    if (!s.block || !expects(s, ClueLexer::GIVEN) || !expects(s, ClueLexer::EXPECT)) {
        return std::nullopt;
    }
    return make(code::UnexpectedToken, s.offending.span,
                fmt::format("unexpected {} in {}: expected 'given', 'expect' or '}}'", found(s),
                            s.block->what),
                "a test is a list of 'given FACTS' and 'expect OUTCOME' lines");
}

SyntaxMessage atDeclarationBoundary(const Situation& s) {
    std::optional<std::string> typo = misspelledKeyword(s);
    std::string didYouMean = typo ? fmt::format("did you mean '{}'?", *typo) : "";
    if (s.offending.type == ClueLexer::CONSTITUTION) {
        return make(code::MisplacedHeader, s.offending.span,
                    "the constitution header must come first in the file",
                    "move it above every import and declaration; a file has one header at most");
    }
    if (expects(s, ClueLexer::SEVERITY)) {
        return make(code::UnexpectedToken, s.offending.span,
                    fmt::format("unexpected {} in rule '{}'", found(s), s.ruleId),
                    typo ? didYouMean
                         : "a rule continues with 'severity', 'when', 'unless' or 'tags'; a new "
                           "declaration starts with 'rule', 'predicate', 'category', 'test' or "
                           "'import'");
    }
    if (expects(s, ClueLexer::IDENT) && s.ruleIndex == ClueParser::RulePredicateDecl) {
        return make(code::UnexpectedToken, s.offending.span,
                    fmt::format("unexpected {} after the predicate's statement", found(s)),
                    "options are written as NAME VALUE, such as object \"injuries\" or cost 2");
    }
    if (s.offending.type == ClueLexer::RBRACE && !s.block) {
        return make(code::UnexpectedToken, s.offending.span,
                    "unexpected '}': no category or test is open here", "remove it");
    }
    if (s.block) {
        return make(
            code::UnexpectedToken, s.offending.span,
            fmt::format("unexpected {} in {}: expected a rule or '}}'", found(s), s.block->what),
            didYouMean);
    }
    return make(code::UnexpectedToken, s.offending.span,
                fmt::format("unexpected {}: expected {}", found(s), expectedList(s)),
                typo ? didYouMean
                     : "a declaration starts with 'import', 'predicate', 'category', 'rule' or "
                       "'test'");
}

std::string genericHelp(const Situation& s) {
    if (s.previous.type == ClueLexer::IDENT && s.beforePrevious.type == ClueLexer::PREDICATE) {
        return "a predicate is declared as: predicate NAME : \"statement\"";
    }
    if (s.offending.type == ClueLexer::STRING && expects(s, ClueLexer::IDENT)) {
        return "names are written without quotes";
    }
    if (s.offending.type == ClueLexer::IDENT && expects(s, ClueLexer::STRING)) {
        return "texts are written in double quotes";
    }
    return {};
}

} // namespace

SyntaxMessage describeSyntaxError(const Situation& s) {
    // Before keywordAsName: an operator where a name could stand is a missing condition.
    if (auto m = operatorWithoutOperand(s)) {
        return *m;
    }
    if (auto m = keywordAsName(s)) {
        return *m;
    }
    if (auto m = unclosedBlock(s)) {
        return *m;
    }
    // Before "unexpected": `a b` is a missing operator even though `b` could be dropped.
    if (auto m = missingOperator(s)) {
        return *m;
    }
    if (expectsDeclaration(s)) {
        return atDeclarationBoundary(s);
    }
    if (s.unwanted) {
        std::optional<std::string> typo = misspelledKeyword(s);
        return make(code::UnexpectedToken, s.offending.span,
                    fmt::format("unexpected {}{}", found(s), afterPrevious(s)),
                    typo ? fmt::format("did you mean '{}'?", *typo) : "remove it");
    }
    if (auto m = missingOperand(s)) {
        return *m;
    }
    if (auto m = unclosedParen(s)) {
        return *m;
    }
    if (auto m = inTestBody(s)) {
        return *m;
    }
    return make(code::ExpectedSyntax, missingAt(s),
                fmt::format("expected {}{}", expectedList(s), afterPrevious(s)), genericHelp(s));
}

} // namespace clue
