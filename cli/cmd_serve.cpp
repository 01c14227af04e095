// `clue serve PLAN --listen HOST:PORT`: judges images sent over HTTP against a plan, with hot
// reload, limits, metrics and a graceful stop (docs/cli/serve.md). This file maps flags to
// serve::ServeOptions; the server is in serve/.
#include "cli/ask_flags.h"
#include "cli/backend_flags.h"
#include "cli/commands.h"
#include "serve/server.h"

#include <cmath>
#include <cstdlib>
#include <iostream>

namespace clue::cli {
namespace {

struct ServeFlags {
    std::string plan;
    std::string listen = "127.0.0.1:8080";
    std::string authTokens;
    double timeoutSeconds = 30;
    double probeSeconds = 10;
    std::size_t maxBodyBytes = 20u << 20;
    std::uint64_t maxImageBytes = runtime::ImageLimits{}.maxBytes;
    std::size_t maxBatch = 16;
    std::size_t imagesInFlight = 0;
    std::size_t queue = 0;
    std::size_t maxConnections = 1024;
    std::size_t maxBufferedBytes = std::size_t(1) << 30;
    int threads = 2;
    AskFlags ask;
    bool watch = false;
    bool allowEmpty = false;
    bool replay = false;
    std::string decisionLog;
    BackendFlags backend;
    CacheFlags cache;
};

std::chrono::milliseconds millis(double seconds) {
    return std::chrono::milliseconds(std::llround(seconds * 1000));
}

// The tokens of --auth-tokens and CLUE_SERVE_TOKENS; false after printing a problem.
bool loadTokens(const ServeFlags& flags, serve::TokenSet& tokens) {
    std::optional<std::string> problem;
    if (!flags.authTokens.empty()) {
        problem = tokens.addFile(flags.authTokens);
    }
    if (const char* env = std::getenv("CLUE_SERVE_TOKENS"); !problem && env != nullptr) {
        problem = tokens.add(env, "CLUE_SERVE_TOKENS");
    }
    if (!problem && !flags.authTokens.empty() && tokens.empty()) {
        problem = flags.authTokens + ": the token file holds no token";
    }
    if (problem) {
        std::cerr << "clue: error: " << *problem << '\n';
        return false;
    }
    return true;
}

std::optional<serve::ServeOptions> serveOptions(const ServeFlags& flags, int concurrency) {
    serve::ServeOptions options;
    options.planFile = flags.plan;
    auto listen = serve::parseListenAddress(flags.listen);
    if (!listen) {
        std::cerr << "clue: error: --listen " << flags.listen
                  << ": expected HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080\n";
        return std::nullopt;
    }
    options.listen = *listen;
    options.threads = flags.threads;
    options.maxBodyBytes = flags.maxBodyBytes;
    options.imageLimits.maxBytes = flags.maxImageBytes;
    options.maxBatchImages = flags.maxBatch;
    options.imagesInFlight =
        flags.imagesInFlight > 0 ? flags.imagesInFlight : 2 * std::size_t(concurrency);
    options.queuedImages = flags.queue > 0 ? flags.queue : 4 * options.imagesInFlight;
    options.maxConnections = flags.maxConnections;
    options.maxBufferedBytes = flags.maxBufferedBytes;
    options.ask = flags.ask.policy();
    options.timeout = millis(flags.timeoutSeconds);
    options.probeInterval = millis(flags.probeSeconds);
    options.watch = flags.watch;
    options.allowEmpty = flags.allowEmpty;
    if (!flags.decisionLog.empty()) {
        options.decisionLog = flags.decisionLog;
    }
    if (!loadTokens(flags, options.tokens)) {
        return std::nullopt;
    }
    if (auto problem = serve::checkOptions(options)) {
        std::cerr << "clue: error: " << *problem << '\n';
        return std::nullopt;
    }
    return options;
}

int runServe(const ServeFlags& flags) {
    auto config = resolveBackend(flags.backend, std::cerr);
    if (!config) {
        return ExitUsage;
    }
    // A server outlives its backend's outages: /readyz reports them, and no circuit breaker may
    // stop its calls for good.
    config->maxConsecutiveFailures = 0;
    auto options = serveOptions(flags, config->concurrency);
    if (!options) {
        return ExitUsage;
    }
    auto answers = openAnswerStack(*config, flags.cache, flags.replay);
    if (!answers) {
        return ExitUsage;
    }
    serve::Server server(std::move(*options), std::move(answers), std::cout, std::cerr);
    return server.run();
}

void addLimitOptions(CLI::App& command, ServeFlags& f) {
    command
        .add_option("--max-body-bytes", f.maxBodyBytes,
                    "Larger request bodies are refused with 413 (default: 20 MiB)")
        ->check(CLI::PositiveNumber);
    command
        .add_option("--max-image-bytes", f.maxImageBytes,
                    "Larger images are answered as errors (default: 20 MiB)")
        ->check(CLI::PositiveNumber);
    command.add_option("--max-batch", f.maxBatch, "Images in one /v1/judge/batch request (16)")
        ->check(CLI::Range(1, 10000));
    command
        .add_option("--images-in-flight", f.imagesInFlight,
                    "Images judged at once (default: twice --concurrency)")
        ->check(CLI::Range(1, 100000));
    command
        .add_option("--queue", f.queue,
                    "Images admitted to wait for a slot; beyond, 429 (default: 4 x "
                    "--images-in-flight)")
        ->check(CLI::Range(1, 1000000));
    command
        .add_option("--max-connections", f.maxConnections,
                    "Client connections open at once; beyond, 429 (1024)")
        ->check(CLI::Range(1, 100000));
    command
        .add_option("--max-buffered-bytes", f.maxBufferedBytes,
                    "Request data held in memory at once; beyond, 429 (default: 1 GiB)")
        ->check(CLI::PositiveNumber);
    command
        .add_option("--timeout", f.timeoutSeconds,
                    "Seconds a request may take; unjudged images then answer `error` (30)")
        ->check(CLI::Range(0.001, 86400.0));
}

} // namespace

void addServeCommand(CLI::App& app, RunState& state) {
    auto f = std::make_shared<ServeFlags>();
    CLI::App* command =
        app.add_subcommand("serve", "Serve a plan over HTTP: judge images sent to it, with hot "
                                    "reload, limits and metrics");
    command->add_option("plan", f->plan, "The plan (clue compile's output)")->required();
    command->add_option("--listen", f->listen,
                        "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free one)");
    f->backend.addOptions(*command);
    f->backend.failFast.addPreflightOption(*command);
    f->cache.addOptions(*command);
    command->add_flag("--replay", f->replay,
                      "Answer from the cache only, without a server; a miss is an error");
    command->add_option("--auth-tokens", f->authTokens,
                        "File of bearer tokens, one per line (also CLUE_SERVE_TOKENS); without "
                        "one, no authentication");
    addLimitOptions(*command, *f);
    command->add_option("--threads", f->threads, "HTTP threads (2)")->check(CLI::Range(1, 256));
    f->ask.addOptions(*command);
    command
        ->add_option("--probe-interval", f->probeSeconds,
                     "Seconds between readiness probes of the model server (10)")
        ->check(CLI::Range(0.1, 86400.0));
    command->add_flag("--watch", f->watch, "Reload the plan when its file changes");
    command->add_flag("--allow-empty", f->allowEmpty,
                      "Serve a plan of no rules, which calls every image safe");
    command->add_option("--decision-log", f->decisionLog,
                        "Append one JSON line per judging request to this file");
    command->callback([f, &state] { state.exitCode = runServe(*f); });
}

} // namespace clue::cli
