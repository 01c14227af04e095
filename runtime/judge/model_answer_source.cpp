// The model's answers: questions built from the plan's prompt templates.
#include "runtime/judge/model_answer_source.h"

#include "runtime/backend/rating_parser.h"
#include "plan/default_prompts.h"

#include <nlohmann/json.hpp>

namespace clue::runtime {
namespace {

AnswerCost costOf(const CallStats& stats) {
    return {1, 0, stats.usage};
}

// A failed call still counts as one call.
AnswerError failure(BackendError error, AnswerCost cost = {}) {
    cost.calls += 1;
    return {std::move(error), cost};
}

// The structured output the summary step asks for; servers without it get it in the prompt.
JsonSchemaFormat ratingSchema() {
    nlohmann::json schema = {{"type", "object"},
                             {"properties",
                              {{"rating", {{"type", "string"}, {"enum", {"Yes", "No"}}}},
                               {"rationale", {{"type", "string"}}}}},
                             {"required", {"rating", "rationale"}},
                             {"additionalProperties", false}};
    return {"clue_rating", std::move(schema), true};
}

std::optional<std::string_view> imageOf(const ScoreQuery& query) {
    if (query.variant == QueryVariant::NoImage) {
        return std::nullopt;
    }
    const auto& url =
        query.variant == QueryVariant::Masked ? query.editedDataUrl : query.image.dataUrl;
    return url ? std::optional<std::string_view>(*url) : std::nullopt;
}

} // namespace

ModelAnswerSource::ModelAnswerSource(OpenAiBackend& backend, plan::Prompts prompts)
    : backend_(backend), prompts_(std::move(prompts)) {}

void ModelAnswerSource::score(const ScoreQuery& query, ScoreCallback done) {
    const std::string question = plan::fillStatement(prompts_.yesNo, query.statement.statement);
    backend_.askYesNo({question, imageOf(query)}, [done = std::move(done)](YesNoResult result) {
        if (!result) {
            done(failure(std::move(result.error())));
            return;
        }
        done(ScoreAnswer{result->score.score, result->score.approximate, costOf(result->stats)});
    });
}

void ModelAnswerSource::reason(const ReasonQuery& query, RatingCallback done) {
    ChatRequest thinking;
    thinking.maxTokens = kReasoningMaxTokens;
    std::optional<std::string> image;
    if (query.image.dataUrl) {
        image = *query.image.dataUrl;
    }
    thinking.messages.push_back(
        {"user", plan::fillStatement(prompts_.reasoning, query.statement.statement), image});
    auto conversation = std::make_shared<ChatRequest>(thinking);
    const std::string summary = plan::fillStatement(prompts_.summary, query.statement.statement);
    backend_.chat(std::move(thinking),
                  [this, conversation, summary, done = std::move(done)](ChatResult first) {
                      if (!first) {
                          done(failure(std::move(first.error())));
                          return;
                      }
                      const AnswerCost cost = costOf(first->stats);
                      conversation->messages.push_back({"assistant", first->content, std::nullopt});
                      conversation->messages.push_back({"user", summary, std::nullopt});
                      conversation->maxTokens = kSummaryMaxTokens;
                      conversation->jsonSchema = ratingSchema();
                      backend_.chat(std::move(*conversation), [cost, done](ChatResult second) {
                          if (!second) {
                              done(failure(std::move(second.error()), cost));
                              return;
                          }
                          AnswerCost total = cost;
                          total += costOf(second->stats);
                          auto rating = parseRating(second->content);
                          if (!rating) {
                              done(AnswerError{rating.error(), total});
                              return;
                          }
                          done(RatingAnswer{rating->yes, std::move(rating->rationale), total});
                      });
                  });
}

} // namespace clue::runtime
