// The answer stack against a local server that answers like vLLM: what it refuses to open, the
// cache in front of the model (a second question costs no call), a replay that never contacts
// the server, one source per prompt set, and questions in flight ended by closing the stack.
#include "runtime/session/answer_stack.h"

#include "common/statement.h"
#include "temp_dir.h"
#include "test_http_server.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <future>

using namespace std::chrono_literals;
using namespace clue::runtime;
using clue::test::TempDir;
using clue::test::TestHttpServer;

namespace {

// A one-token answer with P(Yes) = 0.8 and P(No) = 0.2.
void answerYes(const httplib::Request&, httplib::Response& response, int) {
    nlohmann::json top = nlohmann::json::array(
        {{{"token", "Yes"}, {"logprob", std::log(0.8)}, {"bytes", nlohmann::json::array()}},
         {{"token", "No"}, {"logprob", std::log(0.2)}, {"bytes", nlohmann::json::array()}}});
    nlohmann::json first = top[0];
    first["top_logprobs"] = top;
    nlohmann::json body = {{"choices",
                            {{{"index", 0},
                              {"message", {{"role", "assistant"}, {"content", "Yes"}}},
                              {"logprobs", {{"content", {first}}}},
                              {"finish_reason", "length"}}}},
                           {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 1}}}};
    response.set_content(body.dump(), "application/json");
}

AnswerStackOptions optionsFor(const std::string& endpoint) {
    AnswerStackOptions options;
    options.backend.endpoint = endpoint;
    options.backend.model = "test-model";
    options.backend.retry.maxAttempts = 1;
    return options;
}

ScoreQuery priorQuery(const std::string& statement) {
    ScoreQuery query;
    query.variant = QueryVariant::NoImage;
    query.statement = {statement, clue::statementHash(statement)};
    return query;
}

// Waits for the one answer that `start` has delivered to the callback it is given.
ScoreResult awaitAnswer(const std::function<void(AnswerSource::ScoreCallback)>& start) {
    std::promise<ScoreResult> answer;
    start([&](ScoreResult result) { answer.set_value(std::move(result)); });
    auto future = answer.get_future();
    EXPECT_EQ(future.wait_for(10s), std::future_status::ready);
    return future.get();
}

ScoreResult ask(AnswerSource& source, const ScoreQuery& query) {
    return awaitAnswer([&](AnswerSource::ScoreCallback done) { source.score(query, done); });
}

std::string unreachable() {
    return "http://127.0.0.1:" + std::to_string(clue::test::closedPort()) + "/v1";
}

TEST(AnswerStack, RefusesToOpenWithoutAModelOrAReplayWithoutACache) {
    AnswerStackOptions noModel = optionsFor(unreachable());
    noModel.backend.model.clear();
    auto a = AnswerStack::open(noModel);
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().kind, AnswerStackError::Kind::NoModel);

    AnswerStackOptions replay = optionsFor(unreachable());
    replay.replay = true;
    auto b = AnswerStack::open(replay);
    ASSERT_FALSE(b);
    EXPECT_EQ(b.error().kind, AnswerStackError::Kind::ReplayWithoutCache);
}

TEST(AnswerStack, ACacheThatCannotBeOpenedIsAnErrorNamingTheFile) {
    TempDir dir;
    AnswerStackOptions options = optionsFor(unreachable());
    options.cacheFile = dir.write("not-a-cache.sqlite", "this is not a database");
    auto stack = AnswerStack::open(options);
    ASSERT_FALSE(stack);
    EXPECT_EQ(stack.error().kind, AnswerStackError::Kind::CacheUnavailable);
    EXPECT_NE(stack.error().message.find("not-a-cache.sqlite"), std::string::npos);
}

TEST(AnswerStack, TheCacheAnswersASecondQuestionWithoutACall) {
    TestHttpServer server(answerYes);
    TempDir dir;
    AnswerStackOptions options = optionsFor(server.url("/v1"));
    options.cacheFile = dir / "scores.sqlite";
    auto stack = AnswerStack::open(options);
    ASSERT_TRUE(stack) << stack.error().message;
    AnswerSource& source = stack.value()->source(clue::plan::defaultPrompts());

    ScoreResult first = ask(source, priorQuery("a person is visible"));
    ASSERT_TRUE(first);
    EXPECT_NEAR(first->score, 0.8, 1e-9);
    EXPECT_EQ(first->cost.calls, 1);
    ScoreResult second = ask(source, priorQuery("a person is visible"));
    ASSERT_TRUE(second);
    EXPECT_EQ(second->cost.calls, 0);
    EXPECT_EQ(second->cost.cacheHits, 1);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(AnswerStack, WithoutACacheEveryQuestionGoesToTheServer) {
    TestHttpServer server(answerYes);
    auto stack = AnswerStack::open(optionsFor(server.url("/v1")));
    ASSERT_TRUE(stack);
    AnswerSource& source = stack.value()->source(clue::plan::defaultPrompts());
    EXPECT_TRUE(ask(source, priorQuery("a person is visible")));
    EXPECT_TRUE(ask(source, priorQuery("a person is visible")));
    EXPECT_EQ(server.requestCount(), 2);
}

TEST(AnswerStack, AReplayAnswersFromTheCacheAloneAndAMissFails) {
    TempDir dir;
    {
        TestHttpServer server(answerYes);
        AnswerStackOptions live = optionsFor(server.url("/v1"));
        live.cacheFile = dir / "scores.sqlite";
        auto stack = AnswerStack::open(live);
        ASSERT_TRUE(stack);
        ASSERT_TRUE(ask(stack.value()->source(clue::plan::defaultPrompts()),
                        priorQuery("a person is visible")));
    }
    AnswerStackOptions replay = optionsFor(unreachable());
    replay.cacheFile = dir / "scores.sqlite";
    replay.replay = true;
    auto stack = AnswerStack::open(replay);
    ASSERT_TRUE(stack) << stack.error().message;
    EXPECT_TRUE(stack.value()->replaying());
    AnswerSource& source = stack.value()->source(clue::plan::defaultPrompts());
    ScoreResult hit = ask(source, priorQuery("a person is visible"));
    ASSERT_TRUE(hit);
    EXPECT_NEAR(hit->score, 0.8, 1e-9);
    ScoreResult miss = ask(source, priorQuery("an animal is visible"));
    ASSERT_FALSE(miss);
    EXPECT_EQ(miss.error().error.kind, BackendErrorKind::NotCached);
}

TEST(AnswerStack, OneSourcePerPromptSetAndThePromptVersionScopesTheCache) {
    TestHttpServer server(answerYes);
    TempDir dir;
    AnswerStackOptions options = optionsFor(server.url("/v1"));
    options.cacheFile = dir / "scores.sqlite";
    auto opened = AnswerStack::open(options);
    ASSERT_TRUE(opened);
    AnswerStack& stack = *opened.value();
    clue::plan::Prompts v1 = clue::plan::defaultPrompts();
    clue::plan::Prompts v2 = v1;
    v2.version += "-other";
    EXPECT_EQ(&stack.source(v1), &stack.source(clue::plan::defaultPrompts()));
    EXPECT_NE(&stack.source(v1), &stack.source(v2));
    ASSERT_TRUE(ask(stack.source(v1), priorQuery("a person is visible")));
    ScoreResult other = ask(stack.source(v2), priorQuery("a person is visible"));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->cost.calls, 1); // another prompt version: not the same cached answer
    EXPECT_EQ(server.requestCount(), 2);
}

// Serves GET /v1/models with `ids`, and answers every question like answerYes.
TestHttpServer::Handler servingModels(std::vector<std::string> ids) {
    return [ids](const httplib::Request& q, httplib::Response& r, int i) {
        if (q.method != "GET") {
            answerYes(q, r, i);
            return;
        }
        nlohmann::json data = nlohmann::json::array();
        for (const std::string& id : ids) {
            data.push_back({{"id", id}, {"object", "model"}});
        }
        r.set_content(nlohmann::json{{"object", "list"}, {"data", data}}.dump(),
                      "application/json");
    };
}

ScoreResult probe(AnswerStack& stack, const std::string& statement) {
    return awaitAnswer([&](AnswerSource::ScoreCallback done) {
        stack.probe(clue::plan::defaultPrompts(), {statement, clue::statementHash(statement)},
                    done);
    });
}

TEST(AnswerStack, AProbeGoesPastTheCacheToTheServerAndFailsWhenItIsDown) {
    TestHttpServer server(servingModels({"test-model"}));
    TempDir dir;
    AnswerStackOptions options = optionsFor(server.url("/v1"));
    options.cacheFile = dir / "scores.sqlite";
    auto stack = AnswerStack::open(options);
    ASSERT_TRUE(stack);
    ASSERT_TRUE(ask(stack.value()->source(clue::plan::defaultPrompts()),
                    priorQuery("a person is visible")));
    ScoreResult probed = probe(*stack.value(), "a person is visible");
    ASSERT_TRUE(probed);
    EXPECT_EQ(probed->cost.calls, 1);    // the cache holds the answer, and the server was asked
    EXPECT_EQ(server.requestCount(), 3); // the question, then the probe's model list and question
    EXPECT_EQ(server.recorded().at(1).path, "/v1/models");

    auto down = AnswerStack::open(optionsFor(unreachable()));
    ASSERT_TRUE(down);
    ScoreResult failed = probe(*down.value(), "a person is visible");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().error.kind, BackendErrorKind::Transport);
}

TEST(AnswerStack, ClosingItEndsTheQuestionsInFlight) {
    TestHttpServer* stalled = nullptr;
    TestHttpServer server([&](const httplib::Request& q, httplib::Response& r, int i) {
        stalled->waitForRelease();
        answerYes(q, r, i);
    });
    stalled = &server;
    auto stack = AnswerStack::open(optionsFor(server.url("/v1")));
    ASSERT_TRUE(stack);
    std::promise<ScoreResult> answer;
    stack.value()
        ->source(clue::plan::defaultPrompts())
        .score(priorQuery("a person is visible"),
               [&](ScoreResult result) { answer.set_value(std::move(result)); });
    ASSERT_TRUE(TestHttpServer::waitFor([&] { return server.currentConcurrency() == 1; }));
    stack.value().reset();
    auto future = answer.get_future();
    ASSERT_EQ(future.wait_for(10s), std::future_status::ready);
    ScoreResult result = future.get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().error.kind, BackendErrorKind::Cancelled);
    server.release();
}

TEST(AnswerStack, ThePreflightPassesWhenTheServerServesTheModel) {
    TestHttpServer server(servingModels({"other", "test-model"}));
    auto stack = AnswerStack::open(optionsFor(server.url("/v1")));
    ASSERT_TRUE(stack);
    EXPECT_FALSE(stack.value()->preflight());
    ASSERT_EQ(server.recorded().size(), 1u);
    EXPECT_EQ(server.recorded()[0].path, "/v1/models");
}

TEST(AnswerStack, ThePreflightNamesAModelTheServerDoesNotServe) {
    TestHttpServer server(servingModels({"test-modle"}));
    auto stack = AnswerStack::open(optionsFor(server.url("/v1")));
    ASSERT_TRUE(stack);
    auto problem = stack.value()->preflight();
    ASSERT_TRUE(problem);
    EXPECT_EQ(problem->kind, BackendErrorKind::ModelNotServed);
    EXPECT_NE(problem->message.find("did you mean 'test-modle'?"), std::string::npos)
        << problem->message;
}

TEST(AnswerStack, ThePreflightFailsOnADeadEndpointOrAWrongApiBase) {
    auto down = AnswerStack::open(optionsFor(unreachable()));
    ASSERT_TRUE(down);
    auto dead = down.value()->preflight();
    ASSERT_TRUE(dead);
    EXPECT_EQ(dead->kind, BackendErrorKind::Transport);
    EXPECT_NE(dead->message.find("does not answer its model list"), std::string::npos);

    TestHttpServer server(
        [](const httplib::Request&, httplib::Response& r, int) { r.status = 404; });
    auto wrongBase = AnswerStack::open(optionsFor(server.url(""))); // no /v1
    ASSERT_TRUE(wrongBase);
    auto notFound = wrongBase.value()->preflight();
    ASSERT_TRUE(notFound);
    EXPECT_EQ(notFound->httpStatus, 404);
    EXPECT_NE(notFound->message.find("is the endpoint the API base"), std::string::npos)
        << notFound->message;
}

TEST(AnswerStack, AProbeFailsWhenTheServerNoLongerServesTheModel) {
    TestHttpServer server(servingModels({"other-model"}));
    auto stack = AnswerStack::open(optionsFor(server.url("/v1")));
    ASSERT_TRUE(stack);
    ScoreResult failed = probe(*stack.value(), "a person is visible");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().error.kind, BackendErrorKind::ModelNotServed);
    EXPECT_EQ(server.requestCount(), 1) << "no question after a failed preflight";
}

TEST(AnswerStack, ThePreflightIsSkippedWhenTurnedOff) {
    AnswerStackOptions off = optionsFor(unreachable());
    off.backend.preflight = false;
    auto stack = AnswerStack::open(off);
    ASSERT_TRUE(stack);
    EXPECT_FALSE(stack.value()->preflight());
}

// A server that refuses every question with 404: after the threshold the stack stops asking, and
// every later question fails at once with the breaker's one error.
TEST(AnswerStack, TheCircuitBreakerStopsAskingAfterConsecutiveHopelessFailures) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& r, int) {
        r.status = 404;
        r.set_content(R"({"error": {"message": "no such model", "type": "invalid_request_error"}})",
                      "application/json");
    });
    AnswerStackOptions options = optionsFor(server.url("/v1"));
    options.backend.maxConsecutiveFailures = 3;
    auto stack = AnswerStack::open(options);
    ASSERT_TRUE(stack);
    AnswerSource& source = stack.value()->source(clue::plan::defaultPrompts());
    for (int i = 0; i < 10; ++i) {
        ScoreResult result = ask(source, priorQuery("statement " + std::to_string(i)));
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().error.kind,
                  i < 3 ? BackendErrorKind::ServerError : BackendErrorKind::Stopped)
            << i;
    }
    EXPECT_EQ(server.requestCount(), 3);
    auto stopped = stack.value()->stopped();
    ASSERT_TRUE(stopped);
    EXPECT_NE(stopped->message.find("no such model"), std::string::npos) << stopped->message;
}

} // namespace
