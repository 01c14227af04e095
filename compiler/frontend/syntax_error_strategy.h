// ANTLR's default recovery, with its reports replaced by our own diagnostics (see
// syntax_messages.h). Errors on a line that already has one are dropped as likely cascades.
#pragma once

#include "compiler/frontend/parse_session.h"
#include "compiler/frontend/syntax_situation.h"

#include "antlr4-runtime.h"

namespace clue {

class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
    // After this many syntax errors in one file, parsing stops.
    static constexpr size_t maxErrors = 20;

    explicit SyntaxErrorStrategy(ParseSession& session) : session_(session) {}

protected:
    void reportNoViableAlternative(antlr4::Parser* parser,
                                   const antlr4::NoViableAltException& e) override;
    void reportInputMismatch(antlr4::Parser* parser,
                             const antlr4::InputMismatchException& e) override;
    void reportFailedPredicate(antlr4::Parser* parser,
                               const antlr4::FailedPredicateException& e) override;
    void reportUnwantedToken(antlr4::Parser* parser) override;
    void reportMissingToken(antlr4::Parser* parser) override;
    // Never skips a keyword that starts a declaration or a clause: `when` at the end of a line
    // followed by `rule x` is a missing condition, not a stray 'rule'.
    antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;

private:
    void report(antlr4::Parser* parser, antlr4::Token* offending,
                const antlr4::misc::IntervalSet& expected, antlr4::RuleContext* context,
                bool unwanted);
    SyntaxSituation situation(antlr4::Parser* parser, antlr4::Token* offending,
                              const antlr4::misc::IntervalSet& expected,
                              antlr4::RuleContext* context) const;

    ParseSession& session_;
    size_t reported_ = 0;
};

} // namespace clue
