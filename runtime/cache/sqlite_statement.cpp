// SQLite statement wrapper.
#include "runtime/cache/sqlite_statement.h"

namespace clue::runtime {

void checkSqlite(sqlite3* db, int result) {
    if (result != SQLITE_OK) {
        throw SqliteFailure(result & 0xff,
                            db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result));
    }
}

void executeSql(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int result = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (result != SQLITE_OK) {
        std::string text = message != nullptr ? message : sqlite3_errstr(result);
        sqlite3_free(message);
        throw SqliteFailure(result & 0xff, text);
    }
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    checkSqlite(db_, sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement_,
                                        nullptr));
}

SqliteStatement::~SqliteStatement() {
    sqlite3_finalize(statement_);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    checkSqlite(db_, sqlite3_bind_text(statement_, index, text.data(),
                                       static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
    checkSqlite(db_, sqlite3_bind_double(statement_, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, long long value) {
    checkSqlite(db_, sqlite3_bind_int64(statement_, index, value));
    return *this;
}

SqliteStatement& SqliteStatement::bindNull(int index) {
    checkSqlite(db_, sqlite3_bind_null(statement_, index));
    return *this;
}

bool SqliteStatement::step() {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(statement_);
    throw SqliteFailure(result & 0xff, message);
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int SqliteStatement::type(int column) const {
    return sqlite3_column_type(statement_, column);
}

double SqliteStatement::real(int column) const {
    return sqlite3_column_double(statement_, column);
}

long long SqliteStatement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::string SqliteStatement::text(int column) const {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(bytes),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

} // namespace clue::runtime
