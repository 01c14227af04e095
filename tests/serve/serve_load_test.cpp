// Limits end to end: the deadline ends in `error` (never `safe`), overload answers 429 with
// Retry-After and loses nothing, SIGTERM drains what is in flight and exits 0, a model server
// that goes away makes images `error` and /readyz 503, and /metrics counts what was sent and
// passes Prometheus' own `promtool check metrics`. Small numbers: the 30-second loads are
// bench/serve's.
#include "tests/serve/serve_fixture.h"

#include "tests/judge/subprocess.h"

#include <csignal>
#include <future>
#include <unistd.h>

namespace clue::serve::e2e {
namespace {

class ServeLoadTest : public ServeTest {};

TEST_F(ServeLoadTest, TheDeadlineEndsUnjudgedImagesInErrorNeverSafe) {
    startSim(2000, 16); // one call takes longer than the whole deadline
    startServe({"--timeout", "0.3"});
    const HttpResponse r = judgeRaw(corpus()->images[0]);
    ASSERT_EQ(r.status, 200) << r.body;
    const json answer = json::parse(r.body);
    EXPECT_EQ(answer["verdict"], "error");
    EXPECT_EQ(answer["error"]["kind"], "deadline");
    for (const auto& [rule, state] : answer["rules"].items()) {
        EXPECT_EQ(state, "error") << rule;
    }
    EXPECT_LT(r.seconds, 1.5);
    EXPECT_EQ(metric("clue_serve_image_errors_total{kind=\"deadline\"}"), 1);
    EXPECT_EQ(metric("clue_serve_images_total{verdict=\"safe\"}"), 0);
}

TEST_F(ServeLoadTest, OverloadIsRefusedWith429AndRetryAfterAndNothingIsLost) {
    startSim(100, 1);
    startServe(
        {"--images-in-flight", "1", "--queue", "2", "--max-batch", "2", "--concurrency", "1"});
    std::vector<std::filesystem::path> images(12, corpus()->images[5]);
    const auto responses = judgeAll(images);
    int ok = 0, refused = 0;
    for (const HttpResponse& r : responses) {
        ASSERT_EQ(r.curlCode, 0) << "a request got no answer";
        if (r.status == 200) {
            ++ok;
            EXPECT_NE(json::parse(r.body)["verdict"], "error");
        } else {
            ASSERT_EQ(r.status, 429) << r.body;
            ++refused;
            EXPECT_GE(std::stoi(r.headers.at("retry-after")), 1);
        }
    }
    EXPECT_GE(ok, 3); // one judged and two waiting at least
    EXPECT_GE(refused, 1);
    EXPECT_EQ(ok + refused, 12);
    EXPECT_EQ(metric("clue_serve_http_requests_total{route=\"/v1/judge\",code=\"429\"}"), refused);
}

TEST_F(ServeLoadTest, RequestDataInMemoryIsBoundedToo) {
    startSim(300, 16);
    // Each image body (about 2 KiB) holds three times its size until answered: four fit.
    const auto size = readText(corpus()->images[0]).size();
    startServe({"--max-body-bytes", "8000", "--max-buffered-bytes",
                std::to_string(std::max<std::size_t>(24000, 3 * 4 * size + 100))});
    std::vector<std::filesystem::path> images(8, corpus()->images[0]);
    int ok = 0, refused = 0;
    for (const HttpResponse& r : judgeAll(images)) {
        if (r.status == 200) {
            ++ok;
        } else {
            ASSERT_EQ(r.status, 429) << r.body;
            EXPECT_NE(r.body.find("request data"), std::string::npos);
            EXPECT_EQ(r.headers.at("retry-after"), "1");
            ++refused;
        }
    }
    EXPECT_GE(refused, 1);
    EXPECT_GE(ok, 4);
}

TEST_F(ServeLoadTest, SigtermAnswersWhatIsInFlightThenExitsZero) {
    startSim(150, 16);
    startServe();
    std::vector<std::filesystem::path> images(corpus()->images.begin(),
                                              corpus()->images.begin() + 6);
    auto answers = std::async(std::launch::async, [&] { return judgeAll(images); });
    ASSERT_TRUE(waitUntil([&] {
        return metric("clue_serve_images_in_flight") + metric("clue_serve_queue_images") == 6;
    }));
    const int port = serve_->port();
    serve_->signal(SIGTERM);
    const auto responses = answers.get();
    for (const HttpResponse& r : responses) {
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_NE(json::parse(r.body)["verdict"], "error");
    }
    EXPECT_EQ(serve_->wait(15000), 0) << serveLog();
    EXPECT_NE(serveLog().find("drained: every request answered"), std::string::npos);
    const auto after =
        sim::testing::httpGet("http://127.0.0.1:" + std::to_string(port) + "/healthz");
    EXPECT_NE(after.curlCode, 0); // nothing listens any more
}

TEST_F(ServeLoadTest, AModelServerThatGoesAwayGivesErrorsNotSafeAndReadyz503) {
    const std::string key = "sk-serve-never-logged-4242";
    startSim();
    startServe({"--probe-interval", "0.2"}, {{"CLUE_API_KEY", key}});
    ASSERT_TRUE(waitUntil([&] { return call("GET", "/readyz").status == 200; }));
    sim_->stop(SIGKILL);
    for (std::size_t i = 6; i < 9; ++i) {
        const HttpResponse r = judgeRaw(corpus()->images[i]);
        ASSERT_EQ(r.status, 200);
        EXPECT_NE(json::parse(r.body)["verdict"], "safe");
        EXPECT_EQ(r.body.find(key), std::string::npos) << r.body;
    }
    EXPECT_TRUE(waitUntil([&] { return call("GET", "/readyz").status == 503; }));
    EXPECT_EQ(json::parse(call("GET", "/readyz").body)["model"], "down");
    EXPECT_GE(metric("clue_serve_image_errors_total{kind=\"model\"}"), 1);
    serve_->stop(SIGTERM);
    EXPECT_NE(serveLog().find("model server"), std::string::npos) << serveLog();
    EXPECT_EQ(serveLog().find(key), std::string::npos) << serveLog(); // the API key is never logged
}

TEST_F(ServeLoadTest, MetricsCountWhatWasSentAndPromtoolAcceptsThem) {
    startSim();
    startServe({"--decision-log", "decisions.jsonl"});
    const auto& images = corpus()->images;
    for (std::size_t i = 0; i < 5; ++i) {
        ASSERT_EQ(judgeRaw(images[i]).status, 200);
    }
    EXPECT_EQ(call("POST", "/v1/judge", "x", {"Content-Type: text/plain"}).status, 415);
    const json stats = json::parse(sim::testing::httpGet(sim_->url("/sim/stats")).body);
    EXPECT_EQ(metric("clue_serve_http_requests_total{route=\"/v1/judge\",code=\"200\"}"), 5);
    EXPECT_EQ(metric("clue_serve_http_requests_total{route=\"/v1/judge\",code=\"415\"}"), 1);
    EXPECT_EQ(metric("clue_serve_images_total{verdict=\"safe\"}") +
                  metric("clue_serve_images_total{verdict=\"unsafe\"}") +
                  metric("clue_serve_images_total{verdict=\"error\"}"),
              5);
    // Every call the simulator served: the images' and the one readiness probe.
    EXPECT_EQ(metric("clue_serve_model_calls_total") + 1, stats["requests"]["total"].get<double>());

    const std::string text = call("GET", "/metrics").body;
    dir_.write("metrics.txt", text);
    ASSERT_EQ(access("/usr/bin/promtool", X_OK), 0)
        << "promtool is missing: install Debian's prometheus package (scripts/debian-packages)";
    test::ProcessOptions options;
    options.cwd = dir_.path();
    const auto checked = test::runProcess(
        {"/bin/sh", "-c", "/usr/bin/promtool check metrics < metrics.txt"}, options);
    EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;

    const std::string log = readText(dir_ / "decisions.jsonl");
    std::istringstream lines(log);
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const json decision = json::parse(line);
        EXPECT_EQ(decision["plan_id"], planId());
        EXPECT_EQ(decision["images"].size(), 1u);
        EXPECT_EQ(decision["images"][0]["sha256"].get<std::string>().size(), 64u);
    }
    EXPECT_EQ(count, 5);
    EXPECT_EQ(log.find("base64"), std::string::npos); // never the image bytes
}

} // namespace
} // namespace clue::serve::e2e
