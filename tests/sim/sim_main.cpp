// clue-sim: the simulated MLLM server for tests and benchmarks (`serve`) and the synthetic corpus
// generator (`gen`). It is a test component, not a model. See tests/sim/README.md.
#include "tests/sim/sim_server.h"
#include "tests/sim/world_loader.h"

#include <CLI/CLI.hpp>

#include <pthread.h>
#include <sys/resource.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>

namespace {

constexpr int stopGraceMs = 1500;

struct ServeFlags {
    std::string world;
    std::string host = "127.0.0.1";
    int port = 0;
    std::size_t threads = 4096;
};

// Thousands of concurrent connections need as many descriptors as the hard limit allows.
void raiseDescriptorLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// SIGTERM and SIGINT are blocked in every thread and taken by one waiter, which stops the server.
sigset_t blockStopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

int serve(const ServeFlags& flags) {
    const sigset_t signals = blockStopSignals();
    raiseDescriptorLimit();
    clue::sim::SimServer server(clue::sim::loadWorldFile(flags.world), flags.threads);
    const int port = server.bind(flags.host, flags.port);
    std::cout << "listening on " << flags.host << ":" << port << std::endl;
    std::thread([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop(); // queued and stalled requests get 503 at once
        // Connections idle in keep-alive are only closed when their wait times out (5 s): do not
        // wait for them.
        std::this_thread::sleep_for(std::chrono::milliseconds(stopGraceMs));
        std::cout.flush();
        std::_Exit(0);
    }).detach();
    server.serve();
    return 0;
}

void addServe(CLI::App& app, ServeFlags& flags, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("serve", "Serve the OpenAI-compatible chat API");
    cmd->add_option("--world", flags.world, "World file (YAML)")->required();
    cmd->add_option("--host", flags.host, "Address to bind (default: loopback)");
    cmd->add_option("--port", flags.port, "Port to bind; 0 picks a free one")
        ->check(CLI::Range(0, 65535));
    cmd->add_option("--threads", flags.threads, "Most connections served at once")
        ->check(CLI::Range(16, 65536));
    cmd->callback([&] { exitCode = serve(flags); });
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"clue-sim: a simulated MLLM server for clue's tests and benchmarks", "clue-sim"};
    app.require_subcommand(1);
    int exitCode = 0;
    ServeFlags serveFlags;
    addServe(app, serveFlags, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "clue-sim: error: " << e.what() << '\n';
        return 2;
    }
    return exitCode;
}
