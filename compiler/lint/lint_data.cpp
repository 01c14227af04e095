// Parsed lexicons, built on first use.
#include "compiler/lint/lint_data.h"

namespace clue::lint {

const Lexicon& builtinLexicon(LexiconKind kind) {
    static const Lexicon subjective = Lexicon::parse(lintData_subjective_terms());
    static const Lexicon nonVisual = Lexicon::parse(lintData_nonvisual_terms());
    static const Lexicon compound = Lexicon::parse(lintData_compound_words());
    static const Lexicon negation = Lexicon::parse(lintData_negation_cues());
    static const Lexicon object = Lexicon::parse(lintData_object_terms());
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
    }
    return subjective;
}

} // namespace clue::lint
