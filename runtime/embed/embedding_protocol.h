// The two request forms of an embeddings server that clue speaks: vLLM's and Infinity's.
#pragma once

#include <optional>
#include <string_view>

namespace clue::runtime {

enum class EmbeddingProtocol {
    // vLLM's POST {endpoint}/embeddings: text as `input`, an image as a chat-style `messages`
    // whose one user message holds the image_url part.
    Vllm,
    // Infinity's POST {endpoint}/embeddings: `input` holds the texts or the image data URLs, and
    // `modality` says which ("text" or "image").
    Infinity,
};

// "vllm", "infinity": stable, used in settings and flags.
std::string_view toString(EmbeddingProtocol protocol);
std::optional<EmbeddingProtocol> parseEmbeddingProtocol(std::string_view name);

} // namespace clue::runtime
