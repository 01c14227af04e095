// The predicate statements of the linted file that the wording rules read: each declared
// predicate's statement, and each inline statement in a rule's formula.
#pragma once

#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/text/lexicon.h"

#include <functional>
#include <string>

namespace clue::lint {

struct StatementTarget {
    std::string text;
    SourceSpan literals;                           // the string literals that write it
    const ast::PredicateDecl* predicate = nullptr; // or null for an inline statement
    const ast::RuleDecl* rule = nullptr;           // inline: the rule that writes it

    // "the statement of predicate 'weapon'" or "the inline statement of rule 'threat'".
    std::string describe() const;
};

// Every statement of the linted file, declarations first, in source order.
void forEachStatement(const LintContext& context,
                      const std::function<void(const StatementTarget&)>& visit);

// The first match of a lexicon in a statement's unquoted words.
struct StatementMatch {
    const StatementTarget& target;
    std::vector<text::Word> words;
    text::Lexicon::Match match;
    std::string matched; // the matched words as written
};

// Calls `visit` for every statement of the linted file in which `lexicon` matches.
void forEachFirstMatch(const LintContext& context, const text::Lexicon& lexicon,
                       const std::function<void(const StatementMatch&)>& visit);

// Reports a lexicon match inside a text: the span covers exactly the matched words.
Diagnostic& reportWords(FindingSink& sink, const LintContext& context, SourceSpan literals,
                        const std::vector<text::Word>& words, const text::Lexicon::Match& match,
                        const std::string& message);

// The matched words as written in `text` ("Suggestive").
std::string matchedText(const std::string& text, const std::vector<text::Word>& words,
                        const text::Lexicon::Match& match);

// A copy of `base` with the terms of the rule's `extra-terms` option added and those of its
// `allow-terms` option removed.
text::Lexicon adjustedLexicon(const text::Lexicon& base, const RuleOptions& options);

// The option specs that adjustedLexicon() reads.
std::vector<OptionSpec> lexiconOptions(const std::string& what);

} // namespace clue::lint
