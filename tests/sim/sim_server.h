// The HTTP front of the simulator: the OpenAI-compatible endpoints, the slot queue, faults and
// counters around a SimulatedModel.
#pragma once

#include "tests/sim/api_error.h"
#include "tests/sim/embedding_space.h"
#include "tests/sim/fault_injector.h"
#include "tests/sim/sim_stats.h"
#include "tests/sim/simulated_model.h"
#include "tests/sim/slot_scheduler.h"

#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace clue::sim {

class SimServer {
public:
    explicit SimServer(World world, std::size_t maxThreads = 4096);
    ~SimServer();
    SimServer(const SimServer&) = delete;
    SimServer& operator=(const SimServer&) = delete;

    // Binds `host`:`port` (0: a free port) and returns the bound port; throws std::runtime_error.
    int bind(const std::string& host, int port);
    // Serves until stop(); call after bind().
    void serve();
    // bind() then serve() on a thread of its own; returns the bound port.
    int start(const std::string& host, int port);
    // Thread-safe and idempotent: wakes queued and stalled requests, stops serving.
    void stop();

    const SimulatedModel& model() const { return model_; }

private:
    void route();
    void chatCompletions(const httplib::Request& req, httplib::Response& res);
    void embeddings(const httplib::Request& req, httplib::Response& res);
    void answer(const ChatRequest& request, const Prompt& prompt, httplib::Response& res);
    bool applyFault(const FaultRule& fault, httplib::Response& res);
    void sendError(const ApiError& error, httplib::Response& res);
    std::string completionId();
    std::string randomHex(const std::string& purpose);

    SimulatedModel model_;
    EmbeddingSpace space_;
    SlotScheduler slots_;
    FaultInjector faults_;
    SimStats stats_;
    httplib::Server http_;
    std::size_t maxThreads_;
    int listenSocket_ = -1;
    std::atomic<std::uint64_t> requestCounter_{0};
    std::thread thread_;
};

} // namespace clue::sim
