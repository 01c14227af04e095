// L204 missing-object: a predicate about a body part or an object that names no central object.
//
// Only the subject counts, the words before the first verb: "the buttocks of a person are
// visible" is about the buttocks; "a person is on their knees" is about a person and a pose.
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"
#include "compiler/text/builtin_lexicons.h"
#include "compiler/text/words.h"

#include <fmt/format.h>

namespace clue::lint {

using text::builtinLexicon;
using text::Lexicon;
using text::LexiconKind;
using text::splitWords;
using text::Word;
namespace {

// Where the subject ends: the first clause verb (clause_verbs.txt). Nothing when none.
std::optional<size_t> firstVerb(const std::vector<Word>& words) {
    std::vector<Lexicon::Match> verbs = builtinLexicon(LexiconKind::ClauseVerb).find(words);
    if (verbs.empty()) {
        return std::nullopt;
    }
    return verbs.front().first;
}

class MissingObject : public LintRule {
public:
    MissingObject()
        : LintRule({"L204", "missing-object", Category::Structure, RuleLevel::Warning,
                    "a predicate about a body part or object that names no central `object`",
                    lexiconOptions("body parts and objects")}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::Object), options);
        for (const ast::PredicateDecl* p : context.module().predicates()) {
            if (p->option("object") != nullptr || p->lookedAt() != ast::LookedAt::Image) {
                continue;
            }
            std::string text = p->statement.value();
            std::vector<Word> words = splitWords(text);
            std::optional<size_t> verb = firstVerb(words);
            if (!verb) {
                continue;
            }
            words.resize(*verb);
            std::vector<Lexicon::Match> found = lexicon.find(words);
            if (found.empty()) {
                continue;
            }
            std::string object = matchedText(text, words, found.front());
            reportWords(sink, context, p->statement.span, words, found.front(),
                        fmt::format("predicate '{}' is about the {} but names no central object",
                                    p->name, object))
                .note("region debiasing masks or crops the central object to tell what the "
                      "model sees from what it guesses; without one it cannot")
                .withHelp(fmt::format("add `object \"{}\"` after the statement", object));
            SourceSpan end{p->statement.span.file, p->statement.span.end, p->statement.span.end};
            // Unsafe: the object is a guess from the lexicon, and it changes how the judge asks.
            sink.fix({{end, fmt::format(" object \"{}\"", object)}}, FixSafety::Unsafe);
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeMissingObject() {
    return std::make_unique<MissingObject>();
}

} // namespace clue::lint
