// Tests of the OpenAI-compatible backend against a local server that answers like vLLM: the
// request bodies it sends, the scores and errors it returns, the response_format fallback, the
// API key's secrecy, and every body validated against the OpenAI request schema.
#include "runtime/backend/openai_backend.h"

#include "common/base64.h"
#include "quick_client.h"
#include "runtime/prompt/yes_no_prompt.h"
#include "schema_check.h"
#include "test_http_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <mutex>

using namespace std::chrono_literals;
using namespace clue::runtime;
using clue::test::quickClient;
using clue::test::TestHttpServer;
using nlohmann::json;

namespace {

const std::string kKey = "sk-clue-test-7f3a9c2e51d84b06";
const std::string kStatement = "a person is visible via this image";

std::string pngDataUrl() {
    return "data:image/png;base64," +
           clue::base64Encode(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
}

// A body the way vLLM writes it, with `top` as the first token's alternatives.
std::string vllmAnswer(const std::vector<std::pair<std::string, double>>& top) {
    json alternatives = json::array();
    for (const auto& [token, p] : top) {
        alternatives.push_back(
            {{"token", token}, {"logprob", std::log(p)}, {"bytes", json::array()}});
    }
    json first = alternatives.at(0);
    first["top_logprobs"] = alternatives;
    return json{
        {"id", "chatcmpl-1"},
        {"object", "chat.completion"},
        {"model", "test-model"},
        {"choices",
         {{{"index", 0},
           {"message", {{"role", "assistant"}, {"content", top.at(0).first}}},
           {"logprobs", {{"content", {first}}}},
           {"finish_reason", "length"}}}},
        {"usage", {{"prompt_tokens", 812}, {"completion_tokens", 1}, {"total_tokens", 813}}}}
        .dump();
}

std::string chatAnswer(const std::string& content) {
    return json{{"choices",
                 {{{"index", 0},
                   {"message", {{"role", "assistant"}, {"content", content}}},
                   {"finish_reason", "stop"}}}},
                {"usage", {{"prompt_tokens", 40}, {"completion_tokens", 12}}}}
        .dump();
}

OpenAiBackendOptions backendFor(const TestHttpServer& server) {
    OpenAiBackendOptions options;
    options.endpoint = server.url("/v1/");
    options.model = "test-model";
    options.apiKey = kKey;
    return options;
}

json bodyOf(const TestHttpServer& server, std::size_t index) {
    return json::parse(server.recorded().at(index).body);
}

ChatRequest chatOf(std::vector<ChatMessage> messages) {
    ChatRequest request;
    request.messages = std::move(messages);
    return request;
}

void answerYes(const httplib::Request&, httplib::Response& response, int) {
    response.set_content(vllmAnswer({{"Yes", 0.7}, {"No", 0.2}, {" Yes", 0.05}}),
                         "application/json");
}

} // namespace

TEST(OpenAiBackend, AYesNoQuerySendsTheImageFirstThenTheQuestion) {
    TestHttpServer server(answerYes);
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    const std::string image = pngDataUrl();
    const std::string question = yesNoQuestion(kStatement);
    const YesNoResult result = backend.askYesNo({question, image}).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_NEAR(result->score.score, 0.75 / 0.95, 1e-9);
    EXPECT_FALSE(result->score.approximate);
    EXPECT_EQ(result->stats.usage, (TokenUsage{812, 1}));
    EXPECT_EQ(result->stats.attempts, 1);
    EXPECT_EQ(result->stats.httpStatus, 200);

    const auto recorded = server.recorded().at(0);
    EXPECT_EQ(recorded.path, "/v1/chat/completions");
    EXPECT_EQ(recorded.authorization, "Bearer " + kKey);
    const json body = json::parse(recorded.body);
    EXPECT_EQ(body["model"], "test-model");
    EXPECT_EQ(body["max_tokens"], 1);
    EXPECT_EQ(body["temperature"], 0);
    EXPECT_EQ(body["logprobs"], true);
    EXPECT_EQ(body["top_logprobs"], 20);
    ASSERT_EQ(body["messages"].size(), 1u);
    EXPECT_EQ(body["messages"][0]["role"], "user");
    const json& content = body["messages"][0]["content"];
    ASSERT_EQ(content.size(), 2u);
    EXPECT_EQ(content[0], json({{"type", "image_url"}, {"image_url", {{"url", image}}}}));
    EXPECT_EQ(content[1], json({{"type", "text"}, {"text", question}}));
}

TEST(OpenAiBackend, TheLanguagePriorQueryHasOnlyTheTextPart) {
    TestHttpServer server(answerYes);
    HttpClient client(quickClient());
    auto options = backendFor(server);
    options.topLogprobs = 5;
    OpenAiBackend backend(client, options);
    const std::string question = yesNoQuestion(kStatement);
    ASSERT_TRUE(backend.askYesNo({question, std::nullopt}).get());
    const json body = bodyOf(server, 0);
    EXPECT_EQ(body["messages"][0]["content"],
              json::array({{{"type", "text"}, {"text", question}}}));
    EXPECT_EQ(body["top_logprobs"], 5);
}

TEST(OpenAiBackend, AnAnswerWithoutLogprobsIsRetriedThenReported) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(chatAnswer("Yes"), "application/json");
    });
    HttpClient client(quickClient(3));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::NoLogprobs);
    EXPECT_EQ(result.error().message, "the server returned no logprobs; enable them (vLLM: "
                                      "--max-logprobs) (after 3 attempts)");
    EXPECT_EQ(result.error().attempts, 3);
    EXPECT_EQ(server.requestCount(), 3);
}

TEST(OpenAiBackend, TruncatedJsonIsRetriedAndASoundAnswerWins) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        const std::string body = vllmAnswer({{"No", 0.9}, {"Yes", 0.1}});
        response.set_content(index == 0 ? body.substr(0, 60) : body, "application/json");
    });
    HttpClient client(quickClient(3));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_NEAR(result->score.score, 0.1, 1e-9);
    EXPECT_EQ(result->stats.attempts, 2);
}

TEST(OpenAiBackend, TruncatedJsonEveryTimeIsAMalformedResponse) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(vllmAnswer({{"No", 0.9}}).substr(0, 60), "application/json");
    });
    HttpClient client(quickClient(2));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::MalformedResponse);
    EXPECT_NE(result.error().message.find("truncated"), std::string::npos)
        << result.error().message;
}

TEST(OpenAiBackend, AServerErrorBodyIsReportedWithoutRetry) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 400;
        response.set_content(
            R"({"error":{"message":"This model's maximum context length is 4096 tokens.","type":"BadRequestError","param":null,"code":400}})",
            "application/json");
    });
    HttpClient client(quickClient(3));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::ServerError);
    EXPECT_EQ(result.error().message, "the server answered HTTP 400: This model's maximum context "
                                      "length is 4096 tokens. (BadRequestError, 400)");
    EXPECT_EQ(result.error().httpStatus, 400);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(OpenAiBackend, ServerErrorsAndRateLimitsAreRetried) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        if (index < 2) {
            response.status = index == 0 ? 503 : 429;
            response.set_header("Retry-After", "0");
            response.set_content("overloaded", "text/plain");
            return;
        }
        answerYes(httplib::Request(), response, index);
    });
    HttpClient client(quickClient(4));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->stats.attempts, 3);
}

TEST(OpenAiBackend, RetriesSpentOnA5xxEndInAnHttpStatusError) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 502;
        response.set_content("<html>Bad Gateway</html>", "text/html");
    });
    HttpClient client(quickClient(2));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::HttpStatus);
    EXPECT_EQ(result.error().message,
              "the server answered HTTP 502: <html>Bad Gateway</html> (after 2 attempts)");
}

TEST(OpenAiBackend, AnUnreachableServerIsATransportError) {
    HttpClient client(quickClient(2));
    OpenAiBackendOptions options;
    options.endpoint = "http://127.0.0.1:" + std::to_string(clue::test::closedPort()) + "/v1";
    options.model = "m";
    OpenAiBackend backend(client, options);
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::Transport);
    EXPECT_EQ(result.error().message.rfind("cannot reach " + options.endpoint +
                                               "/chat/completions: "
                                               "connection failed",
                                           0),
              0u)
        << result.error().message;
    EXPECT_EQ(result.error().attempts, 2);
}

TEST(OpenAiBackend, AStalledServerIsATimeout) {
    TestHttpServer* stalled = nullptr;
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int) {
        stalled->waitForRelease();
        response.set_content("{}", "application/json");
    });
    stalled = &server;
    HttpClient client(quickClient(1));
    auto options = backendFor(server);
    options.requestTimeout = 150ms;
    OpenAiBackend backend(client, options);
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::Timeout);
}

TEST(OpenAiBackend, AnAnswerOtherThanYesOrNoIsNotRetried) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(vllmAnswer({{"The", 0.8}, {"I", 0.1}}), "application/json");
    });
    HttpClient client(quickClient(3));
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult result = backend.askYesNo({"q", std::nullopt}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::NoYesNo);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(OpenAiBackend, ShutdownCancelsAPendingQuery) {
    TestHttpServer* stalled = nullptr;
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int) {
        stalled->waitForRelease();
        response.set_content("{}", "application/json");
    });
    stalled = &server;
    HttpClient client(quickClient(1));
    OpenAiBackend backend(client, backendFor(server));
    auto pending = backend.askYesNo({"q", std::nullopt});
    ASSERT_TRUE(TestHttpServer::waitFor([&] { return server.requestCount() == 1; }));
    client.shutdown();
    const YesNoResult result = pending.get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::Cancelled);
}

TEST(OpenAiBackend, TheApiKeyNeverAppearsInAnErrorMessageOrLog) {
    TestHttpServer server([](const httplib::Request& request, httplib::Response& response, int) {
        // A careless server that echoes the key it was sent.
        response.status = 401;
        response.set_content(json{{"error",
                                   {{"message", "Incorrect API key provided: " +
                                                    request.get_header_value("Authorization")},
                                    {"type", "invalid_request_error"},
                                    {"code", "invalid_api_key"}}}}
                                 .dump(),
                             "application/json");
    });
    std::mutex logMutex;
    std::string log;
    auto clientOptions = quickClient(1);
    clientOptions.debugLog = [&](std::string_view line) {
        std::lock_guard lock(logMutex);
        log.append(line).append("\n");
    };
    HttpClient client(clientOptions);
    OpenAiBackend backend(client, backendFor(server));
    const YesNoResult yesNo = backend.askYesNo({"q", std::nullopt}).get();
    const ChatResult chat = backend.chat(chatOf({{"user", "hi", std::nullopt}})).get();
    client.shutdown();
    ASSERT_FALSE(yesNo);
    ASSERT_FALSE(chat);
    for (const BackendError& error : {yesNo.error(), chat.error()}) {
        EXPECT_EQ(error.kind, BackendErrorKind::ServerError);
        EXPECT_EQ(error.message.find(kKey), std::string::npos) << error.message;
        EXPECT_NE(error.message.find("Incorrect API key provided: Bearer [REDACTED]"),
                  std::string::npos)
            << error.message;
    }
    std::lock_guard lock(logMutex);
    EXPECT_FALSE(log.empty());
    EXPECT_EQ(log.find(kKey), std::string::npos) << log;
}

TEST(OpenAiBackend, AChatCallSendsEveryTurnAndReturnsTheContent) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(chatAnswer("The image shows a burning car."), "application/json");
    });
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    ChatRequest request;
    request.messages = {{"system", "You are a careful judge.", std::nullopt},
                        {"user", "Think step by step.", pngDataUrl()},
                        {"assistant", "Step one...", std::nullopt},
                        {"user", "Summarize as JSON.", std::nullopt}};
    request.maxTokens = 300;
    const ChatResult result = backend.chat(request).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->content, "The image shows a burning car.");
    EXPECT_EQ(result->finishReason, "stop");
    EXPECT_EQ(result->stats.usage, (TokenUsage{40, 12}));
    EXPECT_FALSE(result->schemaInPrompt);
    const json body = bodyOf(server, 0);
    EXPECT_EQ(body["max_tokens"], 300);
    EXPECT_EQ(body["temperature"], 0);
    EXPECT_FALSE(body.contains("logprobs"));
    ASSERT_EQ(body["messages"].size(), 4u);
    EXPECT_EQ(body["messages"][0],
              json({{"role", "system"}, {"content", "You are a careful judge."}}));
    EXPECT_EQ(body["messages"][1]["content"][0]["type"], "image_url");
    EXPECT_EQ(body["messages"][1]["content"][1]["text"], "Think step by step.");
    EXPECT_EQ(body["messages"][2], json({{"role", "assistant"}, {"content", "Step one..."}}));
}

namespace {

const json kRatingSchema = json::parse(R"({"type":"object","properties":{
    "rating":{"enum":["Yes","No"]},"rationale":{"type":"string"}},
    "required":["rating","rationale"],"additionalProperties":false})");

ChatRequest summaryRequest() {
    ChatRequest request;
    request.messages = {{"user", "Is a fire visible?", pngDataUrl()},
                        {"assistant", "I see flames.", std::nullopt},
                        {"user", "Summarize your conclusion.", std::nullopt}};
    request.jsonSchema = JsonSchemaFormat{"rating", kRatingSchema, true};
    return request;
}

// Rejects response_format as a server without structured outputs does.
void rejectResponseFormat(const httplib::Request& request, httplib::Response& response, int) {
    if (json::parse(request.body).contains("response_format")) {
        response.status = 400;
        response.set_content(
            R"({"error":{"message":"response_format is not supported","type":"invalid_request_error"}})",
            "application/json");
        return;
    }
    response.set_content(chatAnswer(R"({"rating":"Yes","rationale":"flames"})"),
                         "application/json");
}

} // namespace

TEST(OpenAiBackend, AJsonSchemaIsSentAsResponseFormat) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(chatAnswer(R"({"rating":"No","rationale":"none"})"),
                             "application/json");
    });
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    const ChatResult result = backend.chat(summaryRequest()).get();
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_FALSE(result->schemaInPrompt);
    const json body = bodyOf(server, 0);
    EXPECT_EQ(
        body["response_format"],
        json({{"type", "json_schema"},
              {"json_schema", {{"name", "rating"}, {"schema", kRatingSchema}, {"strict", true}}}}));
    EXPECT_EQ(body["messages"][2]["content"], "Summarize your conclusion.");
}

TEST(OpenAiBackend, ARejectedResponseFormatFallsBackToTheSchemaInThePrompt) {
    TestHttpServer server(rejectResponseFormat);
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    const ChatResult first = backend.chat(summaryRequest()).get();
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_TRUE(first->schemaInPrompt);
    EXPECT_EQ(first->content, R"({"rating":"Yes","rationale":"flames"})");
    EXPECT_EQ(first->stats.attempts, 2);
    ASSERT_EQ(server.requestCount(), 2);
    const json resent = bodyOf(server, 1);
    EXPECT_FALSE(resent.contains("response_format"));
    const std::string lastUser = resent["messages"][2]["content"];
    EXPECT_EQ(lastUser, "Summarize your conclusion.\n\nAnswer with one JSON object and nothing "
                        "else. It must conform to this JSON Schema:\n" +
                            kRatingSchema.dump());
    EXPECT_EQ(resent["messages"][0]["content"][1]["text"], "Is a fire visible?"); // untouched
    EXPECT_TRUE(backend.schemaGoesInPrompt());

    // Learned: the next call describes the schema at once.
    const ChatResult second = backend.chat(summaryRequest()).get();
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->schemaInPrompt);
    EXPECT_EQ(second->stats.attempts, 1);
    EXPECT_EQ(server.requestCount(), 3);
    EXPECT_FALSE(bodyOf(server, 2).contains("response_format"));
}

TEST(OpenAiBackend, AFallbackThatAlsoFailsIsReportedAndNotLearned) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 400;
        response.set_content(R"({"error":{"message":"prompt too long"}})", "application/json");
    });
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    const ChatResult result = backend.chat(summaryRequest()).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::ServerError);
    EXPECT_EQ(result.error().attempts, 2);
    EXPECT_FALSE(backend.schemaGoesInPrompt());
}

TEST(OpenAiBackend, EveryRequestBodyValidatesAgainstTheOpenAiSchema) {
    TestHttpServer server([](const httplib::Request& request, httplib::Response& response, int i) {
        if (json::parse(request.body).contains("logprobs")) {
            answerYes(request, response, i);
            return;
        }
        rejectResponseFormat(request, response, i);
    });
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    const std::string question = yesNoQuestion(kStatement);
    ASSERT_TRUE(backend.askYesNo({question, pngDataUrl()}).get());
    ASSERT_TRUE(backend.askYesNo({question, std::nullopt}).get());
    ASSERT_TRUE(backend
                    .chat(chatOf({{"system", "Be brief.", std::nullopt},
                                  {"user", "Describe it.", pngDataUrl()}}))
                    .get());
    ASSERT_TRUE(backend.chat(summaryRequest()).get()); // response_format, then its fallback
    std::vector<std::string> bodies;
    for (const auto& recorded : server.recorded()) {
        bodies.push_back(recorded.body);
    }
    ASSERT_EQ(bodies.size(), 5u);
    const auto check = clue::test::validateAgainstSharedSchema(
        "openai-chat-completions.schema.json", "CreateChatCompletionRequest", bodies);
    if (!check.ran) {
        GTEST_SKIP() << check.output;
    }
    EXPECT_TRUE(check.valid) << check.output;

    // The check can fail: a body with top_logprobs over the schema's maximum of 20 does.
    json invalid = json::parse(bodies[0]);
    invalid["top_logprobs"] = 50;
    const auto negative = clue::test::validateAgainstSharedSchema(
        "openai-chat-completions.schema.json", "CreateChatCompletionRequest", {invalid.dump()});
    EXPECT_FALSE(negative.valid) << negative.output;
}

// Replies were buffered up to 64 MiB per request in flight (1.4 GB of memory seen): each kind of
// question now has its own, far lower, limit; a reply over it fails that request, once.
TEST(OpenAiBackend, RepliesOverTheLimitOfTheirKindFailClosed) {
    std::size_t padding = 0;
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int) {
        json body = json::parse(vllmAnswer({{"Yes", 0.7}, {"No", 0.2}}));
        body["padding"] = std::string(padding, 'x');
        response.set_content(body.dump(), "application/json");
    });
    HttpClient client(quickClient());
    OpenAiBackend backend(client, backendFor(server));
    padding = 60u << 10; // under 64 KiB in all
    EXPECT_TRUE(backend.askYesNo({"Q", std::nullopt}).get());
    padding = 70u << 10;
    const YesNoResult large = backend.askYesNo({"Q", std::nullopt}).get();
    ASSERT_FALSE(large);
    EXPECT_EQ(large.error().kind, BackendErrorKind::MalformedResponse);
    EXPECT_NE(large.error().message.find("is too large: response too large: the body is over "
                                         "the limit of 65536 bytes"),
              std::string::npos)
        << large.error().message;
    EXPECT_EQ(large.error().attempts, 1) << "not retried";

    // A chat reply may be larger, in proportion to its max_tokens.
    padding = 100u << 10;
    ChatRequest reasoning = chatOf({{"user", "Think.", std::nullopt}});
    reasoning.maxTokens = 512; // 64 KiB + 128 KiB
    EXPECT_TRUE(backend.chat(reasoning).get());
    reasoning.maxTokens = 16;
    const ChatResult small = backend.chat(reasoning).get();
    ASSERT_FALSE(small);
    EXPECT_NE(small.error().message.find("over the limit of 69632 bytes"), std::string::npos)
        << small.error().message;
}
