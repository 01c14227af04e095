// Validation of embeddings requests, as strict as the servers' own request models.
#include "tests/sim/embedding_request.h"

#include "tests/sim/api_error.h"
#include "tests/sim/chat_request.h"
#include "tests/sim/image_url.h"

namespace clue::sim {
namespace {

constexpr std::size_t kMaxInputs = 2048;
constexpr std::size_t kMaxImages = 32;

std::vector<std::string> inputStrings(const nlohmann::json& input) {
    if (input.is_string()) {
        return {input.get<std::string>()};
    }
    if (!input.is_array() || input.empty() || input.size() > kMaxInputs) {
        throw ApiError::invalid("'input' must be a string or a list of 1 to 2048 strings", "input");
    }
    std::vector<std::string> out;
    for (const auto& item : input) {
        if (!item.is_string()) {
            throw ApiError::invalid("every item of 'input' must be a string", "input");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

void readInput(const nlohmann::json& body, EmbeddingRequest& out) {
    std::vector<std::string> inputs = inputStrings(body.at("input"));
    const auto modality = body.find("modality");
    out.infinityForm = modality != body.end();
    if (!out.infinityForm || *modality == "text") {
        out.texts = std::move(inputs);
        return;
    }
    if (*modality != "image") {
        throw ApiError::invalid("'modality' must be \"text\" or \"image\"", "modality");
    }
    if (inputs.size() > kMaxImages) {
        throw ApiError::invalid("at most 32 images per request", "input");
    }
    for (const std::string& url : inputs) {
        out.images.push_back(resolveImageUrl(url));
    }
}

// vLLM: the conversation is one prompt; with an image, the image is what is embedded.
void readMessages(const nlohmann::json& body, EmbeddingRequest& out) {
    const ChatRequest chat = parseChatRequest(body);
    if (const std::string* image = chat.firstImage()) {
        out.images.push_back(*image);
        return;
    }
    std::string text;
    for (const ChatMessage& message : chat.messages) {
        text += (text.empty() ? "" : "\n") + message.text();
    }
    out.texts.push_back(text);
}

} // namespace

EmbeddingRequest parseEmbeddingRequest(const nlohmann::json& body) {
    if (!body.is_object()) {
        throw ApiError::invalid("the request body must be a JSON object");
    }
    EmbeddingRequest out;
    if (const auto model = body.find("model"); model != body.end() && model->is_string()) {
        out.model = model->get<std::string>();
    }
    if (const auto format = body.find("encoding_format"); format != body.end()) {
        if (*format != "float" && *format != "base64") {
            throw ApiError::invalid("'encoding_format' must be \"float\" or \"base64\"",
                                    "encoding_format");
        }
        out.base64 = *format == "base64";
    }
    const bool hasInput = body.contains("input");
    if (hasInput == body.contains("messages")) {
        throw ApiError::invalid("give either 'input' or 'messages'");
    }
    if (hasInput) {
        readInput(body, out);
    } else {
        readMessages(body, out);
    }
    return out;
}

} // namespace clue::sim
