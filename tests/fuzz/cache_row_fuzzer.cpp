// libFuzzer target for the score cache's row checks (docs/fuzzing.md). The cache is a file anyone
// can write, so the fuzzer writes it as a hostile program would: its own `answers` table without
// clue's constraints, holding one row whose value columns are drawn from the input (any SQLite
// type, any value). ScoreCache::lookup() must then either return an answer that is valid (a
// finite score in [0, 1], counts that are counts, a UTF-8 rationale) or throw InvalidCacheRow.
#include "common/utf8.h"
#include "runtime/cache/score_cache.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>

namespace {

using namespace clue::runtime;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "cache_row_fuzzer: %s\n", what.c_str());
    std::abort();
}

const std::string kImage(64, 'a');
const std::string kStatement(64, 'b');

// Reads the input front to back; past its end, zeros.
class Input {
public:
    Input(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    uint64_t word() {
        uint64_t value = 0;
        for (int i = 0; i < 8; ++i) {
            value = value << 8 | byte();
        }
        return value;
    }
    std::string bytes(size_t count) {
        std::string out;
        while (count-- > 0 && at_ < size_) {
            out += static_cast<char>(data_[at_++]);
        }
        return out;
    }

private:
    const uint8_t* data_;
    size_t size_;
    size_t at_ = 0;
};

void execute(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail(std::string("SQL failed: ") + sqlite3_errmsg(db));
    }
}

// The writer's connection and clue's read-only cache on one file, made once per process.
struct Files {
    std::filesystem::path path;
    sqlite3* writer = nullptr;
    std::unique_ptr<ScoreCache> cache;

    Files() {
        path = std::filesystem::temp_directory_path() /
               ("clue-cache-row-fuzzer-" + std::to_string(::getpid()) + ".sqlite");
        std::filesystem::remove(path);
        if (sqlite3_open(path.c_str(), &writer) != SQLITE_OK) {
            fail("cannot create " + path.string());
        }
        execute(writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;"
                        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                        "INSERT INTO meta VALUES ('format', 'clue.score-cache'), "
                        "('schema_version', '1');"
                        "CREATE TABLE answers (image_sha256, statement_hash, model, "
                        "prompt_version, variant, score, approximate, rating, rationale, "
                        "prompt_tokens, completion_tokens, stored_at_ms)");
        cache = std::make_unique<ScoreCache>(path, ScoreCache::Options{{}, true});
    }
    ~Files() {
        cache.reset();
        sqlite3_close(writer);
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path.string() + suffix);
        }
    }
};

// Binds column value `index` (1-based) of the insert from the input: a type, then a value.
void bindValue(sqlite3_stmt* insert, int index, Input& input) {
    switch (input.byte() % 7) {
    case 0:
        sqlite3_bind_null(insert, index);
        return;
    case 1:
        sqlite3_bind_int64(insert, index, static_cast<sqlite3_int64>(input.word()));
        return;
    case 2: {
        const uint64_t bits = input.word();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        sqlite3_bind_double(insert, index, value);
        return;
    }
    case 3: // a plain fraction: near the scores that are valid
        sqlite3_bind_double(insert, index, (static_cast<int>(input.byte()) - 64) / 64.0);
        return;
    case 6: // a small integer, negative ones included: near the flags and counts that are valid
        sqlite3_bind_int64(insert, index, static_cast<int>(input.byte()) - 64);
        return;
    case 4: {
        const std::string text = input.bytes(input.byte());
        sqlite3_bind_text(insert, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT);
        return;
    }
    default: {
        const std::string blob = input.bytes(input.byte());
        sqlite3_bind_blob(insert, index, blob.data(), static_cast<int>(blob.size()),
                          SQLITE_TRANSIENT);
        return;
    }
    }
}

void writeRow(sqlite3* db, bool reasoning, Input& input) {
    execute(db, "DELETE FROM answers");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO answers VALUES (?, ?, 'm', 'p', ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    sqlite3_bind_text(insert, 1, kImage.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, kStatement.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, reasoning ? "reasoning" : "image", -1, SQLITE_STATIC);
    for (int column = 4; column <= 10; ++column) {
        bindValue(insert, column, input);
    }
    if (sqlite3_step(insert) != SQLITE_DONE) {
        fail(std::string("insert failed: ") + sqlite3_errmsg(db));
    }
    sqlite3_finalize(insert);
}

void checkEntry(const CacheEntry& entry) {
    if (entry.tokens.prompt < 0 || entry.tokens.completion < 0) {
        fail("negative token counts");
    }
    if (const auto* score = std::get_if<CachedScore>(&entry.value)) {
        if (!std::isfinite(score->score) || score->score < 0 || score->score > 1) {
            fail("a score outside [0, 1]: " + std::to_string(score->score));
        }
        return;
    }
    const auto& rating = std::get<CachedRating>(entry.value);
    if (clue::findInvalidUtf8(rating.rationale) || rating.rationale.size() > (64u << 10)) {
        fail("a rationale that is not UTF-8 text of at most 64 KiB");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static Files files;
    Input input(data, size);
    const bool reasoning = input.byte() % 2 == 1;
    writeRow(files.writer, reasoning, input);
    const ScoreKey key{kImage, kStatement, "m", "p",
                       reasoning ? QueryVariant::Reasoning : QueryVariant::Image};
    try {
        const auto entry = files.cache->lookup(key);
        if (!entry) {
            fail("the row was not found");
        }
        checkEntry(*entry);
    } catch (const InvalidCacheRow&) {
        // refused: what must happen to a row that holds no valid answer
    } catch (const CacheError& e) {
        fail(std::string("a cache error other than an invalid row: ") + e.what());
    }
    return 0;
}
