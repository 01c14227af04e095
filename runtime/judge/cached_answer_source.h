// The score cache in front of another answer source: a hit answers at once and costs no call;
// a miss asks the inner source and stores what it answers.
#pragma once

#include "runtime/cache/score_cache.h"
#include "runtime/judge/answer_source.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>

namespace clue::runtime {

// Whose answers a cache entry holds: the model and the plan's prompt version.
struct CacheScope {
    std::string model;
    std::string promptVersion;
};

ScoreKey cacheKey(const CacheScope& scope, const ScoreQuery& query);
ScoreKey cacheKey(const CacheScope& scope, const ReasonQuery& query);

class CachedAnswerSource : public AnswerSource {
public:
    // Cache failures (a lock held past the busy timeout, a damaged file) never fail a judgment:
    // a failed lookup is a miss, a failed store is dropped; each is reported to `warn`, once.
    // An invalid row (a score outside [0, 1], ...) is a miss too: the question is asked again
    // and the answer replaces the row; the first one is reported to `warn`, with how to find
    // the others.
    using WarningSink = std::function<void(const std::string&)>;

    // `inner` and `cache` must outlive this object and every call in flight.
    CachedAnswerSource(AnswerSource& inner, ScoreCache& cache, CacheScope scope,
                       WarningSink warn = {});

    void score(const ScoreQuery& query, ScoreCallback done) override;
    void reason(const ReasonQuery& query, RatingCallback done) override;

private:
    std::optional<CacheEntry> lookup(const ScoreKey& key);
    void store(const ScoreKey& key, const CacheEntry& entry);
    void warnOnce(const std::string& message);

    AnswerSource& inner_;
    ScoreCache& cache_;
    CacheScope scope_;
    WarningSink warn_;
    std::atomic<bool> warned_{false};
    std::atomic<bool> warnedInvalid_{false};
};

} // namespace clue::runtime
