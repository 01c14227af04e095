// Response bodies in the shape of vLLM's OpenAI-compatible server (README, "Protocol").
#pragma once

#include "tests/sim/completion.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

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

} // namespace clue::sim
