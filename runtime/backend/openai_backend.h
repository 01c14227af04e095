// The OpenAI-compatible chat-completions backend (vLLM, SGLang, llama.cpp server, Ollama,
// OpenAI): CLUE's one-token yes/no queries and generic chat calls, on the shared HttpClient.
#pragma once

#include "runtime/backend/backend_answers.h"
#include "runtime/backend/backend_error.h"
#include "runtime/backend/chat_request.h"
#include "runtime/backend/circuit_breaker.h"
#include "runtime/http/http_client.h"
#include "runtime/support/expected.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

struct OpenAiBackendOptions {
    std::string endpoint = "http://127.0.0.1:8000/v1"; // requests go to {endpoint}/chat/completions
    std::string model;
    std::string apiKey; // secret: sent as a bearer token, redacted from every message
    int topLogprobs = 20;
    std::chrono::milliseconds requestTimeout{0}; // per attempt; zero uses the client's
};

// The largest reply accepted for each kind of question, so that a server (or something in its
// place) cannot make the client buffer megabytes per request in flight. A yes/no answer is one
// token with its top logprobs (a few kilobytes); a chat answer grows with its max_tokens (the
// reasoning, the rating, objectify's prompts). An oversized reply fails that request (kind
// malformed-response), without a retry.
inline constexpr std::size_t kYesNoReplyBytes = 64u << 10;
// A model list (the preflight's GET {endpoint}/models): hosted APIs list hundreds of models.
inline constexpr std::size_t kModelListReplyBytes = 1u << 20;
constexpr std::size_t chatReplyBytes(int maxTokens) {
    return (64u << 10) + 256u * static_cast<std::size_t>(maxTokens > 0 ? maxTokens : 0);
}

struct YesNoQuery {
    // The whole text part, e.g. yesNoQuestion(statement) or a plan's filled yes/no template.
    std::string_view question;
    // "data:<mime>;base64,..." for M(x, c); nothing for the language prior M(None, c).
    std::optional<std::string_view> imageDataUrl;
};

using YesNoResult = Expected<YesNoAnswer, BackendError>;
using ChatResult = Expected<ChatAnswer, BackendError>;
using ModelListResult = Expected<std::vector<std::string>, BackendError>;

// Thread-safe. The query's strings are copied into the request body before the call returns.
// Callbacks run on the HttpClient's loop thread (see HttpClient for the rules). The client must
// outlive the backend's calls.
class OpenAiBackend {
public:
    using YesNoCallback = std::function<void(YesNoResult)>;
    using ChatCallback = std::function<void(ChatResult)>;

    // With a `breaker`, every call's outcome is recorded in it, and once it is open every call
    // fails at once with its Stopped error, without a request. It must outlive the backend.
    OpenAiBackend(HttpClient& client, OpenAiBackendOptions options,
                  CircuitBreaker* breaker = nullptr);

    // max_tokens 1, temperature 0, logprobs, top_logprobs; the answer is the yes/no score of the
    // first token. A 2xx answer that is malformed or has no logprobs is retried like a 5xx.
    void askYesNo(const YesNoQuery& query, YesNoCallback done);
    std::future<YesNoResult> askYesNo(const YesNoQuery& query);

    // With request.jsonSchema, asks for response_format json_schema; when the server rejects that
    // with HTTP 400 or 422, resends once with the schema described in the prompt, and after one
    // such success keeps describing it for this backend's later calls.
    void chat(ChatRequest request, ChatCallback done);
    std::future<ChatResult> chat(ChatRequest request);

    // GET {endpoint}/models: the ids the server serves.
    void listModels(std::function<void(ModelListResult)> done);
    // The preflight of a run: the server answers its model list and the list names the model.
    // Nothing when both hold; else why not, as one sentence for people.
    std::optional<BackendError> preflight();

    const OpenAiBackendOptions& options() const { return options_; }
    std::string chatCompletionsUrl() const;
    std::string modelsUrl() const;
    bool schemaGoesInPrompt() const { return schemaInPrompt_.load(); }

private:
    void sendChat(std::shared_ptr<const ChatRequest> request, bool schemaInPrompt,
                  std::function<void(const HttpResult&)> done);
    HttpRequest httpRequest(std::string body, std::size_t maxReplyBytes) const;
    // Records `error` (nothing: an answer) in the breaker, if any.
    void record(const BackendError* error);
    // A finished call's result, recorded; a call abandoned because the breaker opened gets its
    // Stopped error.
    template <typename Result> Result settled(Result result);
    // The breaker's error when it is open.
    std::optional<BackendError> refusal() const;

    HttpClient& client_;
    OpenAiBackendOptions options_;
    CircuitBreaker* breaker_;
    std::atomic<bool> schemaInPrompt_{false};
};

} // namespace clue::runtime
