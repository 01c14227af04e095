// Regression test of a use-after-free: a sink that throws (a file name that JSON could not hold
// did) ended BatchJudge::run() while answers were still in flight. `clue judge` then destroyed
// the judge and its priors, and shutting the HTTP client down delivered the cancelled answers
// into them (PriorTable::get on a destroyed table: SIGSEGV, or malloc_consolidate() aborts;
// AddressSanitizer reports a heap-use-after-free). run() must not return, or rethrow, while an
// answer is in flight.
#include "runtime/backend/openai_backend.h"
#include "runtime/http/http_client.h"
#include "runtime/judge/batch_judge.h"
#include "runtime/judge/model_answer_source.h"
#include "tests/judge/plan_builder.h"
#include "tests/runtime/temp_dir.h"
#include "tests/runtime/test_http_server.h"
#include "tests/support/test_images.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <thread>

namespace clue::runtime {
namespace {

using namespace std::chrono_literals;

// Counts the questions asked and the answers delivered.
class CountingSource : public AnswerSource {
public:
    explicit CountingSource(AnswerSource& inner) : inner_(inner) {}

    void score(const ScoreQuery& query, ScoreCallback done) override {
        ++asked_;
        inner_.score(query, [this, done = std::move(done)](ScoreResult result) {
            ++answered_;
            done(std::move(result));
        });
    }
    void reason(const ReasonQuery& query, RatingCallback done) override {
        ++asked_;
        inner_.reason(query, [this, done = std::move(done)](RatingResult result) {
            ++answered_;
            done(std::move(result));
        });
    }
    int asked() const { return asked_; }
    int answered() const { return answered_; }

private:
    AnswerSource& inner_;
    std::atomic<int> asked_{0};
    std::atomic<int> answered_{0};
};

// What `clue judge` asks through (runtime/session/answer_stack.h): the HTTP client, shut down first
// when the connection ends.
struct Connection {
    Connection(const std::string& endpoint, const plan::Prompts& prompts)
        : backend(client, {endpoint, "m", "", 20, {}}), model(backend, prompts), source(model) {}
    ~Connection() { client.shutdown(); }

    HttpClient client;
    OpenAiBackend backend;
    ModelAnswerSource model;
    CountingSource source;
};

std::string yesAnswer(double yes) {
    const nlohmann::json top =
        nlohmann::json::array({{{"token", "Yes"}, {"logprob", std::log(yes)}},
                               {{"token", "No"}, {"logprob", std::log(1 - yes)}}});
    nlohmann::json first = top[0];
    first["top_logprobs"] = top;
    return nlohmann::json{{"choices",
                           {{{"index", 0},
                             {"message", {{"role", "assistant"}, {"content", "Yes"}}},
                             {"logprobs", {{"content", {first}}}},
                             {"finish_reason", "length"}}}}}
        .dump();
}

TEST(BatchJudgeLifetime, ASinkThatThrowsLeavesNoAnswerInFlight) {
    // Slow answers, so that many are in flight when the first image's result reaches the sink.
    test::TestHttpServer server(
        [](const httplib::Request& request, httplib::Response& response, int) {
            std::this_thread::sleep_for(20ms);
            const bool image = request.body.find("image_url") != std::string::npos;
            response.set_content(yesAnswer(image ? 0.9 : 0.3), "application/json");
        });
    test::PlanBuilder b; // priors are not calibrated: every image needs them
    const uint32_t a = b.pred("a person is visible");
    const uint32_t c = b.pred("blood is visible");
    const uint32_t d = b.pred("fire is visible");
    b.rule("r1", b.all({a, c}));
    b.rule("r2", b.all({a, d}));
    b.waves({{0}, {1, 2}});
    const plan::Plan plan = b.build();
    test::TempDir dir;
    std::vector<std::filesystem::path> images;
    for (int i = 0; i < 12; ++i) {
        images.push_back(dir.write("img" + std::to_string(i) + ".png", test::pngImage(i)));
    }

    auto connection = std::make_unique<Connection>(server.url("/v1"), plan.prompts);
    {
        PriorTable priors(plan, "m", connection->source);
        PredicateJudge judge(plan, connection->source, priors, {});
        BatchOptions options;
        options.imagesInFlight = 12;
        EXPECT_THROW(
            BatchJudge(judge, options)
                .run(images, [](const ImageResult&,
                                std::size_t) { throw std::runtime_error("the sink failed"); }),
            std::runtime_error);
        EXPECT_GT(connection->source.asked(), 1);
        EXPECT_EQ(connection->source.answered(), connection->source.asked())
            << "run() ended with answers in flight";
    }                   // the judge and its priors end here, as in `clue judge`
    connection.reset(); // shutting the client down must call into nothing that is gone
}

} // namespace
} // namespace clue::runtime
