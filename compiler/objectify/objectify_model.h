// What objectification needs from a language model: one chat completion at a time, blocking.
// The compiler library defines the interface and nothing that touches the network; the `clue`
// binary implements it on the runtime's OpenAI-compatible backend, and tests script it.
#pragma once

#include "compiler/objectify/prompt_template.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace clue::objectify {

struct ModelRequest {
    std::vector<PromptMessage> messages;
    // A JSON Schema for the answer, asked for with response_format json_schema; a backend may
    // describe it in the prompt instead when the server does not support that.
    std::optional<nlohmann::json> schema;
    std::string schemaName; // letters, digits, '_' and '-'
    int maxTokens = 1024;
};

struct ModelReply {
    std::optional<std::string> text; // the answer; nothing when the call failed
    std::string error;               // why the call failed: a sentence for people
};

class ObjectifyModel {
public:
    virtual ~ObjectifyModel() = default;
    // Thread-safe: rules are objectified concurrently, each on its own thread. Must return
    // (with an error) rather than hang when the server does not answer.
    virtual ModelReply complete(const ModelRequest& request) = 0;
};

} // namespace clue::objectify
