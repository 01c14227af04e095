// Tests of the chat-completion parser on real response bodies of OpenAI, vLLM and llama.cpp
// (fixtures/SOURCES.md says where each comes from) and on every malformed shape.
#include "runtime/backend/chat_completion_parser.h"
#include "runtime/backend/yes_no_score.h"

#include "fixture.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace clue::runtime;
using clue::test::readFixture;

namespace {

ParsedCompletion parsed(const std::string& body) {
    auto result = parseChatCompletion(body);
    if (!result) {
        ADD_FAILURE() << result.error().message;
        return {};
    }
    return std::move(result).value();
}

BackendError failure(const std::string& body) {
    auto result = parseChatCompletion(body);
    EXPECT_FALSE(result) << "parsed unexpectedly: " << body;
    return result ? BackendError{} : result.error();
}

} // namespace

TEST(ChatCompletionParser, ReadsOpenAisLogprobsExample) {
    const ParsedCompletion completion = parsed(readFixture("openai_chat_logprobs.json"));
    EXPECT_EQ(completion.content, "Hello! How can I assist you today?");
    EXPECT_EQ(completion.finishReason, "stop");
    EXPECT_EQ(completion.usage, (TokenUsage{9, 9}));
    ASSERT_TRUE(completion.firstToken);
    EXPECT_EQ(completion.firstToken->chosen->token, "Hello");
    ASSERT_EQ(completion.firstToken->top.size(), 2u);
    EXPECT_EQ(completion.firstToken->top[1].token, "Hi");
    EXPECT_DOUBLE_EQ(completion.firstToken->top[1].logprob, -1.3190403);
    // A greeting is no yes/no answer: that is an error, not a score.
    const auto score = scoreYesNo(*completion.firstToken);
    ASSERT_FALSE(score);
    EXPECT_EQ(score.error().kind, BackendErrorKind::NoYesNo);
    EXPECT_NE(score.error().message.find("\"Hello\" 0.728"), std::string::npos)
        << score.error().message;
}

TEST(ChatCompletionParser, ReadsVllmsAnswerWithItsSentinelLogprob) {
    const ParsedCompletion completion = parsed(readFixture("vllm_chat_logprobs.json"));
    EXPECT_EQ(completion.content, "{}");
    EXPECT_EQ(completion.usage, (TokenUsage{4, 3}));
    ASSERT_TRUE(completion.firstToken);
    EXPECT_EQ(completion.firstToken->chosen->token, "{");
    ASSERT_EQ(completion.firstToken->top.size(), 2u);
    EXPECT_EQ(completion.firstToken->top[1].token, "{}");
    EXPECT_EQ(scoreYesNo(*completion.firstToken).error().kind, BackendErrorKind::NoYesNo);
}

TEST(ChatCompletionParser, ScoresLlamaCppsShapeWithIdsAndTheLowestFloat) {
    const ParsedCompletion completion = parsed(readFixture("llamacpp_chat_logprobs.json"));
    EXPECT_EQ(completion.content, "Yes");
    EXPECT_EQ(completion.usage, (TokenUsage{2941, 1}));
    ASSERT_TRUE(completion.firstToken);
    ASSERT_EQ(completion.firstToken->top.size(), 6u);
    EXPECT_EQ(std::exp(completion.firstToken->top[5].logprob), 0.0);
    const auto score = scoreYesNo(*completion.firstToken);
    ASSERT_TRUE(score) << score.error().message;
    const double yes = std::exp(-0.19062) + std::exp(-5.90214) + std::exp(-6.40330);
    const double no = std::exp(-1.75121);
    EXPECT_NEAR(score->pYes, yes, 1e-12);
    EXPECT_NEAR(score->pNo, no, 1e-12);
    EXPECT_NEAR(score->score, yes / (yes + no), 1e-12);
    EXPECT_FALSE(score->approximate);
    EXPECT_EQ(score->listedTokens, 6);
}

TEST(ChatCompletionParser, ABodyWithoutLogprobsHasNoFirstToken) {
    const ParsedCompletion completion =
        parsed(readFixture("llamacpp_completions_no_logprobs.json"));
    EXPECT_EQ(completion.content, " Ge");
    EXPECT_FALSE(completion.firstToken);
    EXPECT_FALSE(parsed(R"({"choices":[{"message":{"content":"Yes"}}]})").firstToken);
    EXPECT_FALSE(parsed(R"({"choices":[{"message":{"content":"Yes"},"logprobs":{"content":[]}}]})")
                     .firstToken);
}

TEST(ChatCompletionParser, ErrorBodiesBecomeServerErrorsWithTheirMessage) {
    const auto nested = failure(readFixture("vllm_error_nested.json"));
    EXPECT_EQ(nested.kind, BackendErrorKind::ServerError);
    EXPECT_NE(nested.message.find("Gaudi doesn't support logprobs"), std::string::npos);
    EXPECT_NE(nested.message.find("(BadRequestError, 400)"), std::string::npos) << nested.message;

    const auto topLevel = failure(readFixture("vllm_error_top_level.json"));
    EXPECT_EQ(topLevel.kind, BackendErrorKind::ServerError);
    EXPECT_NE(topLevel.message.find("max_tokens must be at least 1, got -53."), std::string::npos);

    EXPECT_EQ(describeErrorBody(readFixture("llamacpp_error_loading.json")),
              "Loading model (unavailable_error, 503)");
    EXPECT_EQ(describeErrorBody(R"({"error":"model 'llava' not found"})"),
              "model 'llava' not found");
    EXPECT_FALSE(describeErrorBody(R"({"choices":[]})"));
    // Found by the chat-completion fuzzer: an "object" that is not a string threw a JSON type
    // error out of the parser.
    EXPECT_FALSE(describeErrorBody(R"({"object": {"index": 0}, "choices": []})"));
    EXPECT_NO_THROW(parseChatCompletion(R"({"object": {"index": 0}, "choices": []})"));
    EXPECT_FALSE(describeErrorBody("<html>502 Bad Gateway</html>"));
}

TEST(ChatCompletionParser, TruncatedJsonIsMalformed) {
    const std::string body = readFixture("vllm_chat_logprobs.json");
    const auto error = failure(body.substr(0, body.size() / 2));
    EXPECT_EQ(error.kind, BackendErrorKind::MalformedResponse);
    EXPECT_NE(error.message.find("ends early"), std::string::npos) << error.message;
    EXPECT_EQ(failure("").kind, BackendErrorKind::MalformedResponse);
    EXPECT_EQ(failure("<html>502</html>").kind, BackendErrorKind::MalformedResponse);
}

TEST(ChatCompletionParser, WrongShapesAreMalformedAndEmptyChoicesAreNoChoices) {
    EXPECT_EQ(failure(R"({"choices":[]})").kind, BackendErrorKind::NoChoices);
    for (
        const char* body :
        {R"([1,2])", R"({"id":"x"})", R"({"choices":{}})", R"({"choices":[7]})",
         R"({"choices":[{"index":0}]})", R"({"choices":[{"message":{},"logprobs":"yes"}]})",
         R"({"choices":[{"message":{},"logprobs":{"content":[{"logprob":-1}]}}]})",
         R"({"choices":[{"message":{},"logprobs":{"content":[{"token":"Yes","logprob":"high"}]}}]})",
         R"({"choices":[{"message":{},"logprobs":{"content":[{"token":"Yes","logprob":2.5}]}}]})",
         R"({"choices":[{"message":{},"logprobs":{"content":[{"token":"Yes","logprob":-1,"top_logprobs":{}}]}}]})"}) {
        EXPECT_EQ(failure(body).kind, BackendErrorKind::MalformedResponse) << body;
    }
}

TEST(ChatCompletionParser, ReadsTheLegacyCompletionsShapeOfOldVllm) {
    // The shape vLLM 0.3 returned for chat (vllm-project/vllm#3179), with a map of top tokens.
    const ParsedCompletion completion = parsed(
        R"({"choices":[{"index":0,"message":{"role":"assistant","content":"Yes"},
            "logprobs":{"text_offset":[0],"token_logprobs":[-0.2],"tokens":["Yes"],
                        "top_logprobs":[{"Yes":-0.2,"No":-1.8}]},"finish_reason":"length"}]})");
    ASSERT_TRUE(completion.firstToken);
    EXPECT_EQ(completion.firstToken->chosen->token, "Yes");
    ASSERT_EQ(completion.firstToken->top.size(), 2u);
    const auto score = scoreYesNo(*completion.firstToken);
    ASSERT_TRUE(score);
    EXPECT_NEAR(score->score, std::exp(-0.2) / (std::exp(-0.2) + std::exp(-1.8)), 1e-12);
}

TEST(ChatCompletionParser, ReadsLlamaCppPostSamplingProbabilitiesAndBytes) {
    const ParsedCompletion completion = parsed(
        R"({"choices":[{"message":{"content":"Yes"},"logprobs":{"content":[
            {"id":1,"token":"Yes","bytes":[89,101,115],"prob":0.75,
             "top_probs":[{"id":1,"token":"Yes","bytes":[89,101,115],"prob":0.75},
                          {"id":2,"token":"","bytes":[78,111],"prob":0.25}]}]}}]})");
    ASSERT_TRUE(completion.firstToken);
    ASSERT_EQ(completion.firstToken->top.size(), 2u);
    EXPECT_EQ(completion.firstToken->top[1].token, "No"); // decoded from its bytes
    EXPECT_DOUBLE_EQ(scoreYesNo(*completion.firstToken)->score, 0.75);
}

TEST(ChatCompletionParser, NullLogprobsAndNullContentAreTolerated) {
    const ParsedCompletion completion = parsed(
        R"({"choices":[{"message":{"content":null},"logprobs":{"content":[
            {"token":"Yes","logprob":null,"top_logprobs":[{"token":"No","logprob":-0.1}]}]}}]})");
    EXPECT_EQ(completion.content, "");
    ASSERT_TRUE(completion.firstToken);
    EXPECT_TRUE(std::isinf(completion.firstToken->chosen->logprob));
}

// A body with a key twice is refused: one reader's answer could be Yes where another's is No.
TEST(ChatCompletionParser, RefusesDuplicateKeys) {
    const auto error = failure(
        R"({"choices":[{"message":{"content":"No","content":"Yes"},"finish_reason":"stop"}]})");
    EXPECT_EQ(error.kind, BackendErrorKind::MalformedResponse);
    EXPECT_EQ(error.message, "the server's answer is not a usable chat completion: "
                             "/choices/0/message/content: duplicate key \"content\": each key may "
                             "appear once in an object");
    const auto logprobs =
        failure(R"({"choices":[{"message":{"content":"Yes"},"logprobs":{"content":[{"token":"Yes",)"
                R"("logprob":-5,"logprob":0,"top_logprobs":[]}]}}]})");
    EXPECT_NE(logprobs.message.find("/choices/0/logprobs/content/0/logprob: duplicate key"),
              std::string::npos)
        << logprobs.message;
    EXPECT_FALSE(describeErrorBody(R"({"error":"a","error":"b"})"));
}
