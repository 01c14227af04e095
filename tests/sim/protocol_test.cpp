// Protocol tests against a running simulator over HTTP (libcurl): response shapes against the
// kept fixtures and the documented vLLM/OpenAI shapes, schema validation of every response kind,
// OpenAI-style error bodies, and counters that match the requests sent.
#include "common/sha256.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/testing/chat_prompts.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/json_shape.h"
#include "tests/sim/testing/local_sim.h"
#include "tests/sim/testing/schema_validator.h"
#include "tests/sim/testing/temp_dir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace clue::sim;
using namespace clue::sim::testing;
using json = nlohmann::ordered_json;

namespace {

const std::string personPng = syntheticPng(5, 1);
const std::string emptyPng = syntheticPng(5, 2);
const std::string person = "A person is visible via this image";
const std::string gore = "Should not depict gory injuries.";

std::string worldYaml() {
    return "seed: 5\nmodel: clue-sim\nstatements:\n  - statement: " + person +
           "\n    prior: 0.7\nimages:\n  - sha256: " + clue::sha256Hex(personPng) +
           "\n    true: [\"" + person + "\"]\n  - sha256: " + clue::sha256Hex(emptyPng) +
           "\nobjectify:\n  - rule: \"" + gore +
           "\"\n    ratings: [6, 9]\n    rewrites: [\"Should not depict visible blood.\"]\n"
           "    chain:\n      - any: [{statement: blood is visible, object: blood}]\n"
           "faults:\n  - {kind: http_429, statement: \"fire is visible\", retry_after_s: 7}\n";
}

json readFixture(const std::string& name) {
    std::ifstream in(std::string(CLUE_SIM_FIXTURES) + "/" + name);
    return json::parse(in);
}

// Compares the shape of `response` with the kept fixture, or rewrites the fixture when
// CLUE_UPDATE_GOLDEN=1.
void expectFixtureShape(const json& response, const std::string& name) {
    const std::string path = std::string(CLUE_SIM_FIXTURES) + "/" + name;
    if (const char* update = std::getenv("CLUE_UPDATE_GOLDEN");
        update && std::string(update) == "1") {
        std::ofstream(path) << response.dump(2) << "\n";
        return;
    }
    EXPECT_EQ(jsonShape(response), jsonShape(readFixture(name))) << name << ":\n"
                                                                 << response.dump(2);
}

// vLLM sends these as null, which OpenAI's schema types as array, object and string; the
// simulator leaves them out (README, "Protocol"). OpenAI's completion_tokens_details is not sent
// by vLLM.
const std::set<std::string> omittedFromVllm = {
    "choices[].message.annotations", "choices[].message.function_call", "system_fingerprint",
    "usage.completion_tokens_details"};

class Protocol : public ::testing::Test {
protected:
    LocalSim sim{worldYaml()};
};

} // namespace

TEST_F(Protocol, YesNoAnswerHasTheDocumentedShape) {
    long status = 0;
    const json r = sim.chat(yesNoRequest(personPng, person), &status);
    ASSERT_EQ(status, 200);
    expectFixtureShape(r, "sim_yesno.json");
    EXPECT_EQ(shapeShortfalls(readFixture("vllm_documented_chat.json"), r, omittedFromVllm),
              std::vector<std::string>{});
    EXPECT_EQ(shapeShortfalls(readFixture("openai_documented_logprobs.json"), r, omittedFromVllm),
              std::vector<std::string>{});
    EXPECT_EQ(r["object"], "chat.completion");
    EXPECT_EQ(r["model"], "clue-sim");
    EXPECT_EQ(r["id"].get<std::string>().rfind("chatcmpl-", 0), 0u);
    const json& choice = r["choices"][0];
    EXPECT_EQ(choice["finish_reason"], "length"); // max_tokens 1
    ASSERT_EQ(choice["logprobs"]["content"].size(), 1u);
    const json& token = choice["logprobs"]["content"][0];
    EXPECT_EQ(token["top_logprobs"].size(), 20u);
    EXPECT_EQ(token["token"], choice["message"]["content"]);
    EXPECT_EQ(token["token"], token["top_logprobs"][0]["token"]);
    EXPECT_EQ(r["usage"]["completion_tokens"], 1);
    EXPECT_EQ(r["usage"]["total_tokens"], r["usage"]["prompt_tokens"].get<int>() + 1);
}

TEST_F(Protocol, VisibleContentScoresHighAndAbsentContentLow) {
    EXPECT_GT(yesShare(sim.chat(yesNoRequest(personPng, person))), 0.9);
    EXPECT_LT(yesShare(sim.chat(yesNoRequest(emptyPng, person))), 0.7);
    EXPECT_NEAR(yesShare(sim.chat(yesNoRequest("", person))), 0.7, 1e-6); // the prior
}

TEST_F(Protocol, TopLogprobsAndLogprobsAreHonoured) {
    const json five = sim.chat(yesNoRequest(personPng, person, 5));
    EXPECT_EQ(five["choices"][0]["logprobs"]["content"][0]["top_logprobs"].size(), 5u);
    json plain = yesNoRequest(personPng, person);
    plain.erase("top_logprobs");
    plain["logprobs"] = false;
    const json none = sim.chat(plain);
    EXPECT_TRUE(none["choices"][0]["logprobs"].is_null());
    expectFixtureShape(none, "sim_no_logprobs.json");
}

TEST_F(Protocol, TokensAreSpelledAsTheWorldsTokenizerWould) {
    LocalSim bpe(worldYaml() + "token_style: byte_bpe\n");
    LocalSim sentencePiece(worldYaml() + "token_style: sentencepiece\n");
    auto tokens = [&](const LocalSim& server) {
        std::set<std::string> out;
        const json r = server.chat(yesNoRequest(personPng, person));
        for (const json& t : r["choices"][0]["logprobs"]["content"][0]["top_logprobs"]) {
            out.insert(t["token"].get<std::string>());
        }
        EXPECT_EQ(r["choices"][0]["message"]["content"], "Yes");
        return out;
    };
    EXPECT_EQ(tokens(bpe).count("\u0120Yes"), 1u);
    EXPECT_EQ(tokens(bpe).count(" Yes"), 0u);
    EXPECT_EQ(tokens(sentencePiece).count("\u2581Yes"), 1u);
    EXPECT_EQ(tokens(sim).count(" Yes"), 1u);
}

TEST_F(Protocol, UnknownFieldsAreIgnored) {
    json body = yesNoRequest(personPng, person);
    body["seed"] = 3;
    body["user"] = "someone";
    body["some_vendor_option"] = {{"x", 1}};
    body["messages"][0]["name"] = "tester";
    body["messages"][0]["content"][0]["image_url"]["detail"] = "high";
    long status = 0;
    const json r = sim.chat(body, &status);
    EXPECT_EQ(status, 200);
    EXPECT_EQ(r["choices"][0]["logprobs"],
              sim.chat(yesNoRequest(personPng, person))["choices"][0]["logprobs"]);
}

TEST_F(Protocol, FileUrlsReadTheSameImage) {
    TempDir dir;
    const auto file = dir.write("person.png", personPng);
    json body = yesNoRequest(personPng, person);
    body["messages"][0]["content"][0]["image_url"]["url"] = "file://" + file.string();
    EXPECT_EQ(sim.chat(body)["choices"][0]["logprobs"],
              sim.chat(yesNoRequest(personPng, person))["choices"][0]["logprobs"]);
}

TEST_F(Protocol, ChainOfThoughtAndObjectificationAnswers) {
    const json reasoning = sim.chat(reasoningRequest(personPng, person));
    const std::string text = reasoning["choices"][0]["message"]["content"];
    EXPECT_NE(text.find("visible"), std::string::npos);
    EXPECT_EQ(reasoning["choices"][0]["finish_reason"], "stop");
    expectFixtureShape(reasoning, "sim_reasoning.json");
    const json summary = sim.chat(summaryRequest(personPng, person, text));
    const json rating = json::parse(summary["choices"][0]["message"]["content"].get<std::string>());
    EXPECT_TRUE(rating["rating"] == "Yes" || rating["rating"] == "No");
    EXPECT_TRUE(rating["rationale"].is_string());
    expectFixtureShape(summary, "sim_summary.json");
    const json rate = sim.chat(objectifyRequest("Rate the objectiveness of this rule.", gore));
    EXPECT_NE(rate["choices"][0]["message"]["content"].get<std::string>().find("Rating: [[6]]"),
              std::string::npos);
    expectFixtureShape(rate, "sim_objectify_rate.json");
    const json extract =
        sim.chat(objectifyRequest("Extract the rule's precondition chain as JSON.", gore));
    EXPECT_EQ(json::parse(extract["choices"][0]["message"]["content"]
                              .get<std::string>())["chain"][0]["any"][0]["statement"],
              "blood is visible");
    expectFixtureShape(extract, "sim_objectify_extract.json");
}

TEST_F(Protocol, StructuredOutputSummariesAreBareJson) {
    LocalSim fenced(worldYaml() + "reasoning: {fenced_share: 1.0}\n");
    json body = summaryRequest(personPng, person, "It is visible.");
    EXPECT_EQ(fenced.chat(body)["choices"][0]["message"]["content"].get<std::string>().rfind(
                  "```json", 0),
              0u);
    body["response_format"] = {
        {"type", "json_schema"},
        {"json_schema", {{"name", "rating"}, {"schema", {{"type", "object"}}}}}};
    EXPECT_TRUE(
        json::accept(fenced.chat(body)["choices"][0]["message"]["content"].get<std::string>()));
}

TEST_F(Protocol, MaxTokensCutsLongAnswers) {
    json body = reasoningRequest(personPng, person);
    body["max_tokens"] = 4;
    const json r = sim.chat(body);
    EXPECT_EQ(r["choices"][0]["finish_reason"], "length");
    EXPECT_EQ(r["usage"]["completion_tokens"], 4);
}

TEST_F(Protocol, EveryResponseKindValidatesAgainstTheOpenAiSchema) {
    const auto schema = openAiSchema();
    if (!schema) {
        GTEST_SKIP() << "skipped: the OpenAI schema directory is absent (set CLUE_SCHEMA_DIR or "
                        "provide ../shared/schemas); the response shapes were not validated";
    }
    json noLogprobs = yesNoRequest(personPng, person);
    noLogprobs.erase("top_logprobs");
    noLogprobs["logprobs"] = false;
    const std::vector<json> requests = {
        yesNoRequest(personPng, person),
        yesNoRequest("", person),
        yesNoRequest(emptyPng, "an unlisted statement", 3),
        noLogprobs,
        reasoningRequest(personPng, person),
        summaryRequest(personPng, person, "It is visible."),
        objectifyRequest("Rate the objectiveness of this rule.", gore),
        objectifyRequest("Rewrite the rule to be objective.", gore),
        objectifyRequest("List the precondition chain.", gore),
        objectifyRequest("Say something.", gore),
    };
    std::vector<json> responses;
    for (const json& request : requests) {
        responses.push_back(sim.chat(request));
    }
    const Validation v = validateDocuments(*schema, "CreateChatCompletionResponse", responses);
    EXPECT_TRUE(v.valid) << v.output;
}

TEST_F(Protocol, TheDocumentedVllmBodyIsWhySomeNullsAreLeftOut) {
    const auto schema = openAiSchema();
    if (!schema) {
        GTEST_SKIP() << "skipped: the OpenAI schema directory is absent (set CLUE_SCHEMA_DIR)";
    }
    const Validation v = validateDocuments(*schema, "CreateChatCompletionResponse",
                                           {readFixture("vllm_documented_chat.json")});
    EXPECT_FALSE(v.valid);
    for (const char* field : {"annotations", "function_call", "system_fingerprint"}) {
        EXPECT_NE(v.output.find(field), std::string::npos) << field << "\n" << v.output;
    }
}

TEST_F(Protocol, MalformedRequestsGetOpenAiErrorBodies) {
    const std::string image = personPng;
    auto withUrl = [&](const std::string& url) {
        json body = yesNoRequest(image, person);
        body["messages"][0]["content"][0]["image_url"]["url"] = url;
        return body.dump();
    };
    auto with = [&](const char* key, json value) {
        json body = yesNoRequest(image, person);
        body[key] = std::move(value);
        return body.dump();
    };
    const std::vector<std::pair<std::string, json>> cases = {
        {"{not json", nullptr},
        {"[1, 2]", nullptr},
        {R"({"model": "clue-sim"})", "messages"},
        {R"({"messages": []})", "messages"},
        {R"({"messages": [{"role": "robot", "content": "hi"}]})", "messages[0].role"},
        {R"({"messages": [{"role": "user", "content": 5}]})", "messages[0].content"},
        {R"({"messages": [{"role": "user", "content": [{"text": "x"}]}]})", "messages[0].content"},
        {R"({"messages": [{"role": "user", "content": [{"type": "input_audio"}]}]})",
         "messages[0].content"},
        {R"({"messages": [{"role": "user", "content": [{"type": "image_url"}]}]})",
         "messages[0].content"},
        {withUrl("data:image/png;base64,@@@not-base64@@@"), "messages"},
        {withUrl("data:image/png,rawbytes"), "messages"},
        {withUrl("data:image/png;base64," + std::string("aGVsbG8gd29ybGQ=")), "messages"},
        {withUrl("https://example.com/cat.png"), "messages"},
        {withUrl("file:///nonexistent/cat.png"), "messages"},
        {with("max_tokens", 0), "max_tokens"},
        {with("max_tokens", "many"), "max_tokens"},
        {with("logprobs", "yes"), "logprobs"},
        {with("top_logprobs", 21), "top_logprobs"},
        {with("stream", true), "stream"},
        {with("n", 2), "n"},
        {with("response_format", {{"type", "xml"}}), "response_format"},
    };
    for (const auto& [body, param] : cases) {
        const HttpResponse r = httpPost(sim.url("/v1/chat/completions"), body);
        ASSERT_EQ(r.status, 400) << body.substr(0, 200);
        const json error = json::parse(r.body);
        EXPECT_EQ(shapeShortfalls(readFixture("openai_documented_error.json"), error),
                  std::vector<std::string>{});
        EXPECT_EQ(error["error"]["type"], "invalid_request_error");
        EXPECT_EQ(error["error"]["param"], param) << body.substr(0, 200);
        EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
    }
    json noLogprobs = yesNoRequest(image, person);
    noLogprobs["logprobs"] = false;
    const HttpResponse r = httpPost(sim.url("/v1/chat/completions"), noLogprobs.dump());
    EXPECT_EQ(r.status, 400);
    expectFixtureShape(json::parse(r.body), "sim_error_400.json");
}

TEST_F(Protocol, UnknownRoutesAndModelsAre404) {
    const HttpResponse route = httpGet(sim.url("/v1/completions/nothing"));
    EXPECT_EQ(route.status, 404);
    EXPECT_EQ(json::parse(route.body)["error"]["code"], "unknown_url");
    json body = yesNoRequest(personPng, person);
    body["model"] = "gpt-4o";
    const HttpResponse model = httpPost(sim.url("/v1/chat/completions"), body.dump());
    EXPECT_EQ(model.status, 404);
    EXPECT_EQ(json::parse(model.body)["error"]["code"], "model_not_found");
}

TEST_F(Protocol, RateLimitAnswersCarryRetryAfter) {
    const HttpResponse r = httpPost(sim.url("/v1/chat/completions"),
                                    yesNoRequest(personPng, "Fire is visible").dump());
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.headers.at("retry-after"), "7");
    const json error = json::parse(r.body);
    EXPECT_EQ(error["error"]["code"], "rate_limit_exceeded");
    expectFixtureShape(error, "sim_error_429.json");
}

TEST_F(Protocol, ModelsAndHealth) {
    const HttpResponse models = httpGet(sim.url("/v1/models"));
    EXPECT_EQ(models.status, 200);
    const json list = json::parse(models.body);
    EXPECT_EQ(list["object"], "list");
    EXPECT_EQ(list["data"][0]["id"], "clue-sim");
    expectFixtureShape(list, "sim_models.json");
    EXPECT_EQ(httpGet(sim.url("/health")).status, 200);
}

TEST_F(Protocol, CountersMatchTheRequestsSent) {
    int promptTokens = 0;
    int completionTokens = 0;
    auto send = [&](const json& body) {
        const json r = sim.chat(body);
        promptTokens += r["usage"]["prompt_tokens"].get<int>();
        completionTokens += r["usage"]["completion_tokens"].get<int>();
    };
    for (int i = 0; i < 3; ++i) {
        send(yesNoRequest(personPng, person));
    }
    send(yesNoRequest(syntheticPng(5, 99), person)); // not in the world
    send(yesNoRequest("", person));
    send(yesNoRequest("", "Blood is visible"));
    send(reasoningRequest(emptyPng, person));
    send(summaryRequest(emptyPng, person, "No."));
    send(objectifyRequest("Rate the objectiveness.", gore));
    send(objectifyRequest("Rewrite the rule.", gore));
    send(objectifyRequest("Give the precondition chain.", gore));
    send(json{{"messages", {{{"role", "user"}, {"content", "Hello"}}}}});
    httpPost(sim.url("/v1/chat/completions"), "{bad json");
    httpPost(sim.url("/v1/chat/completions"), yesNoRequest(personPng, "fire is visible.").dump());

    const json s = sim.stats();
    const json& requests = s["requests"];
    EXPECT_EQ(requests["total"], 14);
    EXPECT_EQ(requests["invalid"], 1);
    EXPECT_EQ(requests["yesno"], 5);
    EXPECT_EQ(requests["prior"], 2);
    EXPECT_EQ(requests["reasoning"], 1);
    EXPECT_EQ(requests["summary"], 1);
    EXPECT_EQ(requests["objectify_rate"], 1);
    EXPECT_EQ(requests["objectify_rewrite"], 1);
    EXPECT_EQ(requests["objectify_extract"], 1);
    EXPECT_EQ(requests["other"], 1);
    EXPECT_EQ(s["with_image"], 7);
    EXPECT_EQ(s["without_image"], 6);
    EXPECT_EQ(s["unknown_images"], 1);
    EXPECT_EQ(s["tokens"]["prompt"], promptTokens);
    EXPECT_EQ(s["tokens"]["completion"], completionTokens);
    EXPECT_EQ(s["faults"]["http_429"], 1);
    EXPECT_EQ(s["statuses"]["200"], 12);
    EXPECT_EQ(s["statuses"]["400"], 1);
    EXPECT_EQ(s["statuses"]["429"], 1);
    EXPECT_EQ(s["queue"]["served"], 12);
    EXPECT_EQ(s["statements"]["a person is visible via this image"]["yesno"], 4);
    EXPECT_EQ(s["statements"]["fire is visible"]["yesno"], 1);

    const HttpResponse reset = httpPost(sim.url("/sim/stats/reset"), "");
    EXPECT_EQ(reset.status, 200);
    EXPECT_EQ(sim.stats()["requests"]["total"], 0);
}
