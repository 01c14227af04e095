// Validation of chat-completions requests, following vLLM's OpenAI-compatible server.
#include "tests/sim/chat_request.h"

#include "common/sha256.h"
#include "tests/sim/api_error.h"
#include "tests/sim/image_url.h"

#include <algorithm>
#include <array>

namespace clue::sim {
namespace {

using nlohmann::json;

constexpr int maxTopLogprobs = 20;

ContentPart parsePart(const json& part, std::size_t index) {
    const std::string where = "messages[" + std::to_string(index) + "].content";
    if (!part.is_object() || !part.contains("type") || !part["type"].is_string()) {
        throw ApiError::invalid("Each content part needs a string 'type'.", where);
    }
    const std::string type = part["type"].get<std::string>();
    if (type == "text") {
        if (!part.contains("text") || !part["text"].is_string()) {
            throw ApiError::invalid("A text content part needs a string 'text'.", where);
        }
        return {false, part["text"].get<std::string>(), {}};
    }
    if (type == "image_url") {
        const json& image = part.contains("image_url") ? part["image_url"] : json();
        const json& url = image.is_object() && image.contains("url") ? image["url"] : image;
        if (!url.is_string()) {
            throw ApiError::invalid("An image_url content part needs 'image_url.url'.", where);
        }
        return {true, {}, resolveImageUrl(url.get<std::string>())};
    }
    throw ApiError::invalid("Unsupported content part type '" + type + "'.", where);
}

bool isRole(const std::string& role) {
    static constexpr std::array<std::string_view, 6> roles = {"system",    "developer", "user",
                                                              "assistant", "tool",      "function"};
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

ChatMessage parseMessage(const json& message, std::size_t index) {
    const std::string where = "messages[" + std::to_string(index) + "]";
    if (!message.is_object() || !message.contains("role") || !message["role"].is_string() ||
        !isRole(message["role"].get<std::string>())) {
        throw ApiError::invalid("Each message needs a 'role': system, developer, user, assistant "
                                "or tool.",
                                where + ".role");
    }
    ChatMessage out{message["role"].get<std::string>(), {}};
    const json content = message.value("content", json());
    if (content.is_string()) {
        out.parts.push_back({false, content.get<std::string>(), {}});
    } else if (content.is_array()) {
        for (const json& part : content) {
            out.parts.push_back(parsePart(part, index));
        }
    } else if (!content.is_null() || out.role != "assistant") {
        throw ApiError::invalid("A message's 'content' must be a string or a list of content "
                                "parts.",
                                where + ".content");
    }
    return out;
}

std::vector<ChatMessage> parseMessages(const json& body) {
    if (!body.contains("messages") || !body["messages"].is_array() || body["messages"].empty()) {
        throw ApiError::invalid("'messages' must be a non-empty list.", "messages");
    }
    std::vector<ChatMessage> messages;
    for (std::size_t i = 0; i < body["messages"].size(); ++i) {
        messages.push_back(parseMessage(body["messages"][i], i));
    }
    return messages;
}

// An optional integer field: absent or null is nothing, anything else must be an integer.
std::optional<int> optionalInt(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) {
        return std::nullopt;
    }
    if (!body[key].is_number_integer()) {
        throw ApiError::invalid(std::string("'") + key + "' must be an integer.", key);
    }
    return body[key].get<int>();
}

void parseSampling(const json& body, ChatRequest& request) {
    request.maxTokens = optionalInt(body, "max_completion_tokens");
    if (!request.maxTokens) {
        request.maxTokens = optionalInt(body, "max_tokens");
    }
    if (request.maxTokens && *request.maxTokens < 1) {
        throw ApiError::invalid("'max_tokens' must be at least 1.", "max_tokens");
    }
    if (body.contains("logprobs") && !body["logprobs"].is_null()) {
        if (!body["logprobs"].is_boolean()) {
            throw ApiError::invalid("'logprobs' must be a boolean.", "logprobs");
        }
        request.logprobs = body["logprobs"].get<bool>();
    }
    const std::optional<int> top = optionalInt(body, "top_logprobs");
    if (top && (*top < 0 || *top > maxTopLogprobs)) {
        throw ApiError::invalid("'top_logprobs' must be between 0 and 20.", "top_logprobs");
    }
    if (top && *top > 0 && !request.logprobs) {
        throw ApiError::invalid("When using 'top_logprobs', 'logprobs' must be set to true.",
                                "top_logprobs");
    }
    request.topLogprobs = top.value_or(0);
}

bool asksForJson(const json& body) {
    if (!body.contains("response_format") || body["response_format"].is_null()) {
        return false;
    }
    const json& format = body["response_format"];
    const std::string type =
        format.is_object() && format.contains("type") && format["type"].is_string()
            ? format["type"].get<std::string>()
            : "";
    if (type != "text" && type != "json_object" && type != "json_schema") {
        throw ApiError::invalid("'response_format.type' must be text, json_object or json_schema.",
                                "response_format");
    }
    return type != "text";
}

void rejectUnsupported(const json& body) {
    if (body.value("stream", false) == true) {
        throw ApiError::invalid("Streaming is not supported by the simulator.", "stream");
    }
    const std::optional<int> n = optionalInt(body, "n");
    if (n && *n != 1) {
        throw ApiError::invalid("Only n=1 is supported by the simulator.", "n");
    }
}

} // namespace

std::string ChatMessage::text() const {
    std::string out;
    for (const ContentPart& part : parts) {
        if (!part.isImage) {
            out += out.empty() ? "" : "\n";
            out += part.text;
        }
    }
    return out;
}

bool ChatMessage::hasImage() const {
    return std::any_of(parts.begin(), parts.end(), [](const ContentPart& p) { return p.isImage; });
}

bool ChatRequest::hasImage() const {
    return firstImage() != nullptr;
}

const std::string* ChatRequest::firstImage() const {
    for (const ChatMessage& message : messages) {
        for (const ContentPart& part : message.parts) {
            if (part.isImage) {
                return &part.imageBytes;
            }
        }
    }
    return nullptr;
}

const ChatMessage* ChatRequest::lastUserMessage() const {
    for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
        if (it->role == "user") {
            return &*it;
        }
    }
    return nullptr;
}

ChatRequest parseChatRequest(const json& body) {
    if (!body.is_object()) {
        throw ApiError::invalid("The request body must be a JSON object.");
    }
    if (body.contains("model") && !body["model"].is_null() && !body["model"].is_string()) {
        throw ApiError::invalid("'model' must be a string.", "model");
    }
    rejectUnsupported(body);
    ChatRequest request;
    if (body.contains("model") && body["model"].is_string()) {
        request.model = body["model"].get<std::string>();
    }
    request.messages = parseMessages(body);
    parseSampling(body, request);
    request.jsonResponse = asksForJson(body);
    if (const std::string* image = request.firstImage()) {
        request.imageSha = sha256Hex(*image);
    }
    return request;
}

} // namespace clue::sim
