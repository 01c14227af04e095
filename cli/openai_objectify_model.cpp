// Objectify requests as chat-completion calls.
#include "cli/openai_objectify_model.h"

namespace clue::cli {

objectify::ModelReply OpenAiObjectifyModel::complete(const objectify::ModelRequest& request) {
    runtime::ChatRequest chat;
    for (const objectify::PromptMessage& message : request.messages) {
        chat.messages.push_back({message.role, message.text, std::nullopt});
    }
    chat.maxTokens = request.maxTokens;
    chat.temperature = 0;
    if (request.schema) {
        chat.jsonSchema = runtime::JsonSchemaFormat{request.schemaName, *request.schema, true};
    }
    runtime::ChatResult result = backend_.chat(std::move(chat)).get();
    if (!result) {
        return {std::nullopt, result.error().message};
    }
    return {std::move(result.value().content), {}};
}

} // namespace clue::cli
