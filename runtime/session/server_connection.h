// One connection to an OpenAI-compatible model server: the HTTP client and the backend on it,
// taken down in the right order. Whatever talks to the server (the answer stack, `clue
// objectify`'s model) holds one of these.
#pragma once

#include "runtime/backend/circuit_breaker.h"
#include "runtime/backend/openai_backend.h"
#include "runtime/config/backend_config.h"
#include "runtime/http/http_client.h"

#include <memory>
#include <optional>

namespace clue::runtime {

class ServerConnection {
public:
    explicit ServerConnection(const BackendConfig& config);
    // Shuts the HTTP client down first: requests in flight complete with Cancelled, so that no
    // callback runs after what it refers to is gone.
    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    OpenAiBackend& backend() { return *backend_; }
    // The server answers its model list and serves the model; else why not. Nothing to check when
    // config.preflight is off. Blocks: never call it from an answer callback.
    std::optional<BackendError> preflight();
    // Why the circuit breaker stopped the calls (config.maxConsecutiveFailures); nothing while
    // they go on.
    std::optional<BackendError> stopped() const { return breaker_.refusal(); }
    // Stops every request now (idempotent); the destructor does it too.
    void shutdown() { client_->shutdown(); }

private:
    std::unique_ptr<HttpClient> client_;
    CircuitBreaker breaker_;
    std::unique_ptr<OpenAiBackend> backend_;
    bool preflight_;
};

} // namespace clue::runtime
