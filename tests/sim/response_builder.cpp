// vLLM's ChatCompletionResponse, less the null fields that OpenAI's schema types otherwise.
#include "tests/sim/response_builder.h"

#include "common/base64.h"

#include <algorithm>
#include <cstdint>

namespace clue::sim {
namespace {

using nlohmann::ordered_json;

ordered_json utf8Bytes(const std::string& token) {
    ordered_json bytes = ordered_json::array();
    for (unsigned char c : token) {
        bytes.push_back(static_cast<int>(c));
    }
    return bytes;
}

ordered_json tokenEntry(const std::string& token, double logprob) {
    return {{"token", token}, {"logprob", logprob}, {"bytes", utf8Bytes(token)}};
}

ordered_json logprobsBody(const Completion& completion, int topLogprobs) {
    ordered_json content = ordered_json::array();
    for (const GeneratedToken& t : completion.tokens) {
        ordered_json entry = tokenEntry(t.token, t.logprob);
        ordered_json top = ordered_json::array();
        const std::size_t keep = std::min(t.top.size(), static_cast<std::size_t>(topLogprobs));
        for (std::size_t i = 0; i < keep; ++i) {
            top.push_back(tokenEntry(t.top[i].token, t.top[i].logprob));
        }
        entry["top_logprobs"] = std::move(top);
        content.push_back(std::move(entry));
    }
    return {{"content", std::move(content)}, {"refusal", nullptr}};
}

ordered_json messageBody(const Completion& completion) {
    return {{"role", "assistant"},
            {"content", completion.content},
            {"refusal", nullptr},
            {"audio", nullptr},
            {"tool_calls", ordered_json::array()},
            {"reasoning_content", nullptr}};
}

ordered_json usageBody(const Completion& completion) {
    return {{"prompt_tokens", completion.promptTokens},
            {"total_tokens", completion.promptTokens + completion.completionTokens()},
            {"completion_tokens", completion.completionTokens()},
            {"prompt_tokens_details", {{"cached_tokens", 0}}}};
}

} // namespace

ordered_json completionBody(const Completion& completion, const ResponseOptions& options) {
    ordered_json choice = {{"index", 0},
                           {"message", messageBody(completion)},
                           {"logprobs", options.logprobs
                                            ? logprobsBody(completion, options.topLogprobs)
                                            : ordered_json(nullptr)},
                           {"finish_reason", completion.finishReason},
                           {"stop_reason", nullptr}};
    return {{"id", options.id},
            {"object", "chat.completion"},
            {"created", options.created},
            {"model", options.model},
            {"choices", ordered_json::array({std::move(choice)})},
            {"service_tier", nullptr},
            {"usage", usageBody(completion)},
            {"prompt_logprobs", nullptr},
            {"kv_transfer_params", nullptr}};
}

ordered_json modelListBody(const std::string& model, std::int64_t created) {
    ordered_json card = {{"id", model},
                         {"object", "model"},
                         {"created", created},
                         {"owned_by", "clue-sim"},
                         {"root", model},
                         {"parent", nullptr},
                         {"max_model_len", 32768},
                         {"permission", ordered_json::array()}};
    return {{"object", "list"}, {"data", ordered_json::array({std::move(card)})}};
}

nlohmann::ordered_json embeddingsBody(const std::vector<std::vector<float>>& vectors,
                                      const EmbeddingsOptions& options) {
    nlohmann::ordered_json data = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < vectors.size(); ++i) {
        nlohmann::ordered_json embedding =
            options.base64 ? nlohmann::ordered_json(float32Base64Encode(vectors[i]))
                           : nlohmann::ordered_json(vectors[i]);
        data.push_back(options.infinity
                           ? nlohmann::ordered_json{{"object", "embedding"},
                                                    {"embedding", std::move(embedding)},
                                                    {"index", i}}
                           : nlohmann::ordered_json{{"index", i},
                                                    {"object", "embedding"},
                                                    {"embedding", std::move(embedding)}});
    }
    if (options.infinity) {
        return {{"object", "embedding"},
                {"data", std::move(data)},
                {"model", options.model},
                {"usage",
                 {{"prompt_tokens", options.promptTokens}, {"total_tokens", options.promptTokens}}},
                {"id", "infinity-" + options.id},
                {"created", options.created}};
    }
    return {{"id", "embd-" + options.id},
            {"object", "list"},
            {"created", options.created},
            {"model", options.model},
            {"data", std::move(data)},
            {"usage",
             {{"prompt_tokens", options.promptTokens},
              {"total_tokens", options.promptTokens},
              {"completion_tokens", 0},
              {"prompt_tokens_details", nullptr}}}};
}

} // namespace clue::sim
