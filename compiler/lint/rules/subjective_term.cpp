// L101 subjective-term: a word whose truth depends on the viewer, in a rule text or a statement.
#include "compiler/lint/rules/rule_factories.h"
#include "compiler/lint/rules/statement_targets.h"
#include "compiler/text/builtin_lexicons.h"

#include <fmt/format.h>

namespace clue::lint {

using text::builtinLexicon;
using text::Lexicon;
using text::LexiconKind;
using text::splitUnquotedWords;
using text::Word;
namespace {

class SubjectiveTerm : public LintRule {
public:
    SubjectiveTerm()
        : LintRule({"L101", "subjective-term", Category::Subjectivity, RuleLevel::Warning,
                    "a vague, subjective term in a rule text or a predicate statement",
                    options()}) {}

    void check(const LintContext& context, const RuleOptions& options,
               FindingSink& sink) const override {
        Lexicon lexicon = adjustedLexicon(builtinLexicon(LexiconKind::Subjective), options);
        if (options.boolean("rule-texts")) {
            for (const ast::RuleDecl* rule : context.rules()) {
                scan(context, lexicon, rule->text.value(), rule->text.span,
                     fmt::format("the text of rule '{}'", rule->id), sink);
            }
        }
        forEachStatement(context, [&](const StatementTarget& t) {
            scan(context, lexicon, t.text, t.literals, t.describe(), sink);
        });
    }

private:
    static std::vector<OptionSpec> options() {
        std::vector<OptionSpec> specs = lexiconOptions("subjective terms");
        specs.push_back(
            {"rule-texts", true, "also read rule texts, not only the statements the model judges"});
        return specs;
    }

    void scan(const LintContext& context, const Lexicon& lexicon, const std::string& text,
              SourceSpan literals, const std::string& where, FindingSink& sink) const {
        std::vector<Word> words = splitUnquotedWords(text);
        for (const Lexicon::Match& m : lexicon.find(words)) {
            std::string term = matchedText(text, words, m);
            Diagnostic& d = reportWords(sink, context, literals, words, m,
                                        fmt::format("subjective term '{}' in {}", term, where));
            d.note("a model judges a vague term by its own taste, so the same image gets "
                   "different answers; an objective statement gets the same answer every time");
            d.withHelp(m.entry->hint.empty()
                           ? "replace it with what can be seen in the image"
                           : fmt::format("replace '{}': {}", term, m.entry->hint));
        }
    }
};

} // namespace

std::unique_ptr<LintRule> makeSubjectiveTerm() {
    return std::make_unique<SubjectiveTerm>();
}

} // namespace clue::lint
