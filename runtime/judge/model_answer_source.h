// Answers from the model server: the plan's yes/no template as one-token questions, and the
// two-step chain-of-thought (reasoning, then a JSON summary read by the rating parser).
#pragma once

#include "runtime/backend/openai_backend.h"
#include "runtime/judge/answer_source.h"
#include "plan/plan.h"

namespace clue::runtime {

class ModelAnswerSource : public AnswerSource {
public:
    static constexpr int kReasoningMaxTokens = 512;
    static constexpr int kSummaryMaxTokens = 256;

    // The backend must outlive this object and every call in flight.
    ModelAnswerSource(OpenAiBackend& backend, plan::Prompts prompts);

    void score(const ScoreQuery& query, ScoreCallback done) override;
    void reason(const ReasonQuery& query, RatingCallback done) override;

private:
    OpenAiBackend& backend_;
    plan::Prompts prompts_;
};

} // namespace clue::runtime
