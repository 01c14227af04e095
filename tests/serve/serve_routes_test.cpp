// `clue serve` end to end against clue-sim: each route, the three ways to send an image, batches,
// answers equal to what `clue judge` writes, bearer tokens, the body limit, malformed bodies and
// non-images. Every response is checked against docs/serve.openapi.json (ServeTest::TearDown).
#include "tests/serve/serve_fixture.h"

#include "common/base64.h"
#include "common/sha256.h"
#include "tests/judge/subprocess.h"

#include <sstream>

namespace clue::serve::e2e {
namespace {

std::string multipart(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string body;
    for (const auto& [name, bytes] : files) {
        body += "--b0undary\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name +
                "\"\r\nContent-Type: image/png\r\n\r\n" + bytes + "\r\n";
    }
    return body + "--b0undary--\r\n";
}

const std::string kMultipart = "Content-Type: multipart/form-data; boundary=b0undary";
const std::string kJson = "Content-Type: application/json";

std::string dataUrl(const std::filesystem::path& image) {
    return "data:image/png;base64," + base64Encode(readText(image));
}

// The answer without what depends on when and how it was asked.
json decisions(json answer) {
    json out = {{"sha256", answer["sha256"]},     {"verdict", answer["verdict"]},
                {"violated", answer["violated"]}, {"rules", answer["rules"]},
                {"error", answer["error"]},       {"predicates", json::array()}};
    for (const json& p : answer["predicates"]) {
        out["predicates"].push_back({p["predicate"], p["value"], p["path"], p["scores"]["image"]});
    }
    return out;
}

class ServeRoutesTest : public ServeTest {};

// Readiness runs the preflight: a model the server does not serve is not ready, and says why.
TEST_F(ServeRoutesTest, AModelTheServerDoesNotServeIsNotReady) {
    startSim();
    model_ = "clue-sin";
    startServe();
    ASSERT_TRUE(waitUntil([&] {
        const json problem = json::parse(call("GET", "/readyz").body)["problem"];
        return problem.is_string() &&
               problem.get<std::string>().find("did you mean 'clue-sim'?") != std::string::npos;
    })) << serveLog();
    EXPECT_EQ(call("GET", "/readyz").status, 503);
}

TEST_F(ServeRoutesTest, EveryRouteAnswers) {
    startSim();
    startServe();
    EXPECT_EQ(call("GET", "/healthz").status, 200);
    ASSERT_TRUE(waitUntil([&] { return call("GET", "/readyz").status == 200; })) << serveLog();
    const json plan = json::parse(call("GET", "/v1/plan").body);
    EXPECT_EQ(plan["id"], sha256Hex(readText(dir_ / "plan.json")));
    EXPECT_EQ(plan["name"], "os-bench");
    EXPECT_EQ(plan["rules"], 14);
    EXPECT_EQ(plan["origin"], "file");
    const HttpResponse metrics = call("GET", "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("clue_serve_plan_info{name=\"os-bench\",version=\"1.0\""),
              std::string::npos);

    const auto& image = corpus()->images[0];
    const json raw = json::parse(judgeRaw(image).body);
    const json parts = json::parse(
        call("POST", "/v1/judge", multipart({{"a.png", readText(image)}}), {kMultipart}).body);
    const json data =
        json::parse(call("POST", "/v1/judge",
                         json{{"image", dataUrl(image)}, {"name", "b.png"}}.dump(), {kJson})
                        .body);
    EXPECT_EQ(raw["sha256"], sha256Hex(readText(image)));
    EXPECT_EQ(raw["plan_id"], plan["id"]);
    EXPECT_EQ(raw["path"], "");
    EXPECT_EQ(parts["path"], "a.png");
    EXPECT_EQ(data["path"], "b.png");
    EXPECT_EQ(decisions(parts), decisions(raw));
    EXPECT_EQ(decisions(data), decisions(raw));
}

TEST_F(ServeRoutesTest, ABatchAnswersInOrderAndAPartThatIsNoImageIsAnErrorOfItsOwn) {
    startSim();
    startServe();
    const auto& images = corpus()->images;
    const HttpResponse r = call("POST", "/v1/judge/batch",
                                multipart({{"1.png", readText(images[1])},
                                           {"note.txt", "not an image"},
                                           {"3.png", readText(images[3])}}),
                                {kMultipart});
    ASSERT_EQ(r.status, 200) << r.body;
    const json batch = json::parse(r.body);
    ASSERT_EQ(batch["results"].size(), 3u);
    EXPECT_EQ(batch["results"][0]["sha256"], sha256Hex(readText(images[1])));
    EXPECT_EQ(batch["results"][1]["verdict"], "error");
    EXPECT_EQ(batch["results"][1]["error"]["kind"], "not-an-image");
    EXPECT_EQ(batch["results"][2]["path"], "3.png");
    EXPECT_NE(batch["results"][2]["verdict"], "error");

    const json asJson = json::parse(
        call("POST", "/v1/judge/batch",
             json{{"images", {dataUrl(images[1]), {{"image", dataUrl(images[3])}}}}}.dump(),
             {kJson})
            .body);
    EXPECT_EQ(decisions(asJson["results"][0]), decisions(batch["results"][0]));
    EXPECT_EQ(decisions(asJson["results"][1]), decisions(batch["results"][2]));
}

TEST_F(ServeRoutesTest, AnswersAreTheObjectsClueJudgeWritesWithThePlanId) {
    startSim();
    startServe();
    std::vector<std::string> args = {CLUE_BINARY,      "judge",   "plan.json", "--endpoint",
                                     sim_->url("/v1"), "--model", "clue-sim",  "--no-cache"};
    for (const auto& image : corpus()->images) {
        args.push_back(image.string());
    }
    test::ProcessOptions options;
    options.cwd = dir_.path();
    options.env = {{"CLUE_MODEL", ""}, {"CLUE_ENDPOINT", ""}, {"CLUE_API_KEY", ""}};
    const auto judged = test::runProcess(args, options);
    ASSERT_TRUE(judged.exitCode == 0) << judged.err;
    std::istringstream lines(judged.out);
    const std::string id = planId();
    for (const auto& image : corpus()->images) {
        std::string line;
        ASSERT_TRUE(std::getline(lines, line));
        const json expected = json::parse(line);
        json served = json::parse(judgeRaw(image).body);
        EXPECT_EQ(served["plan_id"], id);
        served.erase("plan_id");
        std::vector<std::string> keys, expectedKeys;
        for (auto it = served.begin(); it != served.end(); ++it) {
            keys.push_back(it.key());
        }
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            expectedKeys.push_back(it.key());
        }
        EXPECT_EQ(keys, expectedKeys);
        EXPECT_EQ(decisions(served), decisions(expected)) << image;
    }
}

TEST_F(ServeRoutesTest, WithTokensEveryRouteButHealthzNeedsOne) {
    startSim();
    dir_.write("tokens.txt", "# the operators\nfirst-secret-token\nsecond-secret-token\n");
    startServe({"--auth-tokens", "tokens.txt"});
    const auto image = readText(corpus()->images[0]);
    auto refused = [&](const std::vector<std::string>& headers) {
        for (const char* route : {"/readyz", "/metrics", "/v1/plan"}) {
            const HttpResponse r = call("GET", route, "", headers);
            EXPECT_EQ(r.status, 401) << route;
            EXPECT_EQ(r.headers.count("www-authenticate"), 1u) << route;
        }
        EXPECT_EQ(call("POST", "/v1/judge", image, {"Content-Type: image/png"}).status, 401);
        EXPECT_EQ(call("POST", "/v1/judge/batch", "{}", {kJson}).status, 401);
    };
    refused({});
    refused({"Authorization: Bearer wrong-token"});
    refused({"Authorization: Basic Zmlyc3Qtc2VjcmV0LXRva2Vu"});
    EXPECT_EQ(call("GET", "/healthz").status, 200);
    bearer_ = {"Authorization: Bearer second-secret-token"};
    EXPECT_EQ(call("GET", "/metrics").status, 200);
    EXPECT_EQ(call("GET", "/v1/plan").status, 200);
    EXPECT_EQ(call("POST", "/v1/judge", image, {"Content-Type: image/png"}).status, 200);
    serve_->stop(SIGTERM);
    EXPECT_EQ(serveLog().find("secret-token"), std::string::npos) << serveLog();
}

TEST_F(ServeRoutesTest, TokensCanComeFromTheEnvironment) {
    startSim();
    startServe({}, {{"CLUE_SERVE_TOKENS", "env-token-1, env-token-2"}});
    EXPECT_EQ(call("GET", "/v1/plan").status, 401);
    bearer_ = {"Authorization: Bearer env-token-2"};
    EXPECT_EQ(call("GET", "/v1/plan").status, 200);
}

TEST_F(ServeRoutesTest, BodiesOverTheLimitAre413BeforeTheyAreRead) {
    startSim();
    startServe({"--max-body-bytes", "8000", "--max-batch", "2"});
    const HttpResponse big =
        call("POST", "/v1/judge", std::string(9000, 'x'), {"Content-Type: image/png"});
    EXPECT_EQ(big.status, 413);
    EXPECT_EQ(json::parse(big.body)["error"]["code"], "body-too-large");
    // Chunked: no length to check first, the limit stops the read.
    const HttpResponse chunked = call("POST", "/v1/judge", std::string(9000, 'x'),
                                      {"Content-Type: image/png", "Transfer-Encoding: chunked"});
    EXPECT_EQ(chunked.status, 413);
    const auto tiny = readText(corpus()->images[0]);
    const HttpResponse batch =
        call("POST", "/v1/judge/batch", multipart({{"a", tiny}, {"b", tiny}, {"c", tiny}}),
             {kMultipart});
    ASSERT_LE(multipart({{"a", tiny}, {"b", tiny}, {"c", tiny}}).size(), 8000u);
    EXPECT_EQ(batch.status, 413);
    EXPECT_EQ(json::parse(batch.body)["error"]["code"], "batch-too-large");
    EXPECT_EQ(call("GET", "/healthz").status, 200); // still serving
}

TEST_F(ServeRoutesTest, MalformedBodiesAndNonImagesGetClearErrors) {
    startSim();
    startServe();
    auto code = [](const HttpResponse& r) {
        return json::parse(r.body)["error"]["code"];
    };
    const HttpResponse badJson = call("POST", "/v1/judge", "{\"image\": ", {kJson});
    EXPECT_EQ(badJson.status, 400);
    EXPECT_EQ(code(badJson), "invalid-json");
    const HttpResponse url =
        call("POST", "/v1/judge", R"({"image": "http://127.0.0.1:1/secret.png"})", {kJson});
    EXPECT_EQ(url.status, 400);
    EXPECT_EQ(code(url), "url-not-fetched");
    EXPECT_EQ(call("POST", "/v1/judge", "--b0undary\r\nbroken", {kMultipart}).status, 400);
    const HttpResponse text = call("POST", "/v1/judge", "hello", {"Content-Type: text/plain"});
    EXPECT_EQ(text.status, 415);
    const HttpResponse notImage =
        call("POST", "/v1/judge", "%PDF-1.7 not an image", {"Content-Type: image/png"});
    EXPECT_EQ(notImage.status, 422);
    EXPECT_EQ(code(notImage), "not-an-image");
    const HttpResponse empty = call("POST", "/v1/judge", "", {"Content-Type: image/png"});
    EXPECT_EQ(code(empty), "empty");
    // An image without a name is called "the image" in its message.
    EXPECT_EQ(json::parse(empty.body)["error"]["message"], "the image: empty file");
    const HttpResponse unknown = call("GET", "/v2/nothing", "", {}, false);
    EXPECT_EQ(unknown.status, 404);
    const HttpResponse method = call("DELETE", "/v1/judge", "", {}, false);
    EXPECT_EQ(method.status, 405);
    EXPECT_EQ(method.headers.at("allow"), "POST");
    EXPECT_EQ(call("PUT", "/v1/plan", readText(corpus()->naivePlan), {kJson}).status, 403);
    EXPECT_EQ(metric("clue_serve_image_errors_total{kind=\"not-an-image\"}"), 1);
}

} // namespace
} // namespace clue::serve::e2e
