// The score cache's file format.
//
// meta(key, value): format = "clue.score-cache", schema_version = "1". A file is a cache only
// when its meta table says so; anything else is refused untouched.
// answers: one row per (image_sha256, statement_hash, model, prompt_version, variant); a score
// (and its approximate flag) for the image, no-image and masked variants, a rating and rationale
// for reasoning; token counts; the time it was stored (Unix milliseconds).
#include "runtime/cache/cache_database.h"

#include "runtime/cache/score_cache.h"
#include "runtime/cache/sqlite_statement.h"

#include <string>
#include <vector>

namespace clue::runtime {
namespace {

constexpr const char* kFormat = "clue.score-cache";

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE answers (
    image_sha256 TEXT NOT NULL,
    statement_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    variant TEXT NOT NULL CHECK (variant IN ('image', 'no-image', 'masked', 'reasoning')),
    score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
    approximate INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    rating TEXT CHECK (rating IS NULL OR rating IN ('yes', 'no')),
    rationale TEXT,
    prompt_tokens INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    stored_at_ms INTEGER NOT NULL,
    PRIMARY KEY (image_sha256, statement_hash, model, prompt_version, variant),
    CHECK (CASE WHEN variant = 'reasoning'
                THEN rating IS NOT NULL AND rationale IS NOT NULL AND score IS NULL
                ELSE score IS NOT NULL AND rating IS NULL END)
) WITHOUT ROWID;
)sql";

} // namespace

std::string describeSqliteFailure(const SqliteFailure& failure) {
    switch (failure.code()) {
    case SQLITE_NOTADB:
        return "not a SQLite database, so not a score cache (" + std::string(failure.what()) + ")";
    case SQLITE_CORRUPT:
        return "the score cache is damaged (" + std::string(failure.what()) + ")";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the score cache stayed locked by another process too long (" +
               std::string(failure.what()) + ")";
    case SQLITE_READONLY:
        return "the score cache cannot be written (" + std::string(failure.what()) + ")";
    default:
        return std::string("SQLite error: ") + failure.what();
    }
}

namespace {

std::vector<std::string> tableNames(sqlite3* db) {
    SqliteStatement query(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    while (query.step()) {
        names.push_back(query.text(0));
    }
    return names;
}

std::string metaValue(sqlite3* db, const char* key) {
    SqliteStatement query(db, "SELECT value FROM meta WHERE key = ?");
    query.bind(1, std::string_view(key));
    return query.step() ? query.text(0) : std::string();
}

// Creates the schema unless another process did it first; true when the file now holds it.
void initialize(sqlite3* db, int schemaVersion) {
    executeSql(db, "BEGIN IMMEDIATE");
    try {
        if (tableNames(db).empty()) {
            executeSql(db, kSchema);
            SqliteStatement insert(db, "INSERT INTO meta (key, value) VALUES (?, ?)");
            insert.bind(1, std::string_view("format")).bind(2, std::string_view(kFormat)).step();
            insert.reset();
            insert.bind(1, std::string_view("schema_version"))
                .bind(2, std::string_view(std::to_string(schemaVersion)))
                .step();
        }
        executeSql(db, "COMMIT");
    } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void checkIdentity(const std::filesystem::path& path, sqlite3* db, int schemaVersion) {
    const std::vector<std::string> tables = tableNames(db);
    bool hasMeta = false;
    std::string list;
    for (const auto& name : tables) {
        hasMeta = hasMeta || name == "meta";
        list += (list.empty() ? "" : ", ") + name;
    }
    if (!hasMeta || metaValue(db, "format") != kFormat) {
        throw CacheError(path, "not a clue score cache (a SQLite database with the tables " + list +
                                   "); it is left untouched");
    }
    const std::string version = metaValue(db, "schema_version");
    if (version != std::to_string(schemaVersion)) {
        throw CacheError(path, "score cache schema version " + version +
                                   ", but this clue reads "
                                   "version " +
                                   std::to_string(schemaVersion) + "; use a new cache file");
    }
}

void useWriteAheadLog(const std::filesystem::path& path, sqlite3* db) {
    SqliteStatement pragma(db, "PRAGMA journal_mode = WAL");
    const std::string mode = pragma.step() ? pragma.text(0) : std::string();
    if (mode != "wal") {
        throw CacheError(path, "cannot use SQLite's write-ahead log here (journal mode '" + mode +
                                   "'); put the cache on a local file system");
    }
    executeSql(db, "PRAGMA synchronous = NORMAL");
}

// "file:PATH" with the characters a URI gives a meaning to escaped.
std::string fileUri(const std::filesystem::path& path) {
    std::string uri = "file:";
    const std::string text = path.string();
    if (text.rfind("//", 0) == 0) {
        uri += "//"; // an empty authority, so that the path's own "//" is not read as a host
    }
    for (char c : text) {
        uri += c == '%' ? "%25" : c == '?' ? "%3f" : c == '#' ? "%23" : std::string(1, c);
    }
    return uri + "?immutable=1";
}

SqliteHandle openHandle(const std::filesystem::path& path, bool readOnly,
                        std::chrono::milliseconds busyTimeout, bool immutable = false) {
    sqlite3* raw = nullptr;
    const int flags =
        (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
    const int result =
        sqlite3_open_v2(immutable ? fileUri(path).c_str() : path.c_str(), &raw, flags, nullptr);
    SqliteHandle db(raw);
    if (result != SQLITE_OK) {
        const std::string reason = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(result);
        throw CacheError(path, std::string(readOnly ? "cannot open the score cache: "
                                                    : "cannot open or create the score cache: ") +
                                   reason);
    }
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), static_cast<int>(busyTimeout.count()));
    return db;
}

// A reader of a WAL database needs its index (the -shm file). When that can be neither opened
// nor created (a read-only folder or medium), nothing can be writing to the file either: it is
// read as it is (SQLite's immutable mode), rather than refused.
SqliteHandle openReadOnly(const std::filesystem::path& path,
                          std::chrono::milliseconds busyTimeout) {
    SqliteHandle db = openHandle(path, true, busyTimeout);
    try {
        tableNames(db.get());
        return db;
    } catch (const SqliteFailure& failure) {
        if (failure.code() != SQLITE_READONLY && failure.code() != SQLITE_CANTOPEN) {
            throw;
        }
    }
    return openHandle(path, true, busyTimeout, true);
}

} // namespace

SqliteHandle openCacheDatabase(const std::filesystem::path& path,
                               std::chrono::milliseconds busyTimeout, bool readOnly,
                               int schemaVersion) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw CacheError(path, "is a directory; the score cache is a file");
    }
    const auto parent = path.parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
        throw CacheError(path, "cannot create the score cache: " + parent.string() +
                                   " is not an existing directory");
    }
    SqliteHandle db;
    try {
        db = readOnly ? openReadOnly(path, busyTimeout) : openHandle(path, false, busyTimeout);
        if (!readOnly && sqlite3_db_readonly(db.get(), "main") == 1) {
            throw CacheError(path, "the score cache is read-only; it needs write access (or a "
                                   "read-only open)");
        }
        if (tableNames(db.get()).empty()) {
            if (readOnly) {
                throw CacheError(path, "the score cache is empty and was opened read-only");
            }
            initialize(db.get(), schemaVersion);
        }
        checkIdentity(path, db.get(), schemaVersion);
        if (!readOnly) {
            useWriteAheadLog(path, db.get());
        }
    } catch (const SqliteFailure& failure) {
        throw CacheError(path, describeSqliteFailure(failure));
    }
    return db;
}

} // namespace clue::runtime
