// The model server settings: endpoint, model, API key, concurrency, timeouts and retries, from
// defaults, the `backend` section of clue.yaml, then CLUE_ENDPOINT, CLUE_MODEL and CLUE_API_KEY.
#pragma once

#include "common/project_config.h"
#include "runtime/backend/circuit_breaker.h"
#include "runtime/backend/openai_backend.h"
#include "runtime/http/http_client_options.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

inline constexpr std::string_view kBackendSection = "backend";

struct BackendConfig {
    std::string endpoint = "http://127.0.0.1:8000/v1";
    std::string model;
    std::string apiKeyEnv; // the environment variable that holds the key (clue.yaml api_key_env)
    std::string apiKey;    // the key itself: only ever from the environment, never from a file
    int topLogprobs = 20;
    int concurrency = 16;   // requests in flight
    int maxConnections = 0; // per host; 0 means `concurrency`
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds requestTimeout{120'000};
    RetryPolicy retry;
    // Consecutive model calls that fail in a way no retry can mend before the run stops (see
    // CircuitBreaker); 0: never stop.
    int maxConsecutiveFailures = kDefaultMaxConsecutiveFailures;
    // Check before a run that the server answers its model list and serves `model`.
    bool preflight = true;

    OpenAiBackendOptions backendOptions() const;
    HttpClientOptions httpClientOptions() const;
    // Why a model call cannot be made yet (no model), or nothing.
    std::optional<std::string> missingSetting() const;
    // Why a setting cannot be sent safely (a control character in the API key, the endpoint or
    // the model name), or nothing. Check it after command-line flags are applied.
    std::optional<std::string> unsafeSetting() const;
};

// Why `key`, read from `variable`, cannot be an API key (a control character: CR or LF would
// inject HTTP headers), or nothing. The message never shows the key.
std::optional<std::string> apiKeyProblem(std::string_view key, const std::string& variable);

// Reads an environment variable; nothing when it is unset or empty.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
EnvironmentLookup processEnvironment();

// Defaults, overridden by the `backend` section of `project`, overridden by the environment.
// Problems go to `issues` with their line; on an error the affected setting keeps its previous
// value. Command-line flags, applied by the caller afterwards, override everything.
BackendConfig loadBackendConfig(const ProjectConfig& project, const EnvironmentLookup& environment,
                                std::vector<ConfigIssue>& issues);

} // namespace clue::runtime
