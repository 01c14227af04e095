// Lookups and stores of cached answers, one prepared statement each, under one lock.
#include "runtime/cache/score_cache.h"

#include "runtime/cache/cache_database.h"
#include "runtime/cache/sqlite_statement.h"

#include <mutex>

namespace clue::runtime {
namespace {

bool isSha256Hex(const std::string& text) {
    if (text.size() != 64) {
        return false;
    }
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

// Why `key` cannot address an answer, or nothing.
std::optional<std::string> keyProblem(const ScoreKey& key) {
    if (key.variant == QueryVariant::NoImage ? !key.imageSha256.empty()
                                             : !isSha256Hex(key.imageSha256)) {
        return key.variant == QueryVariant::NoImage
                   ? "a no-image key has no image hash"
                   : "the image hash must be 64 lower-case hex digits";
    }
    if (!isSha256Hex(key.statementHash)) {
        return "the statement hash must be 64 lower-case hex digits";
    }
    if (key.model.empty() || key.promptVersion.empty()) {
        return "the model and the prompt version must not be empty";
    }
    return std::nullopt;
}

long long unixMillis(std::chrono::system_clock::time_point time) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

constexpr const char* kLookup =
    "SELECT score, approximate, rating, rationale, prompt_tokens, completion_tokens, stored_at_ms "
    "FROM answers WHERE image_sha256 = ? AND statement_hash = ? AND model = ? AND "
    "prompt_version = ? AND variant = ?";

constexpr const char* kStore =
    "INSERT OR REPLACE INTO answers (image_sha256, statement_hash, model, prompt_version, "
    "variant, score, approximate, rating, rationale, prompt_tokens, completion_tokens, "
    "stored_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void bindKey(SqliteStatement& statement, const ScoreKey& key) {
    statement.bind(1, std::string_view(key.imageSha256))
        .bind(2, std::string_view(key.statementHash))
        .bind(3, std::string_view(key.model))
        .bind(4, std::string_view(key.promptVersion))
        .bind(5, toString(key.variant));
}

} // namespace

class ScoreCache::Impl {
public:
    Impl(std::filesystem::path file, Options opts)
        : path(std::move(file)), options(opts),
          db(openCacheDatabase(path, options.busyTimeout, options.readOnly, kSchemaVersion)),
          lookupStatement(db.get(), kLookup), storeStatement(db.get(), kStore) {}

    std::optional<CacheEntry> lookup(const ScoreKey& key) {
        std::lock_guard lock(mutex);
        SqliteStatement& query = lookupStatement;
        query.reset();
        bindKey(query, key);
        if (!query.step()) {
            ++stats.misses;
            return std::nullopt;
        }
        CacheEntry entry;
        if (key.variant == QueryVariant::Reasoning) {
            if (query.isNull(2) || query.isNull(3)) {
                throw CacheError(path, "a reasoning answer without its rating");
            }
            entry.value = CachedRating{query.text(2) == "yes", query.text(3)};
        } else {
            if (query.isNull(0)) {
                throw CacheError(path, "a score answer without its score");
            }
            entry.value = CachedScore{query.real(0), query.integer(1) != 0};
        }
        entry.tokens = {static_cast<int>(query.integer(4)), static_cast<int>(query.integer(5))};
        entry.storedAt =
            std::chrono::system_clock::time_point(std::chrono::milliseconds(query.integer(6)));
        query.reset();
        ++stats.hits;
        return entry;
    }

    void store(const ScoreKey& key, const CacheEntry& entry) {
        const bool isRating = std::holds_alternative<CachedRating>(entry.value);
        if (isRating != (key.variant == QueryVariant::Reasoning)) {
            throw CacheError(path, std::string("a ") + (isRating ? "rating" : "score") +
                                       " cannot be stored for the " +
                                       std::string(toString(key.variant)) + " variant");
        }
        if (options.readOnly) {
            throw CacheError(path, "the score cache was opened read-only");
        }
        std::lock_guard lock(mutex);
        SqliteStatement& insert = storeStatement;
        insert.reset();
        bindKey(insert, key);
        if (const auto* rating = std::get_if<CachedRating>(&entry.value)) {
            insert.bindNull(6)
                .bind(7, 0LL)
                .bind(8, std::string_view(rating->yes ? "yes" : "no"))
                .bind(9, std::string_view(rating->rationale));
        } else {
            const auto& score = std::get<CachedScore>(entry.value);
            insert.bind(6, score.score)
                .bind(7, score.approximate ? 1LL : 0LL)
                .bindNull(8)
                .bindNull(9);
        }
        insert.bind(10, static_cast<long long>(entry.tokens.prompt))
            .bind(11, static_cast<long long>(entry.tokens.completion))
            .bind(12, unixMillis(std::chrono::system_clock::now()));
        insert.step();
        insert.reset();
        ++stats.stores;
    }

    std::filesystem::path path;
    Options options;
    SqliteHandle db;
    SqliteStatement lookupStatement;
    SqliteStatement storeStatement;
    mutable std::mutex mutex;
    Stats stats;
};

ScoreCache::ScoreCache(std::filesystem::path path) : ScoreCache(std::move(path), Options{}) {}

ScoreCache::ScoreCache(std::filesystem::path path, Options options) {
    try {
        impl_ = std::make_unique<Impl>(path, options);
    } catch (const SqliteFailure& failure) {
        throw CacheError(path, describeSqliteFailure(failure));
    }
}

ScoreCache::~ScoreCache() = default;
ScoreCache::ScoreCache(ScoreCache&&) noexcept = default;
ScoreCache& ScoreCache::operator=(ScoreCache&&) noexcept = default;

std::optional<CacheEntry> ScoreCache::lookup(const ScoreKey& key) {
    if (auto problem = keyProblem(key)) {
        throw CacheError(impl_->path, "invalid cache key: " + *problem);
    }
    try {
        return impl_->lookup(key);
    } catch (const SqliteFailure& failure) {
        throw CacheError(impl_->path, "lookup failed: " + describeSqliteFailure(failure));
    }
}

void ScoreCache::store(const ScoreKey& key, const CacheEntry& entry) {
    if (auto problem = keyProblem(key)) {
        throw CacheError(impl_->path, "invalid cache key: " + *problem);
    }
    try {
        impl_->store(key, entry);
    } catch (const SqliteFailure& failure) {
        throw CacheError(impl_->path, "store failed: " + describeSqliteFailure(failure));
    }
}

ScoreCache::Stats ScoreCache::stats() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

const std::filesystem::path& ScoreCache::path() const {
    return impl_->path;
}

} // namespace clue::runtime
