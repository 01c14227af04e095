// The JSON bodies the backend sends to POST {endpoint}/chat/completions.
#pragma once

#include "runtime/backend/chat_request.h"

#include <optional>
#include <string>
#include <string_view>

namespace clue::runtime {

// One user message whose content parts are the image (when given) and then `question`;
// max_tokens 1, temperature 0, logprobs true and top_logprobs. The image comes first so that a
// server's prefix cache reuses its tokens across every question about the same image.
std::string buildYesNoBody(std::string_view model, std::string_view question,
                           std::optional<std::string_view> imageDataUrl, int topLogprobs);

// A chat body. With `schemaInPrompt`, the JSON schema is not sent as response_format but
// described at the end of the last user message (for servers that reject response_format).
std::string buildChatBody(std::string_view model, const ChatRequest& request, bool schemaInPrompt);

// The instruction appended to the prompt when the schema travels in it.
std::string schemaInstruction(const JsonSchemaFormat& format);

} // namespace clue::runtime
