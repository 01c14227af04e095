// A chat-completions request as the simulator needs it: messages with their text and image parts
// (images already resolved to bytes), and the sampling options it honours.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace clue::sim {

struct ContentPart {
    bool isImage = false;
    std::string text;       // a text part
    std::string imageBytes; // an image part: the decoded bytes
};

struct ChatMessage {
    std::string role;
    std::vector<ContentPart> parts;

    // The message's text parts joined by newlines.
    std::string text() const;
    bool hasImage() const;
};

struct ChatRequest {
    std::string model; // empty when the request names none
    std::vector<ChatMessage> messages;
    std::optional<int> maxTokens;
    bool logprobs = false;
    int topLogprobs = 0;
    std::string imageSha; // SHA-256 of firstImage(), empty when there is none
    // response_format asks for JSON (json_object or json_schema): structured output, which a
    // server with guided decoding answers with bare JSON.
    bool jsonResponse = false;

    bool hasImage() const;
    // The image of the request: the first image part of the first message with one.
    const std::string* firstImage() const;
    // The last message with role "user", or null.
    const ChatMessage* lastUserMessage() const;
};

// Validates `body` like vLLM's OpenAI server: an ApiError (400) for malformed requests, unknown
// fields ignored. Images: data: URLs (base64) and file:// URLs.
ChatRequest parseChatRequest(const nlohmann::json& body);

} // namespace clue::sim
