// Cosine similarity of two embeddings, the relevance measure of CLUE's relevance scanning.
#pragma once

#include "runtime/embed/embedding_response_parser.h"

#include <optional>

namespace clue::runtime {

// cos(a, b) = a.b / (|a| |b|), in [-1, 1]. Nothing when the vectors differ in length or either
// has a zero norm: no similarity can be claimed then.
std::optional<double> cosineSimilarity(const Embedding& a, const Embedding& b);

} // namespace clue::runtime
