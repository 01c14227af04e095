// What the end-to-end tests of `clue serve` share: a corpus that `clue-sim gen` writes for
// stdlib-rules/os-bench.clue with its -O2 and -O0 plans, the simulator and the server as child
// processes, an HTTP client, and a check of every response against docs/serve.openapi.json.
#pragma once

#include "tests/runtime/temp_dir.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/listening_process.h"
#include "tests/sim/testing/sim_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clue::serve::e2e {

using nlohmann::json;
using sim::testing::HttpResponse;

struct ServeCorpus {
    test::TempDir dir;
    std::filesystem::path world;
    std::filesystem::path plan;      // -O2
    std::filesystem::path naivePlan; // -O0: another plan of the same constitution
    std::vector<std::filesystem::path> images;
};

// Made once for the whole test binary; null (after a failed assertion) when it could not be.
const ServeCorpus* corpus();

std::string readText(const std::filesystem::path& path);

class ServeTest : public ::testing::Test {
protected:
    void SetUp() override;
    // Every response recorded by call() must match the OpenAPI document.
    void TearDown() override;

    // The simulator on the corpus's world, each call taking `latencyMs`, `slots` at once.
    void startSim(double latencyMs = 0, int slots = 16);
    // `clue serve` on dir_/plan.json (a copy of the -O2 plan) and the simulator, with `extra`.
    void startServe(const std::vector<std::string>& extra = {},
                    const std::map<std::string, std::string>& env = {});

    // One request to the server; `headers` add to bearer_. Recorded for the OpenAPI check unless
    // `inSpec` is false (a deliberately unknown route or method).
    HttpResponse call(const std::string& method, const std::string& route,
                      const std::string& body = "", std::vector<std::string> headers = {},
                      bool inSpec = true, long timeoutMs = 30000);
    HttpResponse judgeRaw(const std::filesystem::path& image);
    // Records a response got some other way (concurrent calls).
    void record(const std::string& method, const std::string& route, const HttpResponse& r);
    std::vector<HttpResponse> judgeAll(const std::vector<std::filesystem::path>& images,
                                       long timeoutMs = 30000);

    // The value of `series` (exactly as written, labels included) in /metrics; 0 when absent.
    double metric(const std::string& series);
    std::string planId();
    std::string serveLog() const { return readText(dir_ / "serve.log"); }
    static bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 10000);

    test::TempDir dir_;
    std::unique_ptr<sim::testing::SimProcess> sim_;
    std::unique_ptr<sim::testing::ListeningProcess> serve_;
    std::string model_ = "clue-sim";  // the --model startServe passes
    std::vector<std::string> bearer_; // header lines sent with every call
    std::vector<json> recorded_;
};

} // namespace clue::serve::e2e
