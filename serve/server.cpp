// The server's life: start, serve, reload, drain, stop.
#include "serve/server.h"

#include "serve/api.h"
#include "serve/file_signature.h"
#include "serve/http_listener.h"

#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include <fmt/format.h>

#include <csignal>
#include <ostream>
#include <thread>

namespace clue::serve {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Everything of a running server. The asio objects live in unique_ptrs so that teardown() can
// destroy them, and then the io_context with the sessions it still holds, while the rest is
// alive.
struct ServerState final : SessionHost {
    ServerState(ServeOptions serveOptions, std::unique_ptr<runtime::AnswerStack> stack,
                std::ostream& output, std::ostream& logStream);
    ~ServerState() override { teardown(); }

    // SessionHost
    Api& api() override { return *api_; }
    ServerMetrics& metrics() override { return metrics_; }
    const ServeOptions& options() const override { return options_; }
    bool draining() const override { return draining_; }
    void requestStarted() override { ++requests_; }
    void requestEnded() override { --requests_; }
    bool reserveBytes(std::size_t bytes) override;
    void releaseBytes(std::size_t bytes) override { buffered_ -= bytes; }
    void sessionClosed() override;

    int run();
    bool setUp();
    std::optional<tcp::endpoint> endpoint();
    void runThreads();
    void awaitSignal();
    void probeTick();
    void watchTick();
    void beginDrain();
    void checkDrained();
    void finish(int code);
    void teardown();

    ServeOptions options_;
    std::unique_ptr<runtime::AnswerStack> answers_;
    std::ostream& out_;
    ServerLog log_;
    std::unique_ptr<net::io_context> io_;
    std::shared_ptr<JudgeQueue> queue_;
    std::shared_ptr<ModelProbe> probe_;
    std::atomic<std::size_t> connections_{0};
    std::atomic<std::size_t> requests_{0};
    std::atomic<std::size_t> buffered_{0};
    ServerMetrics metrics_;
    PlanStore plans_;
    PlanReloader reloader_;
    std::unique_ptr<DecisionLog> decisions_;
    std::unique_ptr<Api> api_;
    std::shared_ptr<HttpListener> listener_;
    std::unique_ptr<net::signal_set> signals_;
    std::unique_ptr<net::steady_timer> probeTimer_, watchTimer_, drainTimer_;
    std::optional<FileSignature> watched_;
    std::mutex sessionsMutex_;
    std::vector<std::weak_ptr<HttpSession>> sessions_;
    std::atomic<bool> draining_{false};
    std::atomic<bool> stopping_{false};
    int exitCode_ = 0;
};

ServerState::ServerState(ServeOptions serveOptions, std::unique_ptr<runtime::AnswerStack> stack,
                         std::ostream& output, std::ostream& logStream)
    : options_(std::move(serveOptions)), answers_(std::move(stack)), out_(output), log_(logStream),
      io_(std::make_unique<net::io_context>(options_.threads)),
      queue_(std::make_shared<JudgeQueue>(
          QueueLimits{options_.imagesInFlight, options_.queuedImages, options_.ask},
          [io = io_.get()](std::function<void()> task) { net::post(*io, std::move(task)); })),
      probe_(std::make_shared<ModelProbe>(
          *answers_,
          [this](bool up, const std::string& problem) {
              up ? log_.info("the model server answers")
                 : log_.warning("the model server does not answer: " + problem);
          })),
      metrics_(LiveGauges{[this] { return double(queue_->waiting()); },
                          [this] { return double(queue_->running()); },
                          [this] { return double(requests_.load()); },
                          [this] { return double(connections_.load()); },
                          [this] {
                              return probe_->up() ? 1.0 : 0.0;
                          }}),
      plans_(*answers_, options_.judge, options_.allowEmpty),
      reloader_(plans_, metrics_, log_, answers_->backend().model) {}

int ServerState::run() {
    if (!setUp()) {
        return 2;
    }
    runThreads();
    teardown();
    return exitCode_;
}

bool ServerState::setUp() {
    if (options_.decisionLog) {
        auto opened = DecisionLog::open(options_.decisionLog->string());
        if (!opened) {
            log_.error(opened.error());
            return false;
        }
        decisions_ = std::move(opened).value();
    }
    watched_ = fileSignature(options_.planFile);
    if (!reloader_.fromFile(options_.planFile, "start")) {
        return false;
    }
    api_ = std::make_unique<Api>(ApiParts{options_, plans_, reloader_, queue_, metrics_,
                                          decisions_.get(), probe_, log_, *io_});
    auto address = endpoint();
    if (!address) {
        return false;
    }
    listener_ = std::make_shared<HttpListener>(
        *io_, *this, [this] { return ++connections_ <= options_.maxConnections; },
        [this](const std::shared_ptr<HttpSession>& session) {
            std::lock_guard lock(sessionsMutex_);
            std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
            sessions_.push_back(session);
        });
    if (auto problem = listener_->open(*address)) {
        log_.error(*problem);
        return false;
    }
    const tcp::endpoint local = listener_->local();
    const ListenAddress bound{local.address().to_string(), local.port()};
    out_ << "listening on " << bound.text() << std::endl;
    log_.info(fmt::format("listening on {} ({} HTTP threads, {} images in flight, {} queued, "
                          "deadline {} ms{})",
                          bound.text(), options_.threads, options_.imagesInFlight,
                          options_.queuedImages, options_.timeout.count(),
                          options_.tokens.empty() ? ", no authentication" : ""));
    if (options_.tokens.empty() && !options_.listen.loopback()) {
        log_.warning("listening beyond this machine without --auth-tokens: anyone who can "
                     "connect can judge images and read the metrics");
    }
    signals_ = std::make_unique<net::signal_set>(*io_, SIGTERM, SIGINT, SIGHUP);
    probeTimer_ = std::make_unique<net::steady_timer>(*io_);
    watchTimer_ = std::make_unique<net::steady_timer>(*io_);
    drainTimer_ = std::make_unique<net::steady_timer>(*io_);
    awaitSignal();
    probeTick();
    if (options_.watch) {
        watchTick();
    }
    listener_->start();
    return true;
}

std::optional<tcp::endpoint> ServerState::endpoint() {
    tcp::resolver resolver(*io_);
    boost::system::error_code ec;
    auto found = resolver.resolve(options_.listen.host, std::to_string(options_.listen.port),
                                  tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || found.empty()) {
        log_.error(fmt::format("cannot listen on {}: {}", options_.listen.text(),
                               ec ? ec.message() : "no address"));
        return std::nullopt;
    }
    return found.begin()->endpoint();
}

void ServerState::runThreads() {
    auto work = [this] {
        while (true) {
            try {
                io_->run();
                return;
            } catch (const std::exception& e) {
                log_.error(std::string("unexpected error in a request handler: ") + e.what());
            }
        }
    };
    std::vector<std::thread> threads;
    for (int i = 1; i < options_.threads; ++i) {
        threads.emplace_back(work);
    }
    work();
    for (std::thread& thread : threads) {
        thread.join();
    }
}

void ServerState::awaitSignal() {
    signals_->async_wait([this](boost::system::error_code ec, int signal) {
        if (ec) {
            return;
        }
        if (signal == SIGHUP) {
            reloader_.fromFile(options_.planFile, "SIGHUP");
        } else if (draining_) {
            log_.warning("second stop signal: stopping now");
            finish(1);
            return;
        } else {
            beginDrain();
        }
        awaitSignal();
    });
}

void ServerState::probeTick() {
    probe_->probe(*plans_.current());
    probeTimer_->expires_after(options_.probeInterval);
    probeTimer_->async_wait([this](boost::system::error_code ec) {
        if (!ec) {
            probeTick();
        }
    });
}

void ServerState::watchTick() {
    auto now = fileSignature(options_.planFile);
    if (now && now != watched_) {
        watched_ = now; // read before the file, so a write during the load is seen next time
        reloader_.fromFile(options_.planFile, "file change");
    }
    watchTimer_->expires_after(options_.watchInterval);
    watchTimer_->async_wait([this](boost::system::error_code ec) {
        if (!ec) {
            watchTick();
        }
    });
}

void ServerState::beginDrain() {
    log_.info(fmt::format("draining: {} requests in flight, {} connections open", requests_.load(),
                          connections_.load()));
    draining_ = true;
    api_->drain();
    queue_->drain();
    listener_->stop();
    probeTimer_->cancel();
    watchTimer_->cancel();
    {
        std::lock_guard lock(sessionsMutex_);
        for (const auto& weak : sessions_) {
            if (auto session = weak.lock()) {
                session->closeIfIdle();
            }
        }
    }
    // Every admitted request ends by its deadline; writes end by the read timeout.
    drainTimer_->expires_after(options_.timeout + options_.readTimeout + std::chrono::seconds(5));
    drainTimer_->async_wait([this](boost::system::error_code ec) {
        if (!ec) {
            log_.error(fmt::format("drain limit reached with {} requests unanswered: stopping",
                                   requests_.load()));
            finish(1);
        }
    });
    checkDrained();
}

bool ServerState::reserveBytes(std::size_t bytes) {
    std::size_t now = buffered_.load();
    do {
        if (now + bytes > options_.maxBufferedBytes) {
            return false;
        }
    } while (!buffered_.compare_exchange_weak(now, now + bytes));
    return true;
}

void ServerState::sessionClosed() {
    --connections_;
    if (draining_ && !stopping_) {
        net::post(*io_, [this] { checkDrained(); });
    }
}

void ServerState::checkDrained() {
    if (draining_ && connections_ == 0) {
        log_.info("drained: every request answered");
        finish(0);
    }
}

void ServerState::finish(int code) {
    if (stopping_.exchange(true)) {
        return;
    }
    exitCode_ = code;
    io_->stop();
}

void ServerState::teardown() {
    stopping_ = true;
    // The model client first: judgments still asking end now, and their replies are posted to
    // the io_context, which still exists; then the asio objects, then the io_context and the
    // sessions it holds.
    answers_.reset();
    signals_.reset();
    probeTimer_.reset();
    watchTimer_.reset();
    drainTimer_.reset();
    listener_.reset();
    io_.reset();
}

Server::Server(ServeOptions options, std::unique_ptr<runtime::AnswerStack> answers,
               std::ostream& out, std::ostream& log)
    : state_(std::make_unique<ServerState>(std::move(options), std::move(answers), out, log)) {}

Server::~Server() = default;

int Server::run() {
    return state_->run();
}

} // namespace clue::serve
