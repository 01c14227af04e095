// The OpenAI-compatible backend: request bodies out, typed answers back, secrets never shown.
#include "runtime/backend/openai_backend.h"

#include "runtime/backend/call_failure.h"
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/backend/model_list.h"
#include "runtime/backend/request_builder.h"
#include "runtime/support/future_of.h"

#include <memory>

namespace clue::runtime {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::string_view kNoLogprobs =
    "the server returned no logprobs; enable them (vLLM: --max-logprobs)";

// retryIf hooks: a complete 2xx answer that cannot be used is worth another attempt, unless the
// server itself reported an error in it.
std::optional<std::string> unusableChat(std::string_view body) {
    auto parsed = parseChatCompletion(body);
    if (!parsed && parsed.error().kind != BackendErrorKind::ServerError) {
        return parsed.error().message;
    }
    return std::nullopt;
}

std::optional<std::string> unusableYesNo(const Expected<ParsedCompletion, BackendError>& parsed) {
    if (parsed && !parsed->firstToken) {
        return std::string(kNoLogprobs);
    }
    if (!parsed && parsed.error().kind != BackendErrorKind::ServerError) {
        return parsed.error().message;
    }
    return std::nullopt;
}

// The answer of the final attempt, parsed by the retry hook when that attempt got a 2xx (so each
// body is parsed once); parsed here otherwise.
using ParsedAnswer = Expected<ParsedCompletion, BackendError>;

YesNoResult readYesNo(const HttpResult& result, const std::string& url, std::string_view key,
                      std::optional<ParsedAnswer> parsedByHook) {
    if (!result.httpOk()) {
        return finished(httpFailure(result, url), result, key);
    }
    ParsedAnswer parsed =
        parsedByHook ? std::move(*parsedByHook) : parseChatCompletion(result.body);
    if (!parsed) {
        return finished(parsed.error(), result, key);
    }
    if (!parsed->firstToken) {
        return finished({BackendErrorKind::NoLogprobs, std::string(kNoLogprobs)}, result, key);
    }
    auto score = scoreYesNo(*parsed->firstToken);
    if (!score) {
        return finished(score.error(), result, key);
    }
    YesNoAnswer answer{score.value(), statsOf(result)};
    answer.stats.usage = parsed->usage;
    return answer;
}

ChatResult readChat(const HttpResult& result, const std::string& url, std::string_view key) {
    if (!result.httpOk()) {
        return finished(httpFailure(result, url), result, key);
    }
    auto parsed = parseChatCompletion(result.body);
    if (!parsed) {
        return finished(parsed.error(), result, key);
    }
    ChatAnswer answer{std::move(parsed->content), std::move(parsed->finishReason), false,
                      statsOf(result)};
    answer.stats.usage = parsed->usage;
    return answer;
}

bool rejectsResponseFormat(const HttpResult& result) {
    return result.transportOk() && (result.status == 400 || result.status == 422);
}

// The second call's answer, accounting for the rejected first one.
ChatResult afterFallback(ChatResult second, const HttpResult& first, Clock::time_point start) {
    if (!second) {
        second.error().attempts += first.attempts;
        return second;
    }
    CallStats& stats = second->stats;
    stats.attempts += first.attempts;
    stats.bytesSent += first.bytesSent;
    stats.bytesReceived += first.bytesReceived;
    stats.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    second->schemaInPrompt = true;
    return second;
}

} // namespace

OpenAiBackend::OpenAiBackend(HttpClient& client, OpenAiBackendOptions options,
                             CircuitBreaker* breaker)
    : client_(client), options_(std::move(options)), breaker_(breaker) {
    options_.endpoint = apiBase(std::move(options_.endpoint));
}

std::string OpenAiBackend::chatCompletionsUrl() const {
    return options_.endpoint + "/chat/completions";
}

std::string OpenAiBackend::modelsUrl() const {
    return options_.endpoint + "/models";
}

void OpenAiBackend::record(const BackendError* error) {
    if (breaker_ != nullptr) {
        breaker_->record(error);
    }
}

template <typename Result> Result OpenAiBackend::settled(Result result) {
    if (!result && result.error().kind == BackendErrorKind::Cancelled) {
        if (auto refused = refusal()) {
            return std::move(*refused); // abandoned because the breaker opened
        }
    }
    record(result ? nullptr : &result.error());
    return result;
}

std::optional<BackendError> OpenAiBackend::refusal() const {
    return breaker_ != nullptr ? breaker_->refusal() : std::nullopt;
}

HttpRequest OpenAiBackend::httpRequest(std::string body, std::size_t maxReplyBytes) const {
    HttpRequest request;
    request.url = chatCompletionsUrl();
    request.headers = {"Content-Type: application/json", "Accept: application/json"};
    request.body = std::move(body);
    request.bearerToken = options_.apiKey;
    request.totalTimeout = options_.requestTimeout;
    request.maxResponseBytes = maxReplyBytes;
    if (breaker_ != nullptr) {
        // Once the breaker opens, requests still queued or waiting to retry are not sent.
        request.abandonIf = [breaker = breaker_] {
            return breaker->open();
        };
    }
    return request;
}

void OpenAiBackend::askYesNo(const YesNoQuery& query, YesNoCallback done) {
    if (auto refused = refusal()) {
        done(std::move(*refused));
        return;
    }
    HttpRequest request = httpRequest(
        buildYesNoBody(options_.model, query.question, query.imageDataUrl, options_.topLogprobs),
        kYesNoReplyBytes);
    // The hook runs on every 2xx attempt, the last of which is the final answer when that is a
    // 2xx; the completion reuses its parse. Both run on the client's loop thread, in that order.
    auto lastParse = std::make_shared<std::optional<ParsedAnswer>>();
    request.retryIf = [lastParse](long, std::string_view body) {
        *lastParse = parseChatCompletion(body);
        return unusableYesNo(**lastParse);
    };
    client_.submit(std::move(request), [this, url = chatCompletionsUrl(), key = options_.apiKey,
                                        lastParse, done = std::move(done)](HttpResult result) {
        done(settled(readYesNo(result, url, key, std::move(*lastParse))));
    });
}

std::future<YesNoResult> OpenAiBackend::askYesNo(const YesNoQuery& query) {
    return futureOf<YesNoResult>([&](YesNoCallback done) { askYesNo(query, std::move(done)); });
}

void OpenAiBackend::sendChat(std::shared_ptr<const ChatRequest> request, bool schemaInPrompt,
                             std::function<void(const HttpResult&)> done) {
    HttpRequest http = httpRequest(buildChatBody(options_.model, *request, schemaInPrompt),
                                   chatReplyBytes(request->maxTokens));
    http.retryIf = [](long, std::string_view body) {
        return unusableChat(body);
    };
    client_.submit(std::move(http), [done = std::move(done)](HttpResult result) { done(result); });
}

void OpenAiBackend::chat(ChatRequest request, ChatCallback original) {
    if (auto refused = refusal()) {
        original(std::move(*refused));
        return;
    }
    ChatCallback done = [this, original = std::move(original)](ChatResult result) {
        original(settled(std::move(result)));
    };
    auto shared = std::make_shared<const ChatRequest>(std::move(request));
    const bool inPrompt = shared->jsonSchema.has_value() && schemaInPrompt_.load();
    const auto start = Clock::now();
    sendChat(shared, inPrompt, [this, shared, inPrompt, start, done](const HttpResult& first) {
        const std::string url = chatCompletionsUrl();
        if (!shared->jsonSchema || inPrompt || !rejectsResponseFormat(first)) {
            ChatResult result = readChat(first, url, options_.apiKey);
            if (result && inPrompt) {
                result->schemaInPrompt = true;
            }
            done(std::move(result));
            return;
        }
        sendChat(shared, true, [this, first, start, url, done](const HttpResult& second) {
            ChatResult result = afterFallback(readChat(second, url, options_.apiKey), first, start);
            if (result) {
                schemaInPrompt_.store(true);
            }
            done(std::move(result));
        });
    });
}

void OpenAiBackend::listModels(std::function<void(ModelListResult)> done) {
    HttpRequest request;
    request.method = "GET";
    request.url = modelsUrl();
    request.headers = {"Accept: application/json"};
    request.bearerToken = options_.apiKey;
    request.totalTimeout = options_.requestTimeout;
    request.maxResponseBytes = kModelListReplyBytes;
    client_.submit(std::move(request), [url = modelsUrl(), key = options_.apiKey,
                                        done = std::move(done)](HttpResult result) {
        if (!result.httpOk()) {
            done(finished(httpFailure(result, url), result, key));
            return;
        }
        auto ids = parseModelList(result.body);
        done(ids ? ModelListResult(std::move(ids.value()))
                 : ModelListResult(finished(ids.error(), result, key)));
    });
}

std::optional<BackendError> OpenAiBackend::preflight() {
    auto problem = std::make_shared<std::promise<std::optional<BackendError>>>();
    auto answered = problem->get_future();
    checkModelServed(*this, [problem](std::optional<BackendError> found) {
        problem->set_value(std::move(found));
    });
    return answered.get();
}

std::future<ChatResult> OpenAiBackend::chat(ChatRequest request) {
    return futureOf<ChatResult>(
        [&](ChatCallback done) { chat(std::move(request), std::move(done)); });
}

} // namespace clue::runtime
