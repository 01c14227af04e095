// The `backend` section of clue.yaml and its environment overrides.
//
// backend:
//   endpoint: http://127.0.0.1:8000/v1
//   model: OpenGVLab/InternVL2-8B
//   api_key_env: OPENAI_API_KEY
//   top_logprobs: 20
//   concurrency: 16
//   max_connections: 16
//   timeouts: {connect_s: 10, request_s: 120}
//   retries: {max_attempts: 4, backoff_base_ms: 250, backoff_max_ms: 8000, retry_after_cap_s: 60}
//   max_consecutive_failures: 10
#include "runtime/config/backend_config.h"

#include "runtime/http/header_text.h"

#include <cstdlib>

namespace clue::runtime {
namespace {

using std::chrono::milliseconds;

bool isHttpUrl(const std::string& url) {
    if (findControlCharacter(url)) {
        return false; // a line break would add HTTP headers
    }
    for (std::string_view scheme : {"http://", "https://"}) {
        if (url.rfind(scheme, 0) == 0 && url.size() > scheme.size()) {
            return true;
        }
    }
    return false;
}

bool isEnvironmentName(const std::string& name) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) {
        return false;
    }
    for (char c : name) {
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return true;
}

milliseconds secondsToMs(double seconds) {
    return milliseconds(static_cast<long long>(seconds * 1000));
}

void readTimeouts(ConfigSection timeouts, BackendConfig& config) {
    timeouts.expectOnly({"connect_s", "request_s"});
    if (auto seconds = timeouts.number("connect_s", 0.001, 600)) {
        config.connectTimeout = secondsToMs(*seconds);
    }
    if (auto seconds = timeouts.number("request_s", 0.001, 86400)) {
        config.requestTimeout = secondsToMs(*seconds);
    }
}

void readRetries(ConfigSection retries, BackendConfig& config) {
    retries.expectOnly({"max_attempts", "backoff_base_ms", "backoff_max_ms", "retry_after_cap_s"});
    if (auto attempts = retries.integer("max_attempts", 1, 20)) {
        config.retry.maxAttempts = static_cast<int>(*attempts);
    }
    if (auto base = retries.integer("backoff_base_ms", 0, 600'000)) {
        config.retry.baseDelay = milliseconds(*base);
    }
    if (auto cap = retries.integer("backoff_max_ms", 0, 3'600'000)) {
        config.retry.maxDelay = milliseconds(*cap);
    }
    if (auto cap = retries.number("retry_after_cap_s", 0, 3600)) {
        config.retry.retryAfterCap = secondsToMs(*cap);
    }
}

void readSection(ConfigSection backend, BackendConfig& config) {
    backend.expectOnly({"endpoint", "model", "api_key_env", "api_key", "top_logprobs",
                        "concurrency", "max_connections", "timeouts", "retries",
                        "max_consecutive_failures"});
    if (backend.has("api_key")) {
        backend.error("api_key", "API keys do not belong in a settings file; put the key in an "
                                 "environment variable and name it with api_key_env");
    }
    if (auto endpoint = backend.string("endpoint"); endpoint && isHttpUrl(*endpoint)) {
        config.endpoint = *endpoint;
    } else if (endpoint) {
        backend.error("endpoint", "must be an http:// or https:// URL, such as "
                                  "http://127.0.0.1:8000/v1");
    }
    if (auto model = backend.string("model"); model && !model->empty()) {
        config.model = *model;
    } else if (model) {
        backend.error("model", "must not be empty");
    }
    if (auto name = backend.string("api_key_env"); name && isEnvironmentName(*name)) {
        config.apiKeyEnv = *name;
    } else if (name) {
        backend.error("api_key_env", "must name an environment variable, such as OPENAI_API_KEY");
    }
    if (auto top = backend.integer("top_logprobs", 1, 20)) {
        config.topLogprobs = static_cast<int>(*top);
    }
    if (auto concurrency = backend.integer("concurrency", 1, 1024)) {
        config.concurrency = static_cast<int>(*concurrency);
    }
    if (auto connections = backend.integer("max_connections", 1, 1024)) {
        config.maxConnections = static_cast<int>(*connections);
    }
    if (auto failures = backend.integer("max_consecutive_failures", 0, 1'000'000)) {
        config.maxConsecutiveFailures = static_cast<int>(*failures);
    }
    readTimeouts(backend.section("timeouts"), config);
    readRetries(backend.section("retries"), config);
}

ConfigIssue environmentIssue(ConfigIssue::Severity severity, std::string message) {
    return {severity, "environment", 0, 0, std::move(message), code::ConfigEnvironment, 0};
}

void readEnvironment(const EnvironmentLookup& environment, BackendConfig& config,
                     std::vector<ConfigIssue>& issues) {
    if (auto endpoint = environment("CLUE_ENDPOINT"); endpoint && isHttpUrl(*endpoint)) {
        config.endpoint = *endpoint;
    } else if (endpoint) {
        issues.push_back(environmentIssue(ConfigIssue::Severity::Error,
                                          "CLUE_ENDPOINT must be an http:// or https:// URL"));
    }
    if (auto model = environment("CLUE_MODEL")) {
        config.model = *model;
    }
    if (auto key = environment("CLUE_API_KEY")) {
        if (auto problem = apiKeyProblem(*key, "CLUE_API_KEY")) {
            issues.push_back(environmentIssue(ConfigIssue::Severity::Error, *problem));
        } else {
            config.apiKey = *key;
        }
    }
}

} // namespace

std::optional<std::string> apiKeyProblem(std::string_view key, const std::string& variable) {
    if (auto at = findControlCharacter(key)) {
        return variable + " holds a control character (at byte " + std::to_string(*at) +
               "): a line break in an API key would add HTTP headers; it is refused and nothing "
               "is sent";
    }
    return std::nullopt;
}

std::optional<std::string> BackendConfig::unsafeSetting() const {
    if (auto problem = apiKeyProblem(apiKey, "the API key")) {
        return problem;
    }
    if (findControlCharacter(endpoint) || findControlCharacter(model)) {
        return "the endpoint and the model name must not hold control characters";
    }
    return std::nullopt;
}

OpenAiBackendOptions BackendConfig::backendOptions() const {
    OpenAiBackendOptions options;
    options.endpoint = endpoint;
    options.model = model;
    options.apiKey = apiKey;
    options.topLogprobs = topLogprobs;
    return options;
}

HttpClientOptions BackendConfig::httpClientOptions() const {
    HttpClientOptions options;
    options.maxInFlight = static_cast<std::size_t>(concurrency);
    options.maxHostConnections = maxConnections;
    options.connectTimeout = connectTimeout;
    options.totalTimeout = requestTimeout;
    options.retry = retry;
    return options;
}

std::optional<std::string> BackendConfig::missingSetting() const {
    if (model.empty()) {
        return "no model is set: set backend.model in clue.yaml or CLUE_MODEL";
    }
    return std::nullopt;
}

EnvironmentLookup processEnvironment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr || *value == '\0') {
            return std::nullopt;
        }
        return std::string(value);
    };
}

BackendConfig loadBackendConfig(const ProjectConfig& project, const EnvironmentLookup& environment,
                                std::vector<ConfigIssue>& issues) {
    BackendConfig config;
    ConfigSection section(project.section(kBackendSection), std::string(kBackendSection),
                          project.file(), issues);
    readSection(section, config);
    readEnvironment(environment, config, issues);
    if (config.apiKey.empty() && !config.apiKeyEnv.empty()) {
        if (auto key = environment(config.apiKeyEnv)) {
            if (auto problem = apiKeyProblem(*key, config.apiKeyEnv)) {
                section.error("api_key_env", *problem);
            } else {
                config.apiKey = *key;
            }
        } else {
            section.warning("api_key_env", "names " + config.apiKeyEnv +
                                               ", which is not set: requests go without an API "
                                               "key");
        }
    }
    return config;
}

} // namespace clue::runtime
