// The HTTP client and the backend, built from the settings.
#include "runtime/session/server_connection.h"

namespace clue::runtime {

ServerConnection::ServerConnection(const BackendConfig& config)
    : client_(std::make_unique<HttpClient>(config.httpClientOptions())),
      breaker_(config.maxConsecutiveFailures),
      backend_(std::make_unique<OpenAiBackend>(*client_, config.backendOptions(), &breaker_)),
      preflight_(config.preflight) {}

std::optional<BackendError> ServerConnection::preflight() {
    return preflight_ ? backend_->preflight() : std::nullopt;
}

ServerConnection::~ServerConnection() {
    client_->shutdown();
}

} // namespace clue::runtime
