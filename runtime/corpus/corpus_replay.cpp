// Judging a corpus with both plans of a diff.
#include "runtime/corpus/corpus_replay.h"

#include "runtime/judge/predicate_judge.h"
#include "runtime/judge/prior_table.h"

namespace clue::runtime {

std::vector<ImageResult> judgeAll(AnswerStack& stack, const plan::Plan& plan,
                                  const std::vector<ImageInput>& inputs,
                                  const BatchOptions& batch) {
    AnswerSource& source = stack.source(plan.prompts);
    PriorTable priors(plan, stack.backend().model, source);
    PredicateJudge judge(plan, source, priors, JudgeSettings{});
    std::vector<ImageResult> results(inputs.size());
    BatchOptions options = batch;
    options.onError = OnError::Error; // a diff compares what each side decided, nothing else
    BatchJudge(judge, options).run(inputs, [&](const ImageResult& result, std::size_t index) {
        results[index] = result;
    });
    return results;
}

namespace {

AnswerCost costOf(const std::vector<ImageResult>& results) {
    AnswerCost total;
    for (const ImageResult& result : results) {
        total += result.cost;
    }
    return total;
}

} // namespace

CorpusImpact diffCorpus(AnswerStack& stack, const plan::Plan& oldPlan, const plan::Plan& newPlan,
                        const std::vector<ImageInput>& inputs, const BatchOptions& batch) {
    const std::vector<ImageResult> before = judgeAll(stack, oldPlan, inputs, batch);
    const std::vector<ImageResult> after = judgeAll(stack, newPlan, inputs, batch);
    CorpusImpact impact = compareResults(oldPlan, newPlan, before, after);
    impact.asked = !stack.replaying();
    impact.cost = costOf(before);
    impact.cost += costOf(after);
    return impact;
}

CorpusImpact diffCorpus(AnswerStack& stack, const plan::Plan& oldPlan, const plan::Plan& newPlan,
                        const std::vector<ImageResult>& oldResults, const BatchOptions& batch) {
    std::vector<ImageInput> inputs;
    for (const ImageResult& result : oldResults) {
        inputs.emplace_back(result.path);
    }
    const std::vector<ImageResult> after = judgeAll(stack, newPlan, inputs, batch);
    CorpusImpact impact = compareResults(oldPlan, newPlan, oldResults, after);
    impact.asked = !stack.replaying();
    impact.cost = costOf(after);
    return impact;
}

} // namespace clue::runtime
