// Collects what the parser saw at an error and reports it in words.
#include "compiler/frontend/syntax_error_strategy.h"

#include "compiler/diag/diagnostic_codes.h"
#include "compiler/frontend/syntax_messages.h"

#include "ClueLexer.h"
#include "ClueParser.h"

#include <fmt/format.h>

namespace clue {

using grammar::ClueLexer;
using grammar::ClueParser;

namespace {

SyntaxToken tokenAt(const TokenLocator& locator, antlr4::Token* token) {
    if (token == nullptr) {
        return {};
    }
    return {token->getType(), token->getText(), locator.span(*token)};
}

// The visible token before index `index`, or null at the start.
antlr4::Token* visibleBefore(antlr4::TokenStream* stream, size_t index) {
    // A token the parser conjured while recovering has no index in the stream.
    if (index > stream->size()) {
        return nullptr;
    }
    while (index > 0) {
        antlr4::Token* token = stream->get(--index);
        if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
            return token;
        }
    }
    return nullptr;
}

std::string nameOf(antlr4::tree::TerminalNode* node) {
    return node != nullptr ? node->getText() : "";
}

// Fills the innermost open category/test, '(' and rule from the parser's context stack.
void findOpenConstructs(const TokenLocator& locator, antlr4::RuleContext* context,
                        SyntaxSituation& s) {
    for (auto* c = context; c != nullptr; c = dynamic_cast<antlr4::RuleContext*>(c->parent)) {
        if (auto* paren = dynamic_cast<ClueParser::ParenAtomContext*>(c); paren && !s.paren) {
            s.paren = OpenConstruct{"'('", locator.span(paren->LPAREN())};
        } else if (auto* rule = dynamic_cast<ClueParser::RuleDeclContext*>(c)) {
            s.ruleId = s.ruleId.empty() ? nameOf(rule->IDENT()) : s.ruleId;
        } else if (auto* category = dynamic_cast<ClueParser::CategoryDeclContext*>(c);
                   category && category->LBRACE() && !s.block) {
            s.block = OpenConstruct{fmt::format("category '{}'", nameOf(category->IDENT())),
                                    locator.span(category->LBRACE())};
        } else if (auto* test = dynamic_cast<ClueParser::TestDeclContext*>(c);
                   test && test->LBRACE() && !s.block) {
            s.block = OpenConstruct{fmt::format("test {}", nameOf(test->STRING())),
                                    locator.span(test->LBRACE())};
        }
    }
}

void addTokens(SyntaxSituation& s, std::initializer_list<size_t> types) {
    s.expected.insert(s.expected.end(), types.begin(), types.end());
}

// ANTLR notices an error only where no enclosing rule can end, often at the file's item loop
// after a rule is complete. The constructs that end right before the error could have gone on,
// too: `when a b` lacks an 'and', and `sevrity` after a rule is a misspelled clause.
void addContinuations(antlr4::RuleContext* context, const antlr4::Token* previous,
                      SyntaxSituation& s) {
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(context);
    antlr4::tree::ParseTree* node =
        rule && !rule->children.empty() ? rule->children.back() : nullptr;
    while (auto* inner = dynamic_cast<antlr4::ParserRuleContext*>(node)) {
        if (previous == nullptr || inner->getStop() != previous) {
            break;
        }
        switch (inner->getRuleIndex()) {
        case ClueParser::RuleFormula:
        case ClueParser::RuleConjunction:
            addTokens(s, {ClueLexer::AND, ClueLexer::OR});
            break;
        case ClueParser::RuleRuleDecl:
            addTokens(s,
                      {ClueLexer::SEVERITY, ClueLexer::WHEN, ClueLexer::UNLESS, ClueLexer::TAGS});
            s.ruleId = nameOf(dynamic_cast<ClueParser::RuleDeclContext*>(inner)->IDENT());
            break;
        case ClueParser::RuleHeader:
            addTokens(s, {ClueLexer::VERSION, ClueLexer::DESCRIPTION, ClueLexer::JUDGES});
            break;
        default:
            break;
        }
        node = inner->children.empty() ? nullptr : inner->children.back();
    }
    std::sort(s.expected.begin(), s.expected.end());
    s.expected.erase(std::unique(s.expected.begin(), s.expected.end()), s.expected.end());
}

} // namespace

SyntaxSituation SyntaxErrorStrategy::situation(antlr4::Parser* parser, antlr4::Token* offending,
                                               const antlr4::misc::IntervalSet& expected,
                                               antlr4::RuleContext* context) const {
    const TokenLocator& locator = session_.locator();
    antlr4::TokenStream* stream = parser->getTokenStream();
    antlr4::Token* previous = visibleBefore(stream, offending->getTokenIndex());
    antlr4::Token* beforePrevious =
        previous != nullptr ? visibleBefore(stream, previous->getTokenIndex()) : nullptr;
    SyntaxSituation s;
    s.offending = tokenAt(locator, offending);
    s.previous = tokenAt(locator, previous);
    s.beforePrevious = tokenAt(locator, beforePrevious);
    s.sameLine = previous != nullptr && previous->getLine() == offending->getLine();
    for (const antlr4::misc::Interval& interval : expected.getIntervals()) {
        for (ssize_t t = interval.a; t <= interval.b; ++t) {
            s.expected.push_back(t == -1 ? antlr4::Token::EOF : static_cast<size_t>(t));
        }
    }
    s.ruleIndex = context != nullptr ? context->getRuleIndex() : 0;
    findOpenConstructs(locator, context, s);
    addContinuations(context, previous, s);
    return s;
}

void SyntaxErrorStrategy::report(antlr4::Parser* parser, antlr4::Token* offending,
                                 const antlr4::misc::IntervalSet& expected,
                                 antlr4::RuleContext* context, bool unwanted) {
    SyntaxSituation s = situation(parser, offending, expected, context);
    s.unwanted = unwanted;
    SyntaxMessage m = describeSyntaxError(s);
    if (session_.lineHasError(m.span)) {
        return;
    }
    Diagnostic& d = session_.error(m.code, m.span, m.message);
    d.withHelp(m.help);
    if (m.note) {
        d.notes.push_back(*m.note);
    }
    if (++reported_ >= maxErrors) {
        session_
            .error(code::TooManyErrors, m.span,
                   fmt::format("too many syntax errors ({}); stopping here", reported_))
            .withHelp("fix the errors above and run again");
        throw antlr4::ParseCancellationException();
    }
}

antlr4::Token* SyntaxErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
    switch (parser->getCurrentToken()->getType()) {
    case ClueLexer::CONSTITUTION:
    case ClueLexer::IMPORT:
    case ClueLexer::PREDICATE:
    case ClueLexer::CATEGORY:
    case ClueLexer::RULE:
    case ClueLexer::TEST:
    case ClueLexer::SEVERITY:
    case ClueLexer::WHEN:
    case ClueLexer::UNLESS:
    case ClueLexer::TAGS:
        return nullptr;
    default:
        return DefaultErrorStrategy::singleTokenDeletion(parser);
    }
}

void SyntaxErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                    const antlr4::NoViableAltException& e) {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), e.getCtx(), false);
}

void SyntaxErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                              const antlr4::InputMismatchException& e) {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), e.getCtx(), false);
}

void SyntaxErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                                const antlr4::FailedPredicateException& e) {
    report(parser, e.getOffendingToken(), e.getExpectedTokens(), e.getCtx(), false);
}

void SyntaxErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
    if (inErrorRecoveryMode(parser)) {
        return;
    }
    beginErrorCondition(parser);
    report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext(),
           true);
}

void SyntaxErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
    if (inErrorRecoveryMode(parser)) {
        return;
    }
    beginErrorCondition(parser);
    report(parser, parser->getCurrentToken(), getExpectedTokens(parser), parser->getContext(),
           false);
}

} // namespace clue
