// Judging a corpus with two plans through one answer stack, and comparing: the corpus level of
// `clue diff`. A replaying stack answers from the score cache alone, so nothing is asked and
// what the cache lacks is counted; a live one (with its cache in front) asks exactly what the
// cache lacks.
#pragma once

#include "runtime/corpus/corpus_impact.h"
#include "runtime/judge/batch_judge.h"
#include "runtime/session/answer_stack.h"

#include <vector>

namespace clue::runtime {

// Judges the images with both plans. Settings are `clue judge`'s defaults (debiasing and the
// chain-of-thought on, no detector), whose answers the cache holds.
CorpusImpact diffCorpus(AnswerStack& stack, const plan::Plan& oldPlan, const plan::Plan& newPlan,
                        const std::vector<ImageInput>& inputs, const BatchOptions& batch);

// OLD's judgments already made (`clue judge` output read back with resultFromJson); NEW judges
// the images they name, which must still be the images OLD judged.
CorpusImpact diffCorpus(AnswerStack& stack, const plan::Plan& oldPlan, const plan::Plan& newPlan,
                        const std::vector<ImageResult>& oldResults, const BatchOptions& batch);

// One plan's results of the images, in input order.
std::vector<ImageResult> judgeAll(AnswerStack& stack, const plan::Plan& plan,
                                  const std::vector<ImageInput>& inputs, const BatchOptions& batch);

} // namespace clue::runtime
