// Walking the statements of a file, and locating words inside string literals.
#include "compiler/lint/rules/statement_targets.h"

#include "compiler/lint/statement_index.h"
#include "compiler/lint/text_location.h"

#include <fmt/format.h>

namespace clue::lint {

using text::Lexicon;
using text::splitUnquotedWords;
using text::Word;

std::string StatementTarget::describe() const {
    if (predicate != nullptr) {
        return fmt::format("the statement of predicate '{}'", predicate->name);
    }
    return fmt::format("the inline statement of rule '{}'", rule->id);
}

void forEachStatement(const LintContext& context,
                      const std::function<void(const StatementTarget&)>& visit) {
    for (const ast::PredicateDecl* p : context.module().predicates()) {
        visit({p->statement.value(), p->statement.span, p, nullptr});
    }
    for (const ast::RuleDecl* rule : context.rules()) {
        for (const ast::Formula* f : {rule->when.get(), rule->unless.get()}) {
            if (f != nullptr) {
                forEachInline(*f, [&](const ast::Formula& inl) {
                    visit({inl.text, inl.span, nullptr, rule});
                });
            }
        }
    }
}

void forEachFirstMatch(const LintContext& context, const Lexicon& lexicon,
                       const std::function<void(const StatementMatch&)>& visit) {
    forEachStatement(context, [&](const StatementTarget& t) {
        std::vector<Word> words = splitUnquotedWords(t.text);
        std::vector<Lexicon::Match> found = lexicon.find(words);
        if (!found.empty()) {
            std::string matched = matchedText(t.text, words, found.front());
            visit({t, std::move(words), found.front(), std::move(matched)});
        }
    });
}

Diagnostic& reportWords(FindingSink& sink, const LintContext& context, SourceSpan literals,
                        const std::vector<Word>& words, const Lexicon::Match& match,
                        const std::string& message) {
    SourceSpan span = spanInLiterals(context.sources(), literals, words[match.first].begin,
                                     words[match.last].end);
    return sink.report(span, message);
}

std::string matchedText(const std::string& text, const std::vector<Word>& words,
                        const Lexicon::Match& match) {
    return text.substr(words[match.first].begin, words[match.last].end - words[match.first].begin);
}

Lexicon adjustedLexicon(const Lexicon& base, const RuleOptions& options) {
    Lexicon lexicon = base;
    for (const std::string& term : options.list("extra-terms")) {
        lexicon.add(term);
    }
    for (const std::string& term : options.list("allow-terms")) {
        lexicon.remove(term);
    }
    return lexicon;
}

std::vector<OptionSpec> lexiconOptions(const std::string& what) {
    return {
        {"extra-terms", std::vector<std::string>{},
         fmt::format("more {} to look for, in the syntax of the built-in list", what)},
        {"allow-terms", std::vector<std::string>{},
         fmt::format("built-in {} to accept, written as in the built-in list", what)},
    };
}

} // namespace clue::lint
