// Parsed lexicons, built on first use.
#include "compiler/text/builtin_lexicons.h"

#include "common/assert.h"

namespace clue::text {

const Lexicon& builtinLexicon(LexiconKind kind) {
    static const Lexicon subjective = Lexicon::parse(lexiconText_subjective_terms());
    static const Lexicon nonVisual = Lexicon::parse(lexiconText_nonvisual_terms());
    static const Lexicon compound = Lexicon::parse(lexiconText_compound_words());
    static const Lexicon negation = Lexicon::parse(lexiconText_negation_cues());
    static const Lexicon object = Lexicon::parse(lexiconText_object_terms());
    static const Lexicon clauseVerb = Lexicon::parse(lexiconText_clause_verbs());
    switch (kind) {
    case LexiconKind::Subjective:
        return subjective;
    case LexiconKind::NonVisual:
        return nonVisual;
    case LexiconKind::Compound:
        return compound;
    case LexiconKind::Negation:
        return negation;
    case LexiconKind::Object:
        return object;
    case LexiconKind::ClauseVerb:
        return clauseVerb;
    }
    CLUE_UNREACHABLE();
}

} // namespace clue::text
