// Reading an embeddings response body (vLLM's and Infinity's, both OpenAI's shape): one vector
// per input, in input order, each checked before anything computes with it.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/support/expected.h"
#include "runtime/support/token_usage.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace clue::runtime {

// More dimensions than any CLIP-like model has (clip-vit-base: 512, large: 768, SigLIP 2:
// 1,152); a vector past this is refused rather than held.
inline constexpr std::size_t kMaxEmbeddingDimensions = 16384;

using Embedding = std::vector<float>;

struct ParsedEmbeddings {
    std::vector<Embedding> vectors; // vectors[i] embeds input i
    TokenUsage usage;               // `usage.prompt_tokens`, when given
};

// `data` must hold exactly `expected` objects whose `index` values are 0..expected-1, each once
// (an absent index counts as the object's position), and whose `embedding` is an array of finite
// numbers or a base64 string of little-endian float32 (`encoding_format: "base64"`). Every
// vector has the same number of dimensions (1..kMaxEmbeddingDimensions) and a non-zero norm.
// Anything else is a malformed-response error that says what was expected; an error body
// (OpenAI's or vLLM's) is a server-error.
Expected<ParsedEmbeddings, BackendError> parseEmbeddingResponse(std::string_view body,
                                                                std::size_t expected);

} // namespace clue::runtime
