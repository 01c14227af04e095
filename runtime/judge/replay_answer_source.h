// The replay backend: answers only from the score cache, never from a model. A question the
// cache cannot answer is an error (`not-cached`), so a replayed run fails closed like any other.
#pragma once

#include "runtime/cache/score_cache.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/cached_answer_source.h"

namespace clue::runtime {

class ReplayAnswerSource : public AnswerSource {
public:
    // `cache` (typically opened read-only) must outlive this object.
    ReplayAnswerSource(ScoreCache& cache, CacheScope scope);

    void score(const ScoreQuery& query, ScoreCallback done) override;
    void reason(const ReasonQuery& query, RatingCallback done) override;

private:
    std::optional<CacheEntry> lookup(const ScoreKey& key, std::string& problem);

    ScoreCache& cache_;
    CacheScope scope_;
};

} // namespace clue::runtime
