// An embeddings request as the simulator reads it, in either form clue speaks: vLLM's (`input`
// texts, or chat-style `messages` whose image is embedded) and Infinity's (`input` with
// `modality` "text" or "image").
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace clue::sim {

struct EmbeddingRequest {
    std::string model;               // empty when the request names none
    bool infinityForm = false;       // `modality` was given: answer in Infinity's envelope
    bool base64 = false;             // encoding_format "base64": little-endian float32
    std::vector<std::string> texts;  // texts to embed, in order
    std::vector<std::string> images; // image bytes to embed, in order (resolved URLs)
    std::size_t count() const { return texts.size() + images.size(); }
};

// Throws ApiError (400) for a body neither form allows: `input` and `messages` together or
// neither, an empty or non-string input, a modality other than text or image, more than 32
// images (Infinity's limit), an unreadable image URL, an unknown encoding_format.
EmbeddingRequest parseEmbeddingRequest(const nlohmann::json& body);

} // namespace clue::sim
