// The score cache: every model answer the judge obtained, in one SQLite file that several
// processes can share, so that re-judging a corpus asks only what it has not asked before.
#pragma once

#include "runtime/cache/query_variant.h"
#include "runtime/support/token_usage.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

namespace clue::runtime {

// Any failure of the cache; the message names the file.
class CacheError : public std::runtime_error {
public:
    CacheError(std::filesystem::path path, const std::string& message)
        : std::runtime_error(path.string() + ": " + message), path_(std::move(path)) {}
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A row that holds no valid answer: a score outside [0, 1] or not a number, a rating other than
// yes or no, a flag or a count out of range, a rationale that is not UTF-8. The file is a cache
// and readable; the row must not be used. Callers treat it as a miss (asking again replaces it),
// and under replay as an error.
class InvalidCacheRow : public CacheError {
public:
    using CacheError::CacheError;
};

struct ScoreKey {
    std::string imageSha256;   // 64 hex digits; empty for NoImage (no image, no hash)
    std::string statementHash; // clue::statementHash(statement), 64 hex digits
    std::string model;
    std::string promptVersion; // the plan's prompts.version
    QueryVariant variant = QueryVariant::Image;
};

struct CachedScore {
    double score = 0; // M in [0, 1]
    bool approximate = false;
};

struct CachedRating {
    bool yes = false;
    std::string rationale;
};

struct CacheEntry {
    // A CachedRating for QueryVariant::Reasoning, a CachedScore for every other variant.
    std::variant<CachedScore, CachedRating> value;
    TokenUsage tokens;
    std::chrono::system_clock::time_point storedAt{}; // set by store()
};

// Thread-safe; one connection per object. Other processes may open the same file at the same
// time: SQLite's WAL mode lets readers and a writer proceed together, and a busy timeout makes
// writers wait for each other instead of failing.
class ScoreCache {
public:
    static constexpr int kSchemaVersion = 1;

    struct Options {
        std::chrono::milliseconds busyTimeout{30'000};
        bool readOnly = false; // lookups only (e.g. a replay backend); store() throws
    };

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;  // invalid rows included
        std::uint64_t invalid = 0; // rows refused by lookup()
        std::uint64_t stores = 0;
    };

    // Opens or creates the cache. Throws CacheError, naming the path, when the file cannot be
    // opened or created, is not a SQLite database, is a SQLite database of something else, was
    // written by a newer schema, or is read-only while write access was asked for. A file that
    // is not a cache is never modified.
    explicit ScoreCache(std::filesystem::path path);
    ScoreCache(std::filesystem::path path, Options options);
    ~ScoreCache();
    ScoreCache(ScoreCache&&) noexcept;
    ScoreCache& operator=(ScoreCache&&) noexcept;

    // Nothing for a miss. Throws InvalidCacheRow for a row that holds no valid answer (every
    // field is checked, none is trusted), CacheError for an invalid key or when SQLite fails.
    std::optional<CacheEntry> lookup(const ScoreKey& key);
    // Inserts or replaces; storedAt is set to now. Throws CacheError for an invalid key, a value
    // that does not fit the variant, a read-only cache, or a SQLite failure.
    void store(const ScoreKey& key, const CacheEntry& entry);

    Stats stats() const;
    const std::filesystem::path& path() const;

    class Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace clue::runtime
