// clue-sim: the simulated MLLM server for tests and benchmarks (`serve`) and the synthetic corpus
// generator (`gen`). It is a test component, not a model. See tests/sim/README.md.
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/sema/program_loader.h"
#include "tests/sim/corpus_writer.h"
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

struct GenFlags {
    std::string constitution;
    std::string out;
    clue::sim::CorpusOptions corpus;
};

int generate(const GenFlags& flags) {
    clue::SourceManager sources;
    clue::DiagnosticEngine diags;
    const std::unique_ptr<clue::Program> program =
        clue::loadProgram({flags.constitution}, sources, diags);
    if (!program) {
        clue::renderAll(diags, sources, clue::DiagnosticFormat::Text, std::cerr);
        return 1;
    }
    const clue::sim::ConstitutionModel model(*program);
    for (const std::string& rule : model.rulesWithoutFormula()) {
        std::cerr << "clue-sim: note: rule '" << rule
                  << "' has no `when` formula: it takes no part in the labels\n";
    }
    const clue::sim::CorpusSummary summary = clue::sim::writeCorpus(model, flags.corpus, flags.out);
    std::cout << "wrote " << summary.images << " images to " << flags.out << ": " << summary.unsafe
              << " unsafe, " << summary.images - summary.unsafe << " safe (of "
              << "which " << summary.borderline << " borderline)" << std::endl;
    return 0;
}

void addGen(CLI::App& app, GenFlags& flags, int& exitCode) {
    CLI::App* cmd = app.add_subcommand("gen", "Generate a synthetic corpus: images, world, labels");
    cmd->add_option("--constitution", flags.constitution, "Constitution file (.clue)")->required();
    cmd->add_option("--images", flags.corpus.images, "Number of images")
        ->required()
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--seed", flags.corpus.seed, "Seed of the corpus and of its world");
    cmd->add_option("--out", flags.out, "Output directory (new or empty)")->required();
    cmd->add_option("--unsafe", flags.corpus.unsafeShare, "Share of unsafe images (0.2)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--borderline", flags.corpus.borderlineShare,
                    "Share of borderline near misses (0.3)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--hard", flags.corpus.hardShare,
                    "Share of an image's asked statements made hard (0.1)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--size", flags.corpus.side, "Image side in pixels (32)")
        ->check(CLI::Range(8, 1024));
    cmd->add_option("--biased", flags.corpus.biasedShare,
                    "Share of statements with a strong language prior, 0.85 to 0.95 (0)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->add_option("--noisy", flags.corpus.noisyShare,
                    "Share of statements with noisy answers, noise 2.5 logits (0)")
        ->check(CLI::Range(0.0, 1.0));
    cmd->callback([&] {
        if (flags.corpus.unsafeShare + flags.corpus.borderlineShare > 1) {
            throw CLI::ValidationError("--unsafe and --borderline add up to more than 1");
        }
        if (flags.corpus.biasedShare + flags.corpus.noisyShare > 1) {
            throw CLI::ValidationError("--biased and --noisy add up to more than 1");
        }
        exitCode = generate(flags);
    });
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"clue-sim: a simulated MLLM server for clue's tests and benchmarks", "clue-sim"};
    app.require_subcommand(1);
    int exitCode = 0;
    ServeFlags serveFlags;
    addServe(app, serveFlags, exitCode);
    GenFlags genFlags;
    addGen(app, genFlags, exitCode);
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
