// A prepared SQLite statement with RAII and exceptions, for the score cache.
#pragma once

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace clue::runtime {

// A failed SQLite call: the primary result code (SQLITE_BUSY, SQLITE_NOTADB, ...) and the message.
class SqliteFailure : public std::runtime_error {
public:
    SqliteFailure(int code, const std::string& message)
        : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

private:
    int code_;
};

// Throws SqliteFailure with the connection's message unless `result` is SQLITE_OK.
void checkSqlite(sqlite3* db, int result);

// Runs statements that return no rows.
void executeSql(sqlite3* db, const char* sql);

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are 1-based, as in SQL.
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, double value);
    SqliteStatement& bind(int index, long long value);
    SqliteStatement& bindNull(int index);

    bool step(); // true when a row is ready, false when done
    void reset();

    bool isNull(int column) const;
    int type(int column) const; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or _NULL
    double real(int column) const;
    long long integer(int column) const;
    std::string text(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

} // namespace clue::runtime
