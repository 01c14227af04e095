// The built-in lexicons, kept as text files in compiler/text/data/ and built into the binary
// (embed_data.cmake), so that clue needs no data files at run time. Lint's wording rules and
// objectify's answer checks read the same lists.
#pragma once

#include "compiler/text/lexicon.h"

#include <string_view>

namespace clue::text {

std::string_view lexiconText_subjective_terms();
std::string_view lexiconText_nonvisual_terms();
std::string_view lexiconText_compound_words();
std::string_view lexiconText_negation_cues();
std::string_view lexiconText_object_terms();
std::string_view lexiconText_clause_verbs();

// Each lexicon, parsed once.
enum class LexiconKind { Subjective, NonVisual, Compound, Negation, Object, ClauseVerb };
const Lexicon& builtinLexicon(LexiconKind kind);

} // namespace clue::text
