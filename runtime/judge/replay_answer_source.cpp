// Replay: cache lookups only.
#include "runtime/judge/replay_answer_source.h"

namespace clue::runtime {
namespace {

AnswerError notCached(const ScoreKey& key, const std::string& statement,
                      const std::string& problem) {
    std::string message = "no cached " + std::string(toString(key.variant)) + " answer for \"" +
                          statement + "\" (model " + key.model + ", prompts " + key.promptVersion +
                          ")";
    if (!problem.empty()) {
        message += ": " + problem;
    }
    return {{BackendErrorKind::NotCached, message + "; replay asks no model"}, {}};
}

} // namespace

ReplayAnswerSource::ReplayAnswerSource(ScoreCache& cache, CacheScope scope)
    : cache_(cache), scope_(std::move(scope)) {}

std::optional<CacheEntry> ReplayAnswerSource::lookup(const ScoreKey& key, std::string& problem) {
    try {
        return cache_.lookup(key);
    } catch (const CacheError& e) {
        problem = e.what();
        return std::nullopt;
    }
}

void ReplayAnswerSource::score(const ScoreQuery& query, ScoreCallback done) {
    const ScoreKey key = cacheKey(scope_, query);
    std::string problem;
    auto entry = lookup(key, problem);
    if (!entry || !std::holds_alternative<CachedScore>(entry->value)) {
        done(notCached(key, query.statement.statement, problem));
        return;
    }
    const auto& cached = std::get<CachedScore>(entry->value);
    done(ScoreAnswer{cached.score, cached.approximate, {0, 1, {}}});
}

void ReplayAnswerSource::reason(const ReasonQuery& query, RatingCallback done) {
    const ScoreKey key = cacheKey(scope_, query);
    std::string problem;
    auto entry = lookup(key, problem);
    if (!entry || !std::holds_alternative<CachedRating>(entry->value)) {
        done(notCached(key, query.statement.statement, problem));
        return;
    }
    auto& cached = std::get<CachedRating>(entry->value);
    done(RatingAnswer{cached.yes, std::move(cached.rationale), {0, 1, {}}});
}

} // namespace clue::runtime
