// Response bodies in the shape of vLLM's OpenAI-compatible server (README, "Protocol").
#pragma once

#include "tests/sim/completion.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace clue::sim {

struct ResponseOptions {
    std::string id;
    std::string model;
    std::int64_t created = 0;
    bool logprobs = false; // include choices[0].logprobs (else null)
    int topLogprobs = 0;   // entries kept in each top_logprobs list
};

nlohmann::ordered_json completionBody(const Completion& completion, const ResponseOptions& options);
nlohmann::ordered_json modelListBody(const std::string& model, std::int64_t created);

// The embeddings of one request, vectors[i] for input i. `infinity`: Infinity's envelope
// (object "embedding", usage without completion_tokens, id "infinity-..."); else vLLM's
// (object "list", id "embd-..."). `base64`: each embedding as base64 of little-endian float32.
struct EmbeddingsOptions {
    std::string id; // 32 hex digits; prefixed per envelope
    std::string model;
    std::int64_t created = 0;
    int promptTokens = 0;
    bool infinity = false;
    bool base64 = false;
};
nlohmann::ordered_json embeddingsBody(const std::vector<std::vector<float>>& vectors,
                                      const EmbeddingsOptions& options);

} // namespace clue::sim
