// An embeddings server (vLLM or Infinity serving a CLIP-like model) on the shared HttpClient:
// text and image embeddings for relevance scanning.
#pragma once

#include "runtime/backend/backend_answers.h"
#include "runtime/backend/backend_error.h"
#include "runtime/backend/circuit_breaker.h"
#include "runtime/embed/embedding_protocol.h"
#include "runtime/embed/embedding_response_parser.h"
#include "runtime/http/http_client.h"
#include "runtime/support/expected.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <future>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

struct EmbeddingsBackendOptions {
    // The API base; requests go to {endpoint}/embeddings. vLLM: http://127.0.0.1:8000/v1;
    // Infinity: http://127.0.0.1:7997 (or with its --url-prefix).
    std::string endpoint;
    std::string model;
    std::string apiKey; // secret: sent as a bearer token, redacted from every message
    EmbeddingProtocol protocol = EmbeddingProtocol::Vllm;
    std::chrono::milliseconds requestTimeout{0}; // per attempt; zero uses the client's
};

// Texts go out in requests of at most this many, so that one reply stays under its bound.
inline constexpr std::size_t kTextsPerEmbeddingRequest = 16;
// The largest reply accepted per vector asked for: 16,384 numbers as JSON text, with room.
inline constexpr std::size_t kEmbeddingReplyBytesPerVector = 256u << 10;

struct EmbeddingAnswer {
    std::vector<Embedding> vectors; // one per input, in input order
    CallStats stats;                // summed over the requests
};

using EmbeddingResult = Expected<EmbeddingAnswer, BackendError>;

// Thread-safe. Callbacks run on the HttpClient's loop thread (see HttpClient for the rules), or
// at once when nothing is sent. The client, and the backend itself, must outlive its calls.
class EmbeddingsBackend {
public:
    using Callback = std::function<void(EmbeddingResult)>;

    // With a `breaker`, every call's outcome is recorded in it, and once it is open every call
    // fails at once with its Stopped error. It must outlive the backend.
    EmbeddingsBackend(HttpClient& client, EmbeddingsBackendOptions options,
                      CircuitBreaker* breaker = nullptr);

    // One vector per text, in order; requests of kTextsPerEmbeddingRequest texts at most, sent
    // together. The first failure fails the whole call. No texts: an empty answer at once.
    void embedTexts(const std::vector<std::string>& texts, Callback done);
    std::future<EmbeddingResult> embedTexts(const std::vector<std::string>& texts);

    // One vector for the image ("data:<mime>;base64,...").
    void embedImage(std::string_view imageDataUrl, Callback done);
    std::future<EmbeddingResult> embedImage(std::string_view imageDataUrl);

    const EmbeddingsBackendOptions& options() const { return options_; }
    std::string embeddingsUrl() const;

private:
    // One request for `count` vectors; a 2xx answer that cannot be used is retried like a 5xx.
    void send(std::string body, std::size_t count, Callback done);

    HttpClient& client_;
    EmbeddingsBackendOptions options_;
    CircuitBreaker* breaker_;
};

} // namespace clue::runtime
