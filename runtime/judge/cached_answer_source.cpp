// Cache-through answers: look up, else ask and store.
#include "runtime/judge/cached_answer_source.h"

namespace clue::runtime {
namespace {

AnswerCost hit(const CacheEntry&) {
    return {0, 1, {}};
}

} // namespace

ScoreKey cacheKey(const CacheScope& scope, const ScoreQuery& query) {
    const bool noImage = query.variant == QueryVariant::NoImage;
    return {noImage ? std::string() : query.image.sha256, query.statement.key, scope.model,
            scope.promptVersion, query.variant};
}

ScoreKey cacheKey(const CacheScope& scope, const ReasonQuery& query) {
    return {query.image.sha256, query.statement.key, scope.model, scope.promptVersion,
            QueryVariant::Reasoning};
}

CachedAnswerSource::CachedAnswerSource(AnswerSource& inner, ScoreCache& cache, CacheScope scope,
                                       WarningSink warn)
    : inner_(inner), cache_(cache), scope_(std::move(scope)), warn_(std::move(warn)) {}

void CachedAnswerSource::warnOnce(const std::string& message) {
    if (warn_ && !warned_.exchange(true)) {
        warn_("score cache: " + message + " (answers go uncached; later problems not shown)");
    }
}

std::optional<CacheEntry> CachedAnswerSource::lookup(const ScoreKey& key) {
    try {
        return cache_.lookup(key);
    } catch (const InvalidCacheRow& e) {
        if (warn_ && !warnedInvalid_.exchange(true)) {
            warn_("score cache: " + std::string(e.what()) +
                  "; invalid rows are asked again and replaced (later ones not shown)");
        }
        return std::nullopt;
    } catch (const CacheError& e) {
        warnOnce(e.what());
        return std::nullopt;
    }
}

void CachedAnswerSource::store(const ScoreKey& key, const CacheEntry& entry) {
    try {
        cache_.store(key, entry);
    } catch (const CacheError& e) {
        warnOnce(e.what());
    }
}

void CachedAnswerSource::score(const ScoreQuery& query, ScoreCallback done) {
    ScoreKey key = cacheKey(scope_, query);
    if (auto entry = lookup(key); entry && std::holds_alternative<CachedScore>(entry->value)) {
        const auto& cached = std::get<CachedScore>(entry->value);
        done(ScoreAnswer{cached.score, cached.approximate, hit(*entry)});
        return;
    }
    inner_.score(query, [this, key = std::move(key), done = std::move(done)](ScoreResult result) {
        if (result) {
            store(key, {CachedScore{result->score, result->approximate}, result->cost.tokens, {}});
        }
        done(std::move(result));
    });
}

void CachedAnswerSource::reason(const ReasonQuery& query, RatingCallback done) {
    ScoreKey key = cacheKey(scope_, query);
    if (auto entry = lookup(key); entry && std::holds_alternative<CachedRating>(entry->value)) {
        auto& cached = std::get<CachedRating>(entry->value);
        done(RatingAnswer{cached.yes, std::move(cached.rationale), hit(*entry)});
        return;
    }
    inner_.reason(query, [this, key = std::move(key), done = std::move(done)](RatingResult result) {
        if (result) {
            store(key, {CachedRating{result->yes, result->rationale}, result->cost.tokens, {}});
        }
        done(std::move(result));
    });
}

} // namespace clue::runtime
