// Tests of the embeddings backend against a local server: where requests go and with what key,
// text batches in order, retries of unusable answers, and failures that say what happened.
#include "runtime/embed/embeddings_backend.h"

#include "fixture.h"
#include "quick_client.h"
#include "test_http_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace std::chrono_literals;
using namespace clue::runtime;
using clue::test::quickClient;
using clue::test::readFixture;
using clue::test::TestHttpServer;
using nlohmann::json;

namespace {

const std::string kKey = "sk-embed-test-2b7c9d41e0f3";
const std::string kImage = "data:image/png;base64,iVBORw0KGgo=";

EmbeddingsBackendOptions optionsFor(const TestHttpServer& server, EmbeddingProtocol protocol,
                                    const std::string& base = "/v1/") {
    EmbeddingsBackendOptions options;
    options.endpoint = server.url(base);
    options.model = "clip";
    options.apiKey = kKey;
    options.protocol = protocol;
    return options;
}

// The vector of an input "tN" is [N, 1]; of anything else [0, 1].
json vectorFor(const json& input) {
    const std::string text = input.is_string() ? input.get<std::string>() : "";
    return {text.starts_with("t") ? std::stod(text.substr(1)) : 0.0, 1.0};
}

// Answers every input of a request with vectorFor, the data in reverse order, as a server may.
void echoPositions(const httplib::Request& request, httplib::Response& response, int) {
    const json body = json::parse(request.body);
    const json inputs = body.contains("input") ? body["input"] : json::array({nullptr});
    json data = json::array();
    for (std::size_t i = inputs.size(); i > 0; --i) {
        data.push_back(
            {{"index", i - 1}, {"object", "embedding"}, {"embedding", vectorFor(inputs[i - 1])}});
    }
    response.set_content(json{{"object", "list"}, {"data", data}}.dump(), "application/json");
}

} // namespace

TEST(EmbeddingsBackend, TextsGoInBatchesAndComeBackInOrder) {
    TestHttpServer server(echoPositions);
    HttpClient client(quickClient());
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Vllm));
    std::vector<std::string> texts;
    for (int i = 0; i < 37; ++i) {
        texts.push_back("t" + std::to_string(i));
    }
    const EmbeddingResult result = backend.embedTexts(texts).get();
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->vectors.size(), 37u);
    for (int i = 0; i < 37; ++i) {
        EXPECT_EQ(result->vectors[i], (Embedding{static_cast<float>(i), 1}));
    }
    EXPECT_EQ(server.requestCount(), 3); // 16 + 16 + 5
    EXPECT_EQ(result->stats.attempts, 3);
    for (const auto& request : server.recorded()) {
        EXPECT_EQ(request.path, "/v1/embeddings");
        EXPECT_EQ(request.authorization, "Bearer " + kKey);
        EXPECT_LE(json::parse(request.body)["input"].size(), kTextsPerEmbeddingRequest);
    }
}

TEST(EmbeddingsBackend, NoTextsAskNothing) {
    TestHttpServer server(echoPositions);
    HttpClient client(quickClient());
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Vllm));
    const EmbeddingResult result = backend.embedTexts({}).get();
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->vectors.empty());
    EXPECT_EQ(server.requestCount(), 0);
}

TEST(EmbeddingsBackend, AnInfinityImageGoesToItsBaseWithModalityImage) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(readFixture("infinity_embeddings_response.json"), "application/json");
    });
    HttpClient client(quickClient());
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Infinity, ""));
    const EmbeddingResult result = backend.embedImage(kImage).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->vectors.at(0).size(), 4u);
    const auto recorded = server.recorded().at(0);
    EXPECT_EQ(recorded.path, "/embeddings");
    const json body = json::parse(recorded.body);
    EXPECT_EQ(body["modality"], "image");
    EXPECT_EQ(body["input"], json::array({kImage}));
}

TEST(EmbeddingsBackend, AnUnusableAnswerIsRetriedAndASoundOneWins) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        response.set_content(index == 0 ? std::string(R"({"data": [)")
                                        : readFixture("infinity_embeddings_response.json"),
                             "application/json");
    });
    HttpClient client(quickClient());
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Vllm));
    const EmbeddingResult result = backend.embedImage(kImage).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->stats.attempts, 2);
}

TEST(EmbeddingsBackend, FailuresSayWhatHappenedAndNeverShowTheKey) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 422;
        response.set_content(readFixture("infinity_validation_error.json"), "application/json");
    });
    HttpClient client(quickClient());
    auto options = optionsFor(server, EmbeddingProtocol::Infinity);
    EmbeddingsBackend backend(client, options);
    const EmbeddingResult result = backend.embedTexts({"a " + kKey}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::HttpStatus);
    EXPECT_EQ(result.error().httpStatus, 422);
    EXPECT_NE(result.error().message.find("HTTP 422"), std::string::npos);
    EXPECT_NE(result.error().message.find("literal_error"), std::string::npos);
    EXPECT_EQ(server.requestCount(), 1); // a 4xx is not retried
}

TEST(EmbeddingsBackend, OneFailedBatchFailsTheWholeCall) {
    TestHttpServer server([](const httplib::Request& request, httplib::Response& response, int i) {
        if (json::parse(request.body)["input"][0] == "t16") {
            response.status = 500;
            response.set_content(R"({"error": {"message": "out of memory"}})", "application/json");
            return;
        }
        echoPositions(request, response, i);
    });
    HttpClient client(quickClient(2));
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Vllm));
    std::vector<std::string> texts;
    for (int i = 0; i < 20; ++i) {
        texts.push_back("t" + std::to_string(i));
    }
    const EmbeddingResult result = backend.embedTexts(texts).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::ServerError);
    EXPECT_NE(result.error().message.find("out of memory (after 2 attempts)"), std::string::npos);
}

TEST(EmbeddingsBackend, AnUnreachableServerIsATransportError) {
    HttpClient client(quickClient(1));
    EmbeddingsBackendOptions options;
    options.endpoint = "http://127.0.0.1:" + std::to_string(clue::test::closedPort()) + "/v1";
    options.model = "clip";
    EmbeddingsBackend backend(client, options);
    const EmbeddingResult result = backend.embedImage(kImage).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::Transport);
    EXPECT_NE(result.error().message.find("/v1/embeddings"), std::string::npos);
}

TEST(EmbeddingsBackend, AnOpenBreakerRefusesWithoutARequest) {
    TestHttpServer server(echoPositions);
    HttpClient client(quickClient());
    CircuitBreaker breaker(1);
    const BackendError hopeless{BackendErrorKind::Transport, "gone"};
    breaker.record(&hopeless);
    EmbeddingsBackend backend(client, optionsFor(server, EmbeddingProtocol::Vllm), &breaker);
    const EmbeddingResult result = backend.embedImage(kImage).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::Stopped);
    EXPECT_EQ(server.requestCount(), 0);
}
