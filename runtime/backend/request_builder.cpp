// Request bodies as ordered JSON, so that captured requests read in a stable, natural order.
#include "runtime/backend/request_builder.h"

namespace clue::runtime {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson imagePart(std::string_view dataUrl) {
    return {{"type", "image_url"}, {"image_url", {{"url", dataUrl}}}};
}

OrderedJson textPart(std::string_view text) {
    return {{"type", "text"}, {"text", text}};
}

OrderedJson message(const ChatMessage& message, const std::string& text) {
    OrderedJson out = {{"role", message.role}};
    if (message.imageDataUrl) {
        out["content"] = OrderedJson::array({imagePart(*message.imageDataUrl), textPart(text)});
    } else {
        out["content"] = text;
    }
    return out;
}

// Stands for the image URL in the JSON until the URL is spliced in; it is searched for as a whole
// JSON string, which a question cannot be.
constexpr std::string_view kPlaceholder = "clue-image-url-placeholder-5f0c2d";

bool needsJsonEscape(std::string_view text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
            return true;
        }
    }
    return false;
}

std::size_t lastUserMessage(const std::vector<ChatMessage>& messages) {
    for (std::size_t i = messages.size(); i > 0; --i) {
        if (messages[i - 1].role == "user") {
            return i - 1;
        }
    }
    return messages.size();
}

} // namespace

std::string buildYesNoBody(std::string_view model, std::string_view question,
                           std::optional<std::string_view> imageDataUrl, int topLogprobs) {
    // A data URL of an image is megabytes of base64, which JSON needs no escapes for: it is
    // spliced into the dumped body in one copy instead of going through the JSON writer, which
    // would copy it twice and escape-check it byte by byte, for every question about the image.
    const bool splice = imageDataUrl && !needsJsonEscape(*imageDataUrl);
    OrderedJson content = OrderedJson::array();
    if (imageDataUrl) {
        content.push_back(imagePart(splice ? kPlaceholder : *imageDataUrl));
    }
    content.push_back(textPart(question));
    OrderedJson body = {
        {"model", model},
        {"messages", OrderedJson::array({{{"role", "user"}, {"content", content}}})},
        {"max_tokens", 1},
        {"temperature", 0},
        {"logprobs", true},
        {"top_logprobs", topLogprobs}};
    std::string text = body.dump();
    if (!splice) {
        return text;
    }
    const std::string quoted = '"' + std::string(kPlaceholder) + '"';
    const std::size_t at = text.find(quoted);
    std::string spliced; // one allocation: fresh megabytes cost page faults, not just copying
    spliced.reserve(text.size() - quoted.size() + imageDataUrl->size() + 2);
    spliced.append(text, 0, at).append(1, '"').append(*imageDataUrl).append(1, '"');
    spliced.append(text, at + quoted.size());
    return spliced;
}

std::string schemaInstruction(const JsonSchemaFormat& format) {
    return "Answer with one JSON object and nothing else. It must conform to this JSON Schema:\n" +
           format.schema.dump();
}

std::string buildChatBody(std::string_view model, const ChatRequest& request, bool schemaInPrompt) {
    const bool describeSchema = schemaInPrompt && request.jsonSchema;
    const std::size_t instructed = lastUserMessage(request.messages);
    OrderedJson messages = OrderedJson::array();
    for (std::size_t i = 0; i < request.messages.size(); ++i) {
        std::string text = request.messages[i].text;
        if (describeSchema && i == instructed) {
            text += "\n\n" + schemaInstruction(*request.jsonSchema);
        }
        messages.push_back(message(request.messages[i], text));
    }
    if (describeSchema && instructed == request.messages.size()) {
        messages.push_back({{"role", "user"}, {"content", schemaInstruction(*request.jsonSchema)}});
    }
    OrderedJson body = {{"model", model},
                        {"messages", std::move(messages)},
                        {"max_tokens", request.maxTokens},
                        {"temperature", request.temperature}};
    if (request.jsonSchema && !schemaInPrompt) {
        body["response_format"] = {{"type", "json_schema"},
                                   {"json_schema",
                                    {{"name", request.jsonSchema->name},
                                     {"schema", request.jsonSchema->schema},
                                     {"strict", request.jsonSchema->strict}}}};
    }
    return body.dump();
}

} // namespace clue::runtime
