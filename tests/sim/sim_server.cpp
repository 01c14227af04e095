// Endpoints: POST /v1/chat/completions, POST /v1/embeddings (also at /embeddings, Infinity's
// default path), GET /v1/models, GET /health, GET /sim/stats,
// POST /sim/stats/reset. Every error answers an OpenAI-style body.
#include "tests/sim/sim_server.h"

#include "common/json_input.h"
#include "tests/sim/api_error.h"
#include "tests/sim/elastic_thread_pool.h"
#include "tests/sim/embedding_request.h"
#include "tests/sim/prompt_classifier.h"
#include "tests/sim/pseudo_tokenizer.h"
#include "tests/sim/response_builder.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace clue::sim {
namespace {

constexpr const char* jsonType = "application/json";
constexpr int listenBacklog = 4096; // the library's own backlog of 5 drops connection bursts
constexpr int deferAcceptSeconds = 30;
constexpr time_t keepAliveSeconds = 5; // as uvicorn, vLLM's HTTP server

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatMs(double ms) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << ms;
    return out.str();
}

ApiError shuttingDown() {
    return ApiError(503, "The server is shutting down.", "server_error");
}

ApiError serverError() {
    return ApiError(500, "The server had an error while processing your request.", "server_error");
}

// Sends the first half of `body` under the full Content-Length, then drops the connection.
void sendTruncated(std::string body, httplib::Response& res) {
    auto text = std::make_shared<std::string>(std::move(body));
    res.set_content_provider(text->size(), jsonType,
                             [text](std::size_t, std::size_t, httplib::DataSink& sink) {
                                 sink.write(text->data(), text->size() / 2);
                                 return false;
                             });
}

} // namespace

SimServer::SimServer(World world, std::size_t maxThreads)
    : model_(std::move(world)), space_(model_.world()), slots_(model_.world().latency.slots),
      faults_(model_.world()), maxThreads_(maxThreads) {
    route();
}

SimServer::~SimServer() {
    stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SimServer::route() {
    // httplib owns and deletes the task queue it gets from this factory.
    http_.new_task_queue = [this] {
        return new ElasticThreadPool(maxThreads_);
    };
    http_.set_keep_alive_max_count(100000);
    http_.set_keep_alive_timeout(keepAliveSeconds);
    // SO_REUSEADDR only: the library's default SO_REUSEPORT would let a second server share the
    // port silently. TCP_DEFER_ACCEPT hands over a connection once its request has arrived: the
    // library polls a connection until its first bytes come, and thousands of connections
    // polling at once starve the very clients that are to send them. TCP_NODELAY, which
    // accepted connections inherit: the library writes an answer's headers and body apart, and
    // with Nagle's algorithm the body waits for the client's delayed ACK (40 ms per answer).
    http_.set_socket_options([this](int sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        setsockopt(sock, IPPROTO_TCP, TCP_DEFER_ACCEPT, &deferAcceptSeconds,
                   sizeof deferAcceptSeconds);
        if (listenSocket_ < 0) {
            listenSocket_ = sock; // the first socket the server opens is the listening one
        }
    });
    http_.Post("/v1/chat/completions", [this](const httplib::Request& req, httplib::Response& res) {
        chatCompletions(req, res);
    });
    for (const char* path : {"/v1/embeddings", "/embeddings"}) {
        http_.Post(path, [this](const httplib::Request& req, httplib::Response& res) {
            embeddings(req, res);
        });
    }
    http_.Get("/v1/models", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(modelListBody(model_.world().model, unixNow()).dump(), jsonType);
    });
    http_.Get("/health", [](const httplib::Request&, httplib::Response& res) { res.status = 200; });
    http_.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(stats_.toJson(slots_.snapshot()).dump(2), jsonType);
    });
    http_.Post("/sim/stats/reset", [this](const httplib::Request&, httplib::Response& res) {
        stats_.reset();
        slots_.resetCounters();
        res.set_content(stats_.toJson(slots_.snapshot()).dump(2), jsonType);
    });
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty() && res.status == 404) {
            const ApiError error(404, "Unknown request URL: " + req.method + " " + req.path + ".",
                                 "invalid_request_error", std::nullopt, "unknown_url");
            res.set_content(error.body().dump(), jsonType);
        }
    });
    http_.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
            res.status = 500;
            res.set_content(serverError().body().dump(), jsonType);
        });
}

int SimServer::bind(const std::string& host, int port) {
    const int bound =
        port == 0 ? http_.bind_to_any_port(host) : (http_.bind_to_port(host, port) ? port : -1);
    if (bound <= 0 || listenSocket_ < 0) {
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port));
    }
    ::listen(listenSocket_, listenBacklog); // on Linux, listening again sets the backlog
    return bound;
}

void SimServer::serve() {
    http_.listen_after_bind();
}

int SimServer::start(const std::string& host, int port) {
    const int bound = bind(host, port);
    thread_ = std::thread([this] { serve(); });
    while (!http_.is_running()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return bound;
}

void SimServer::stop() {
    slots_.stop();
    http_.stop();
}

// 32 hex digits, like vLLM's random ids; unique within a run.
std::string SimServer::randomHex(const std::string& purpose) {
    const KeyedRandom random(model_.world().seed);
    const std::string n = std::to_string(requestCounter_++);
    std::ostringstream id;
    id << std::hex << std::setfill('0') << std::setw(16) << random.bits({purpose, n, "a"})
       << std::setw(16) << random.bits({purpose, n, "b"});
    return id.str();
}

std::string SimServer::completionId() {
    return "chatcmpl-" + randomHex("id");
}

void SimServer::sendError(const ApiError& error, httplib::Response& res) {
    res.status = error.status();
    res.set_content(error.body().dump(), jsonType);
    stats_.recordStatus(error.status());
}

void SimServer::chatCompletions(const httplib::Request& req, httplib::Response& res) {
    try {
        // Strict, as clue's own readers are: a key twice is refused, not resolved.
        const auto body = tryParseJsonInput(req.body);
        if (!body) {
            throw ApiError::invalid("We could not parse the JSON body of your request.");
        }
        const ChatRequest request = parseChatRequest(*body);
        const std::string& model = model_.world().model;
        if (!request.model.empty() && request.model != model) {
            throw ApiError(404, "The model `" + request.model + "` does not exist.",
                           "invalid_request_error", "model", "model_not_found");
        }
        answer(request, classifyPrompt(request), res);
    } catch (const ApiError& error) {
        stats_.recordInvalid(); // malformed, or for another model
        sendError(error, res);
    }
}

bool SimServer::applyFault(const FaultRule& fault, httplib::Response& res) {
    stats_.recordFault(fault.kind);
    if (fault.kind == FaultKind::Http500) {
        sendError(
            ApiError(500, "The server had an error while processing your request.", "server_error"),
            res);
        return true;
    }
    if (fault.kind == FaultKind::Http429) {
        res.set_header("Retry-After", std::to_string(fault.retryAfterSeconds));
        sendError(ApiError(429, "Rate limit reached for requests. Please try again later.",
                           "requests", std::nullopt, "rate_limit_exceeded"),
                  res);
        return true;
    }
    if (fault.kind == FaultKind::Stall && !slots_.hold(fault.stallMs)) {
        sendError(shuttingDown(), res);
        return true;
    }
    return false;
}

void SimServer::answer(const ChatRequest& request, const Prompt& prompt, httplib::Response& res) {
    const FaultRule* fault = faults_.decide(prompt);
    const SeenImage image = model_.see(request);
    stats_.recordRequest(prompt, request.hasImage(), request.hasImage() && image.facts == nullptr,
                         image.perturbed());
    if (fault != nullptr && applyFault(*fault, res)) {
        return;
    }
    const std::optional<double> waited = slots_.acquire();
    if (!waited) {
        sendError(shuttingDown(), res);
        return;
    }
    SlotGuard slot(slots_);
    const Completion completion = model_.complete(request, prompt);
    const LatencyModel& latency = model_.world().latency;
    if (!slots_.hold(latency.baseMs + latency.perTokenMs * completion.completionTokens())) {
        sendError(shuttingDown(), res);
        return;
    }
    stats_.recordTokens(completion.promptTokens, completion.completionTokens());
    const bool dropLogprobs = fault != nullptr && fault->kind == FaultKind::NoLogprobs;
    const ResponseOptions options{completionId(), model_.world().model, unixNow(),
                                  request.logprobs && !dropLogprobs, request.topLogprobs};
    res.set_header("X-Sim-Queue-Ms", formatMs(*waited));
    stats_.recordStatus(200);
    std::string body = completionBody(completion, options).dump();
    if (fault != nullptr && fault->kind == FaultKind::Truncate) {
        sendTruncated(std::move(body), res);
    } else {
        res.set_content(body, jsonType);
    }
}

void SimServer::embeddings(const httplib::Request& req, httplib::Response& res) {
    try {
        const auto body = tryParseJsonInput(req.body);
        if (!body) {
            throw ApiError::invalid("We could not parse the JSON body of your request.");
        }
        const EmbeddingRequest request = parseEmbeddingRequest(*body);
        const std::string& model = model_.world().embeddings.model;
        if (!request.model.empty() && request.model != model) {
            throw ApiError(404, "The model `" + request.model + "` does not exist.",
                           "invalid_request_error", "model", "model_not_found");
        }
        std::vector<std::vector<float>> vectors;
        std::size_t unknown = 0;
        int tokens = 0;
        for (const std::string& text : request.texts) {
            vectors.push_back(space_.text(text));
            tokens += countPseudoTokens(text);
        }
        for (const std::string& bytes : request.images) {
            const SeenImage seen = model_.see(bytes);
            unknown += seen.facts == nullptr ? 1 : 0;
            vectors.push_back(space_.image(seen.facts));
            tokens += model_.world().imageTokens;
        }
        stats_.recordEmbeddings(request.texts.size(), request.images.size(), unknown);
        const EmbeddingsOptions options{randomHex("embd"),    model,         unixNow(), tokens,
                                        request.infinityForm, request.base64};
        stats_.recordStatus(200);
        res.set_content(embeddingsBody(vectors, options).dump(), jsonType);
    } catch (const ApiError& error) {
        stats_.recordInvalid();
        sendError(error, res);
    }
}

} // namespace clue::sim
