// Opening the score cache's SQLite file: identifying it, creating its schema, switching to WAL.
#pragma once

#include "runtime/cache/sqlite_statement.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>

namespace clue::runtime {

struct SqliteCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

// Why a SQLite call failed, in the user's terms ("the score cache is damaged (...)").
std::string describeSqliteFailure(const SqliteFailure& failure);

// Opens `path` as a score cache of schema version `schemaVersion`, creating the schema in a new
// or empty file. Throws CacheError (see ScoreCache's constructor for the cases).
SqliteHandle openCacheDatabase(const std::filesystem::path& path,
                               std::chrono::milliseconds busyTimeout, bool readOnly,
                               int schemaVersion);

} // namespace clue::runtime
