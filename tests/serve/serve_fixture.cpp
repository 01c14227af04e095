// The shared corpus, the processes and the OpenAPI check of the end-to-end tests.
#include "tests/serve/serve_fixture.h"

#include "tests/judge/sim_world.h"
#include "tests/judge/subprocess.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>

namespace clue::serve::e2e {
namespace {

constexpr int kImages = 16;

std::unique_ptr<ServeCorpus> makeCorpus() {
    auto made = std::make_unique<ServeCorpus>();
    const auto& dir = made->dir.path();
    std::string output;
    if (sim::testing::runSim({"gen", "--constitution", CLUE_OS_BENCH, "--images",
                              std::to_string(kImages), "--seed", "5", "--out",
                              (dir / "corpus").string()},
                             output) != 0) {
        ADD_FAILURE() << output;
        return nullptr;
    }
    for (const char* level : {"-O2", "-O0"}) {
        auto r = test::runProcess({CLUE_BINARY, "compile", CLUE_OS_BENCH, level, "-o",
                                   (dir / (std::string(level) + ".json")).string()});
        if (r.exitCode != 0) {
            ADD_FAILURE() << r.err;
            return nullptr;
        }
    }
    made->world = dir / "corpus" / "world.yaml";
    made->plan = dir / "-O2.json";
    made->naivePlan = dir / "-O0.json";
    for (int i = 1; i <= kImages; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%05d.png", i);
        made->images.push_back(dir / "corpus" / "images" / name);
    }
    return made;
}

json parsedBody(const HttpResponse& r) {
    const auto type = r.headers.find("content-type");
    if (type != r.headers.end() && type->second.rfind("application/json", 0) == 0) {
        return json::parse(r.body, nullptr, false);
    }
    return r.body;
}

} // namespace

const ServeCorpus* corpus() {
    static std::unique_ptr<ServeCorpus> made = makeCorpus();
    return made.get();
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void ServeTest::SetUp() {
    ASSERT_NE(corpus(), nullptr) << "the corpus could not be made";
    // Fast retries, so that a model that is down fails an image in well under a second.
    dir_.write("clue.yaml", "backend:\n"
                            "  timeouts: {request_s: 10}\n"
                            "  retries: {max_attempts: 2, backoff_base_ms: 1, backoff_max_ms: 5, "
                            "retry_after_cap_s: 0.01}\n");
    std::filesystem::copy_file(corpus()->plan, dir_ / "plan.json");
}

void ServeTest::TearDown() {
    if (recorded_.empty()) {
        return;
    }
    std::string lines;
    for (const json& response : recorded_) {
        lines += response.dump() + "\n";
    }
    const auto file = dir_.write("responses.jsonl", lines);
    const std::string command = std::string("/usr/bin/python3 '") + CLUE_VALIDATE_OPENAPI + "' '" +
                                CLUE_OPENAPI + "' '" + file.string() + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        output += buffer;
    }
    const int status = pclose(pipe);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "responses that do not match docs/serve.openapi.json:\n"
        << output;
}

void ServeTest::startSim(double latencyMs, int slots) {
    auto world = test::SimWorld::load(corpus()->world);
    world.setLatency(latencyMs, slots);
    world.save(dir_ / "world.yaml");
    sim_ = std::make_unique<sim::testing::SimProcess>((dir_ / "world.yaml").string());
}

void ServeTest::startServe(const std::vector<std::string>& extra,
                           const std::map<std::string, std::string>& env) {
    sim::testing::ProcessSpec spec;
    spec.argv = {CLUE_BINARY,  "serve",          "plan.json", "--listen", "127.0.0.1:0",
                 "--endpoint", sim_->url("/v1"), "--model",   model_,     "--no-cache"};
    spec.argv.insert(spec.argv.end(), extra.begin(), extra.end());
    if (std::find(extra.begin(), extra.end(), "--probe-interval") == extra.end()) {
        spec.argv.insert(spec.argv.end(), {"--probe-interval", "3600"}); // one probe, at start
    }
    spec.env = {
        {"CLUE_MODEL", ""}, {"CLUE_ENDPOINT", ""}, {"CLUE_API_KEY", ""}, {"CLUE_SERVE_TOKENS", ""}};
    for (const auto& [name, value] : env) {
        spec.env[name] = value;
    }
    spec.cwd = dir_.path().string();
    spec.stderrPath = (dir_ / "serve.log").string();
    try {
        serve_ = std::make_unique<sim::testing::ListeningProcess>(spec);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + "\n" + serveLog());
    }
}

void ServeTest::record(const std::string& method, const std::string& route, const HttpResponse& r) {
    ASSERT_EQ(r.curlCode, 0) << method << " " << route << ": no response";
    const auto type = r.headers.find("content-type");
    recorded_.push_back({{"path", route.substr(0, route.find('?'))},
                         {"method", method},
                         {"status", r.status},
                         {"content_type", type == r.headers.end() ? "" : type->second},
                         {"body", parsedBody(r)}});
}

HttpResponse ServeTest::call(const std::string& method, const std::string& route,
                             const std::string& body, std::vector<std::string> headers, bool inSpec,
                             long timeoutMs) {
    headers.insert(headers.end(), bearer_.begin(), bearer_.end());
    HttpResponse r = sim::testing::httpSend({method, serve_->url(route), body, headers, timeoutMs});
    if (inSpec) {
        record(method, route, r);
    }
    return r;
}

HttpResponse ServeTest::judgeRaw(const std::filesystem::path& image) {
    return call("POST", "/v1/judge", readText(image), {"Content-Type: image/png"});
}

std::vector<HttpResponse> ServeTest::judgeAll(const std::vector<std::filesystem::path>& images,
                                              long timeoutMs) {
    std::vector<sim::testing::HttpCall> calls;
    for (const auto& image : images) {
        std::vector<std::string> headers = bearer_;
        headers.push_back("Content-Type: image/png");
        calls.push_back({"POST", serve_->url("/v1/judge"), readText(image), headers, timeoutMs});
    }
    auto responses = sim::testing::httpSendAll(calls);
    for (const HttpResponse& r : responses) {
        record("POST", "/v1/judge", r);
    }
    return responses;
}

double ServeTest::metric(const std::string& series) {
    const HttpResponse r = call("GET", "/metrics");
    std::istringstream lines(r.body);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() > series.size() && line.compare(0, series.size(), series) == 0 &&
            line[series.size()] == ' ') {
            return std::stod(line.substr(series.size() + 1));
        }
    }
    return 0;
}

std::string ServeTest::planId() {
    const HttpResponse r = call("GET", "/v1/plan");
    return json::parse(r.body).value("id", "");
}

bool ServeTest::waitUntil(const std::function<bool()>& condition, int timeoutMs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

} // namespace clue::serve::e2e
