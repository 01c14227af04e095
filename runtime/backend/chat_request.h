// A generic multi-turn chat call: chain-of-thought reasoning, the JSON summary, objectify prompts.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace clue::runtime {

struct ChatMessage {
    std::string role; // "system", "user" or "assistant"
    std::string text;
    // A data URL ("data:image/png;base64,...") sent before the text, for user messages.
    std::optional<std::string> imageDataUrl;
};

// Asks the server for structured output: response_format {"type": "json_schema", ...}.
struct JsonSchemaFormat {
    std::string name; // letters, digits, '_' and '-', at most 64
    nlohmann::json schema;
    bool strict = true;
};

struct ChatRequest {
    std::vector<ChatMessage> messages;
    int maxTokens = 512;
    double temperature = 0;
    std::optional<JsonSchemaFormat> jsonSchema;
};

} // namespace clue::runtime
