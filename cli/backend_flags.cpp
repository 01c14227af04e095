// Resolving model-server settings and the score cache flags for judge and calibrate.
#include "cli/backend_flags.h"
#include "cli/user_messages.h"

#include "cli/diagnostic_output.h"

#include <cstdlib>
#include <iostream>

namespace clue::cli {

namespace fs = std::filesystem;

void FailFastFlags::addOptions(CLI::App& command) {
    addPreflightOption(command);
    command
        .add_option("--max-consecutive-failures", maxConsecutiveFailures,
                    "Stop the run after this many consecutive model calls fail in a way no retry "
                    "can mend (no connection, a 4xx other than 408 and 429); 0 never stops "
                    "(default: backend.max_consecutive_failures, 10)")
        ->check(CLI::Range(0, 1'000'000));
}

void FailFastFlags::addPreflightOption(CLI::App& command) {
    command.add_flag("--no-preflight", noPreflight,
                     "Skip the check that the server answers GET {endpoint}/models and serves "
                     "the model (for servers without a model list)");
}

void FailFastFlags::applyTo(runtime::BackendConfig& config) const {
    config.preflight = !noPreflight;
    if (maxConsecutiveFailures >= 0) {
        config.maxConsecutiveFailures = maxConsecutiveFailures;
    }
}

void BackendFlags::addOptions(CLI::App& command) {
    addConfigOption(command, config);
    command.add_option("--endpoint", endpoint,
                       "API base of the OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 "
                       "(default: clue.yaml backend.endpoint, CLUE_ENDPOINT)");
    command.add_option("--model", model, "Model name (default: backend.model, CLUE_MODEL)");
    command.add_option("--api-key-env", apiKeyEnv,
                       "Environment variable holding the API key (default: CLUE_API_KEY, then "
                       "backend.api_key_env)");
    command
        .add_option("--concurrency", concurrency,
                    "Requests in flight to the server (default: backend.concurrency, 16)")
        ->check(CLI::Range(1, 1024));
}

std::optional<runtime::BackendConfig> resolveBackend(const BackendFlags& flags,
                                                     std::ostream& errors) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project = ProjectConfig::open(flags.config, issues);
    runtime::BackendConfig config =
        runtime::loadBackendConfig(project, runtime::processEnvironment(), issues);
    if (!flags.endpoint.empty()) {
        config.endpoint = flags.endpoint;
    }
    if (!flags.model.empty()) {
        config.model = flags.model;
    }
    if (flags.concurrency > 0) {
        config.concurrency = flags.concurrency;
    }
    flags.failFast.applyTo(config);
    if (!flags.apiKeyEnv.empty()) {
        const char* key = std::getenv(flags.apiKeyEnv.c_str());
        if (key == nullptr || *key == '\0') {
            issues.push_back({ConfigIssue::Severity::Error, "environment", 0, 0,
                              "--api-key-env names " + flags.apiKeyEnv + ", which is not set",
                              code::ConfigEnvironment, 0});
        } else if (auto problem = runtime::apiKeyProblem(key, flags.apiKeyEnv)) {
            issues.push_back({ConfigIssue::Severity::Error, "environment", 0, 0, *problem,
                              code::ConfigEnvironment, 0});
        } else {
            config.apiKey = key;
        }
    }
    printConfigIssues(issues, project, errors);
    if (auto missing = config.missingSetting()) {
        printError(errors, *missing + " (or pass --model)");
        return std::nullopt;
    }
    if (hasErrors(issues)) {
        return std::nullopt;
    }
    if (auto unsafe = config.unsafeSetting()) {
        errors << "clue: error: " << *unsafe << '\n';
        return std::nullopt;
    }
    return config;
}

void CacheFlags::addOptions(CLI::App& command) {
    command.add_option("--cache", path,
                       "Score cache file (SQLite; default: $XDG_CACHE_HOME/clue/scores.sqlite)");
    command.add_flag("--no-cache", disabled, "Neither read nor write the score cache");
}

std::optional<fs::path> CacheFlags::resolve() const {
    if (disabled) {
        return std::nullopt;
    }
    return path.empty() ? runtime::defaultCacheFile() : fs::path(path);
}

std::unique_ptr<runtime::AnswerStack> openAnswerStack(const runtime::BackendConfig& config,
                                                      const CacheFlags& cache, bool replay) {
    runtime::AnswerStackOptions options;
    options.backend = config;
    options.cacheFile = cache.resolve();
    options.replay = replay;
    options.warn = [](const std::string& warning) {
        printWarning(std::cerr, warning);
    };
    auto stack = runtime::AnswerStack::open(std::move(options));
    if (stack) {
        return std::move(stack.value());
    }
    if (stack.error().kind == runtime::AnswerStackError::Kind::ReplayWithoutCache) {
        std::cerr << "clue: error: --replay answers from the cache: it cannot go with --no-cache\n";
    } else {
        printError(std::cerr, stack.error().message);
    }
    return nullptr;
}

bool preflightPasses(const std::optional<runtime::BackendError>& problem) {
    if (problem) {
        std::cerr << "clue: error: " << problem->message
                  << " (nothing was asked; --no-preflight skips this check)\n";
        return false;
    }
    return true;
}

void reportStopped(const std::optional<runtime::BackendError>& stopped) {
    if (stopped) {
        std::cerr << "clue: error: " << stopped->message
                  << "; every later question failed unasked (--max-consecutive-failures)\n";
    }
}

} // namespace clue::cli
