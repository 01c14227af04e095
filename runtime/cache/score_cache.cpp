// Lookups and stores of cached answers, one prepared statement each, under one lock.
#include "runtime/cache/score_cache.h"

#include "common/utf8.h"
#include "runtime/cache/cache_database.h"
#include "runtime/cache/sqlite_statement.h"

#include <fmt/format.h>

#include <limits>
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

constexpr std::size_t kMaxRationaleBytes = 64u << 10;

bool isInteger(const SqliteStatement& row, int column, long long low, long long high) {
    return row.type(column) == SQLITE_INTEGER && row.integer(column) >= low &&
           row.integer(column) <= high;
}

std::optional<std::string> ratingProblem(const SqliteStatement& row) {
    if (row.type(2) != SQLITE_TEXT || (row.text(2) != "yes" && row.text(2) != "no")) {
        return "its rating is not 'yes' or 'no'";
    }
    if (row.type(3) != SQLITE_TEXT || row.text(3).size() > kMaxRationaleBytes ||
        findInvalidUtf8(row.text(3))) {
        return "its rationale is not UTF-8 text of at most " + std::to_string(kMaxRationaleBytes) +
               " bytes";
    }
    return std::nullopt;
}

// Why the row under the cursor holds no valid answer for `variant`, or nothing. The cache is a
// file anyone can write: a score of 1.93e202 made a predicate true, and -5 an image safe.
std::optional<std::string> rowProblem(const SqliteStatement& row, QueryVariant variant) {
    if (!isInteger(row, 1, 0, 1)) {
        return "its approximate flag is not 0 or 1";
    }
    if (!isInteger(row, 4, 0, std::numeric_limits<int>::max()) ||
        !isInteger(row, 5, 0, std::numeric_limits<int>::max())) {
        return "its token counts are not counts";
    }
    if (row.type(6) != SQLITE_INTEGER) {
        return "its time is not an integer";
    }
    if (variant == QueryVariant::Reasoning) {
        return ratingProblem(row);
    }
    if (row.type(0) != SQLITE_FLOAT && row.type(0) != SQLITE_INTEGER) {
        return "its score is not a number";
    }
    const double score = row.real(0);
    if (!(score >= 0 && score <= 1)) {
        return fmt::format("its score {} is outside [0, 1]", score);
    }
    return std::nullopt;
}

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
        if (auto problem = rowProblem(query, key.variant)) {
            query.reset();
            ++stats.misses;
            ++stats.invalid;
            throw InvalidCacheRow(path, "an invalid cached " + std::string(toString(key.variant)) +
                                            " answer: " + *problem);
        }
        CacheEntry entry;
        if (key.variant == QueryVariant::Reasoning) {
            entry.value = CachedRating{query.text(2) == "yes", query.text(3)};
        } else {
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
