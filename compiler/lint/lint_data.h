// The lexicons of the lint rules, kept as text files in compiler/lint/data/ and built into
// the binary (embed_data.cmake), so that clue needs no data files at run time.
#pragma once

#include "compiler/lint/lexicon.h"

#include <string_view>

namespace clue::lint {

std::string_view lintData_subjective_terms();
std::string_view lintData_nonvisual_terms();
std::string_view lintData_compound_words();
std::string_view lintData_negation_cues();
std::string_view lintData_object_terms();

// Each lexicon, parsed once.
enum class LexiconKind { Subjective, NonVisual, Compound, Negation, Object };
const Lexicon& builtinLexicon(LexiconKind kind);

} // namespace clue::lint
