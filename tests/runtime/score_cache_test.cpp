// Tests of the SQLite score cache: keys, values, the file format, refusals of files that are not
// caches, read-only use, and several threads and processes sharing one file.
#include "runtime/cache/score_cache.h"

#include "child_process.h"
#include "common/sha256.h"
#include "common/statement.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

using namespace clue::runtime;
using clue::test::TempDir;

namespace {

ScoreKey keyFor(const std::string& image, const std::string& statement,
                QueryVariant variant = QueryVariant::Image) {
    return {variant == QueryVariant::NoImage ? "" : clue::sha256Hex(image),
            clue::statementHash(statement), "internvl2-8b", "clue-judge/1", variant};
}

CacheEntry scoreEntry(double score, bool approximate = false) {
    return {CachedScore{score, approximate}, {812, 1}, {}};
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs SQL on a file with a plain connection, as another program would.
std::string sqlOn(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    std::string result;
    sqlite3_exec(
        db, sql.c_str(),
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) += values[0] != nullptr ? values[0] : "NULL";
            return 0;
        },
        &result, nullptr);
    sqlite3_close(db);
    return result;
}

std::string openError(const std::filesystem::path& path, ScoreCache::Options options = {}) {
    try {
        ScoreCache cache(path, options);
    } catch (const CacheError& error) {
        EXPECT_EQ(error.path(), path);
        return error.what();
    }
    ADD_FAILURE() << "opened " << path;
    return {};
}

} // namespace

TEST(ScoreCache, StoresAndReadsAScore) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    const ScoreKey key = keyFor("img", "a person is visible");
    EXPECT_FALSE(cache.lookup(key));
    const auto before = std::chrono::system_clock::now();
    cache.store(key, scoreEntry(0.731, true));
    const auto after = std::chrono::system_clock::now();
    const auto entry = cache.lookup(key);
    ASSERT_TRUE(entry);
    const auto& score = std::get<CachedScore>(entry->value);
    EXPECT_DOUBLE_EQ(score.score, 0.731);
    EXPECT_TRUE(score.approximate);
    EXPECT_EQ(entry->tokens, (TokenUsage{812, 1}));
    EXPECT_GE(entry->storedAt, std::chrono::time_point_cast<std::chrono::milliseconds>(before));
    EXPECT_LE(entry->storedAt, after);
}

TEST(ScoreCache, StoresAndReadsARating) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    const ScoreKey key =
        keyFor("img", "the injuries indicate imminent death", QueryVariant::Reasoning);
    cache.store(key, {CachedRating{true, "Severe wounds and a pool of blood."}, {1500, 240}, {}});
    const auto entry = cache.lookup(key);
    ASSERT_TRUE(entry);
    const auto& rating = std::get<CachedRating>(entry->value);
    EXPECT_TRUE(rating.yes);
    EXPECT_EQ(rating.rationale, "Severe wounds and a pool of blood.");
    EXPECT_EQ(entry->tokens, (TokenUsage{1500, 240}));
}

TEST(ScoreCache, EveryPartOfTheKeyDistinguishesAnswers) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    const ScoreKey base = keyFor("img", "fire is visible");
    cache.store(base, scoreEntry(0.9));
    std::vector<ScoreKey> others(5, base);
    others[0].imageSha256 = clue::sha256Hex("another image");
    others[1].statementHash = clue::statementHash("smoke is visible");
    others[2].model = "llava-1.6";
    others[3].promptVersion = "clue-judge/2";
    others[4].variant = QueryVariant::Masked;
    for (const auto& other : others) {
        EXPECT_FALSE(cache.lookup(other));
    }
    // The statement's normalized form is its identity: case and final punctuation do not matter.
    EXPECT_TRUE(cache.lookup(keyFor("img", "Fire is visible.")));
}

TEST(ScoreCache, StoringAgainReplacesTheAnswer) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    const ScoreKey key = keyFor("img", "fire is visible");
    cache.store(key, scoreEntry(0.2));
    cache.store(key, scoreEntry(0.8));
    EXPECT_DOUBLE_EQ(std::get<CachedScore>(cache.lookup(key)->value).score, 0.8);
    EXPECT_EQ(sqlOn(dir / "scores.sqlite", "SELECT count(*) FROM answers"), "1");
}

TEST(ScoreCache, TheLanguagePriorHasNoImageHash) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    const ScoreKey prior = keyFor("", "fire is visible", QueryVariant::NoImage);
    cache.store(prior, scoreEntry(0.35));
    EXPECT_DOUBLE_EQ(std::get<CachedScore>(cache.lookup(prior)->value).score, 0.35);
    ScoreKey withImage = prior;
    withImage.imageSha256 = clue::sha256Hex("img");
    EXPECT_THROW(cache.lookup(withImage), CacheError);
    ScoreKey imageWithout = keyFor("img", "fire is visible");
    imageWithout.imageSha256.clear();
    EXPECT_THROW(cache.store(imageWithout, scoreEntry(0.1)), CacheError);
}

TEST(ScoreCache, InvalidKeysAndMismatchedValuesAreRefused) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    ScoreKey key = keyFor("img", "fire is visible");
    key.statementHash = "fire is visible"; // not a hash
    EXPECT_THROW(cache.lookup(key), CacheError);
    key = keyFor("img", "fire is visible");
    key.model.clear();
    EXPECT_THROW(cache.store(key, scoreEntry(0.5)), CacheError);
    EXPECT_THROW(cache.store(keyFor("img", "s"), {CachedRating{true, "r"}, {}, {}}), CacheError);
    EXPECT_THROW(cache.store(keyFor("img", "s", QueryVariant::Reasoning), scoreEntry(0.5)),
                 CacheError);
    try {
        cache.store(keyFor("img", "s"), scoreEntry(1.5)); // not a probability
        ADD_FAILURE() << "stored a score above 1";
    } catch (const CacheError& error) {
        EXPECT_NE(std::string(error.what()).find("store failed"), std::string::npos);
    }
}

// The cache is a file anyone can write: a score of 1.93e202 made a predicate true, and -5 made
// an unsafe image safe. Every field of a row is checked; a row that fails is never used.
TEST(ScoreCache, RowsThatHoldNoValidAnswerAreRefused) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    const ScoreKey score = keyFor("img", "a");
    const ScoreKey rating = keyFor("img", "a", QueryVariant::Reasoning);
    const std::vector<std::pair<std::string, std::string>> damages = {
        {"score = 1.93e202", "its score 1.93e+202 is outside [0, 1]"},
        {"score = -5", "its score -5 is outside [0, 1]"},
        {"score = 'high'", "its score is not a number"},
        {"score = NULL", "its score is not a number"},
        {"score = x'00'", "its score is not a number"},
        {"approximate = 7", "its approximate flag is not 0 or 1"},
        {"prompt_tokens = -1", "its token counts are not counts"},
        {"completion_tokens = 1e12", "its token counts are not counts"},
        {"stored_at_ms = 'now'", "its time is not an integer"},
    };
    for (const auto& [damage, problem] : damages) {
        {
            ScoreCache cache(path);
            cache.store(score, scoreEntry(0.5));
        }
        sqlOn(path, "PRAGMA ignore_check_constraints = 1; UPDATE answers SET " + damage);
        ScoreCache cache(path);
        try {
            cache.lookup(score);
            ADD_FAILURE() << "used a row with " << damage;
        } catch (const InvalidCacheRow& e) {
            EXPECT_EQ(std::string(e.what()),
                      path.string() + ": an invalid cached image answer: " + problem);
        }
        EXPECT_EQ(cache.stats().invalid, 1u);
        EXPECT_EQ(cache.stats().misses, 1u);
        cache.store(score, scoreEntry(0.25)); // asking again replaces the row
        EXPECT_DOUBLE_EQ(std::get<CachedScore>(cache.lookup(score)->value).score, 0.25);
    }
    for (const auto& [damage, problem] : std::vector<std::pair<std::string, std::string>>{
             {"rating = 'maybe'", "its rating is not 'yes' or 'no'"},
             {"rationale = x'ff'", "its rationale is not UTF-8 text of at most 65536 bytes"},
             {"rationale = NULL", "its rationale is not UTF-8 text"},
             {"rationale = zeroblob(70000)", "its rationale is not UTF-8 text"}}) {
        ScoreCache(path).store(rating, {CachedRating{true, "r"}, {1, 1}, {}});
        sqlOn(path, "PRAGMA ignore_check_constraints = 1; UPDATE answers SET " + damage +
                        " WHERE variant = 'reasoning'");
        try {
            ScoreCache(path).lookup(rating);
            ADD_FAILURE() << "used a row with " << damage;
        } catch (const InvalidCacheRow& e) {
            EXPECT_NE(std::string(e.what()).find(problem), std::string::npos) << e.what();
        }
    }
}

TEST(ScoreCache, CountsHitsMissesAndStores) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    cache.lookup(keyFor("img", "a"));
    cache.store(keyFor("img", "a"), scoreEntry(0.5));
    cache.lookup(keyFor("img", "a"));
    cache.lookup(keyFor("img", "a"));
    const auto stats = cache.stats();
    EXPECT_EQ(stats.misses, 1u);
    EXPECT_EQ(stats.hits, 2u);
    EXPECT_EQ(stats.stores, 1u);
}

TEST(ScoreCache, TheFileIsAVersionedWalDatabaseThatPersists) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    ScoreCache(path).store(keyFor("img", "a"), scoreEntry(0.25));
    ScoreCache reopened(path);
    EXPECT_DOUBLE_EQ(std::get<CachedScore>(reopened.lookup(keyFor("img", "a"))->value).score, 0.25);
    EXPECT_EQ(sqlOn(path, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(sqlOn(path, "SELECT value FROM meta WHERE key = 'format'"), "clue.score-cache");
    EXPECT_EQ(sqlOn(path, "SELECT value FROM meta WHERE key = 'schema_version'"), "1");
    EXPECT_EQ(sqlOn(path, "SELECT variant || ':' || score FROM answers"), "image:0.25");
}

TEST(ScoreCache, AnEmptyFileBecomesACache) {
    TempDir dir;
    const auto path = dir.write("new.sqlite", "");
    ScoreCache cache(path);
    cache.store(keyFor("img", "a"), scoreEntry(0.5));
    EXPECT_TRUE(cache.lookup(keyFor("img", "a")));
}

TEST(ScoreCache, AFileThatIsNotADatabaseIsAClearErrorAndStaysUntouched) {
    TempDir dir;
    const std::string text = "These are my notes, not a database.\n" + std::string(5000, 'x');
    const auto path = dir.write("notes.txt", text);
    const std::string error = openError(path);
    EXPECT_EQ(error.rfind(path.string() + ": not a SQLite database, so not a score cache", 0), 0u)
        << error;
    EXPECT_EQ(readFile(path), text);
}

TEST(ScoreCache, AForeignSqliteDatabaseIsRefusedUntouched) {
    TempDir dir;
    const auto path = dir / "photos.db";
    sqlOn(path, "CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES ('cat.jpg')");
    const std::string before = readFile(path);
    const std::string error = openError(path);
    EXPECT_NE(error.find("not a clue score cache (a SQLite database with the tables photos)"),
              std::string::npos)
        << error;
    EXPECT_EQ(readFile(path), before);
    EXPECT_EQ(sqlOn(path, "PRAGMA journal_mode"), "delete");
}

TEST(ScoreCache, ACacheOfANewerSchemaIsRefused) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    { ScoreCache cache(path); }
    sqlOn(path, "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    EXPECT_NE(openError(path).find("score cache schema version 2, but this clue reads version 1"),
              std::string::npos);
}

TEST(ScoreCache, ADamagedCacheIsAClearError) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    {
        ScoreCache cache(path);
        for (int i = 0; i < 200; ++i) {
            cache.store(keyFor("img" + std::to_string(i), "a"), scoreEntry(0.5));
        }
    }
    sqlOn(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::string bytes = readFile(path);
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096; i < bytes.size(); ++i) {
        bytes[i] = static_cast<char>(0xA5); // every page after the first
    }
    std::ofstream(path, std::ios::binary) << bytes;
    try {
        ScoreCache cache(path);
        cache.lookup(keyFor("img7", "a"));
        ADD_FAILURE() << "a damaged cache was read";
    } catch (const CacheError& error) {
        EXPECT_EQ(error.path(), path);
        EXPECT_NE(std::string(error.what()).find("damaged"), std::string::npos) << error.what();
    }
}

TEST(ScoreCache, AnUnusablePathIsAClearError) {
    TempDir dir;
    EXPECT_NE(openError(dir / "missing/scores.sqlite")
                  .find("cannot create the score cache: " + (dir / "missing").string() +
                        " is not an existing directory"),
              std::string::npos);
    const auto file = dir.write("file.txt", "x");
    EXPECT_NE(openError(file / "scores.sqlite").find("is not an existing directory"),
              std::string::npos);
    EXPECT_NE(openError(dir.path()).find("is a directory; the score cache is a file"),
              std::string::npos);
}

TEST(ScoreCache, AReadOnlyFileIsAClearErrorForWriting) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    ScoreCache(path).store(keyFor("img", "a"), scoreEntry(0.5));
    sqlOn(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0555), 0);
    auto check = [&] {
        return openError(path).find("the score cache is read-only; it needs write access") !=
               std::string::npos;
    };
    EXPECT_TRUE(clue::test::withoutRoot(check));
    ::chmod(dir.path().c_str(), 0755);
}

TEST(ScoreCache, ReadOnlyOpensLookUpButDoNotStore) {
    TempDir dir;
    const auto path = dir / "scores.sqlite";
    ScoreCache(path).store(keyFor("img", "a"), scoreEntry(0.5));
    ScoreCache readOnly(path, {std::chrono::seconds(5), true});
    EXPECT_TRUE(readOnly.lookup(keyFor("img", "a")));
    EXPECT_THROW(readOnly.store(keyFor("img", "b"), scoreEntry(0.5)), CacheError);
    EXPECT_NE(openError(dir / "absent.sqlite", {std::chrono::seconds(5), true})
                  .find("cannot open the score cache"),
              std::string::npos);
}

// `clue judge --replay` refused a cache in a read-only folder: a reader of a WAL database needs
// its index file, which it could neither open nor create there.
TEST(ScoreCache, ReadOnlyOpensWorkInAReadOnlyFolder) {
    TempDir dir;
    const auto folder = dir / "ro";
    std::filesystem::create_directory(folder);
    const auto path = folder / "scores.sqlite";
    ScoreCache(path).store(keyFor("img", "a"), scoreEntry(0.5));
    sqlOn(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::filesystem::remove(folder / "scores.sqlite-wal");
    std::filesystem::remove(folder / "scores.sqlite-shm");
    ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
    ASSERT_EQ(::chmod(folder.c_str(), 0555), 0);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
    EXPECT_TRUE(clue::test::withoutRoot([&] {
        try {
            ScoreCache readOnly(path, {std::chrono::seconds(5), true});
            const auto entry = readOnly.lookup(keyFor("img", "a"));
            return entry && std::get<CachedScore>(entry->value).score == 0.5 &&
                   !readOnly.lookup(keyFor("img", "b"));
        } catch (const CacheError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return false;
        }
    }));
    ::chmod(folder.c_str(), 0755);
}

TEST(ScoreCache, ThreadsShareOneCache) {
    TempDir dir;
    ScoreCache cache(dir / "scores.sqlite");
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&cache, t] {
            for (int i = 0; i < 100; ++i) {
                const ScoreKey key = keyFor(std::to_string(t) + "/" + std::to_string(i), "a");
                cache.store(key, scoreEntry(i / 100.0));
                EXPECT_DOUBLE_EQ(std::get<CachedScore>(cache.lookup(key)->value).score, i / 100.0);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(sqlOn(dir / "scores.sqlite", "SELECT count(*) FROM answers"), "400");
}

TEST(ScoreCache, TwoProcessesCreateWriteAndReadOneFileAtOnce) {
    TempDir dir;
    const auto path = dir / "shared.sqlite"; // does not exist yet: both processes race to create it
    constexpr int kPerProcess = 300;
    int gate[2];
    ASSERT_EQ(::pipe(gate), 0);
    auto worker = [&](int self) {
        return [&, self] {
            ::close(gate[1]);
            char ignored;
            [[maybe_unused]] auto got =
                ::read(gate[0], &ignored, 1); // returns when the gate closes
            ScoreCache cache(path, {std::chrono::seconds(60), false});
            const int other = 1 - self;
            int seenFromOther = 0;
            for (int i = 0; i < kPerProcess; ++i) {
                const ScoreKey mine = keyFor(std::to_string(self) + "/" + std::to_string(i), "a");
                cache.store(mine, scoreEntry(self == 0 ? 0.25 : 0.75));
                const auto back = cache.lookup(mine);
                if (!back ||
                    std::get<CachedScore>(back->value).score != (self == 0 ? 0.25 : 0.75)) {
                    return false;
                }
                const auto theirs =
                    cache.lookup(keyFor(std::to_string(other) + "/" + std::to_string(i), "a"));
                if (theirs) {
                    ++seenFromOther;
                    if (std::get<CachedScore>(theirs->value).score != (other == 0 ? 0.25 : 0.75)) {
                        return false;
                    }
                }
            }
            std::fprintf(stderr, "process %d saw %d answers of the other\n", self, seenFromOther);
            return true;
        };
    };
    std::vector<pid_t> children;
    for (int self = 0; self < 2; ++self) {
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            bool ok = false;
            try {
                ok = worker(self)();
            } catch (const std::exception& e) {
                std::fprintf(stderr, "process %d: %s\n", self, e.what());
            }
            ::_exit(ok ? 0 : 1);
        }
        children.push_back(child);
    }
    ::close(gate[0]);
    ::close(gate[1]); // opens the gate for both at once
    for (pid_t child : children) {
        int status = 0;
        ASSERT_EQ(::waitpid(child, &status, 0), child);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    ScoreCache cache(path);
    for (int self = 0; self < 2; ++self) {
        for (int i = 0; i < kPerProcess; ++i) {
            const auto entry =
                cache.lookup(keyFor(std::to_string(self) + "/" + std::to_string(i), "a"));
            ASSERT_TRUE(entry) << self << "/" << i;
            EXPECT_DOUBLE_EQ(std::get<CachedScore>(entry->value).score, self == 0 ? 0.25 : 0.75);
        }
    }
}
