// The lockfile: stable bytes, a faithful round trip, entry lookup, and located errors for every
// kind of damage.
#include "common/sha256.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/objectify/lockfile_reader.h"

#include <gtest/gtest.h>

namespace clue::objectify {
namespace {

LockEntry entry(const std::string& id, const std::string& text, const std::string& model = "m1") {
    LockEntry e;
    e.ruleId = id;
    e.text = text;
    e.textSha256 = sha256Hex(text);
    e.model = model;
    e.promptVersion = "objectify/1";
    e.rating = 6;
    e.explanation = "It says \"suggestive\": a judgment.";
    e.rewrites = {{text + " Rewritten once.", 8, "Better."},
                  {text + " Rewritten twice, it's done.", 9, "Objective."}};
    e.finalRound = 2;
    e.when =
        R"(("a person is visible" or "an animal is visible") and "the person's legs are spread")";
    e.objects = {{"the person's legs are spread", "legs"}};
    return e;
}

struct Read {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<Lockfile> lockfile;

    explicit Read(const std::string& text) {
        lockfile = parseLockfile(sources, sources.addFile("p.clue.lock", text), diags);
    }
    std::string rendered() const {
        std::string out;
        for (const Diagnostic* d : diags.sorted()) {
            out += renderText(*d, sources);
        }
        return out;
    }
};

TEST(Lockfile, WritesTheSameBytesWhateverTheOrderOfEntries) {
    Lockfile a, b;
    a.put(entry("zeta", "Rule Z."));
    a.put(entry("alpha", "Rule A."));
    b.put(entry("alpha", "Rule A."));
    b.put(entry("zeta", "Rule Z."));
    std::string text = writeLockfile(a, "p.clue");
    EXPECT_EQ(text, writeLockfile(b, "p.clue"));
    EXPECT_LT(text.find("id: \"alpha\""), text.find("id: \"zeta\""));
    EXPECT_NE(text.find("lockfile: clue.lock/v1"), std::string::npos);
    EXPECT_NE(text.find("when: '(\"a person is visible\" or \"an animal is visible\") and "
                        "\"the person''s legs are spread\"'"),
              std::string::npos)
        << text;
}

TEST(Lockfile, ReadsBackWhatItWrote) {
    Lockfile original;
    original.put(entry("legs", "People in swimwear should not be shown in a suggestive way."));
    LockEntry plain = entry("plain", "Should not depict fire.");
    plain.rewrites.clear();
    plain.finalRound = 0;
    plain.objects.clear();
    original.put(plain);
    std::string text = writeLockfile(original, "p.clue");
    Read read(text);
    ASSERT_TRUE(read.lockfile) << read.rendered();
    ASSERT_EQ(read.lockfile->entries().size(), 2u);
    EXPECT_EQ(writeLockfile(*read.lockfile, "p.clue"), text);
    const LockEntry* legs =
        read.lockfile->find("legs", "People in swimwear should not be shown in a suggestive way.");
    ASSERT_NE(legs, nullptr);
    EXPECT_EQ(legs->rewrites.size(), 2u);
    EXPECT_EQ(legs->finalRating(), 9);
    EXPECT_EQ(legs->objects.front().object, "legs");
    EXPECT_EQ(legs->explanation, "It says \"suggestive\": a judgment.");
}

TEST(Lockfile, FindsEntriesByTextAndReportsStaleOnes) {
    Lockfile lock;
    lock.put(entry("r1", "Text one."));
    EXPECT_NE(lock.find("r1", "Text one."), nullptr);
    // The accepted final rewrite matches as well.
    EXPECT_NE(lock.find("r1", "Text one. Rewritten twice, it's done."), nullptr);
    // Another rule with the same text shares the entry.
    EXPECT_NE(lock.find("copy", "Text one."), nullptr);
    EXPECT_EQ(lock.find("r1", "Text one, changed."), nullptr);
    EXPECT_NE(lock.staleFor("r1", "Text one, changed."), nullptr);
    EXPECT_EQ(lock.staleFor("r2", "Anything."), nullptr);
}

TEST(Lockfile, PutReplacesTheRulesEntryAndKeepOnlyPrunes) {
    Lockfile lock;
    lock.put(entry("r1", "Old text."));
    lock.put(entry("r2", "Other."));
    lock.put(entry("r1", "New text.", "m2"));
    ASSERT_EQ(lock.entries().size(), 2u);
    EXPECT_EQ(lock.find("r1", "New text.")->model, "m2");
    EXPECT_EQ(lock.find("r1", "Old text."), nullptr);
    lock.keepOnly({"r1"});
    ASSERT_EQ(lock.entries().size(), 1u);
    EXPECT_EQ(lock.entries().front().ruleId, "r1");
}

// Writes one valid entry, then lets `damage` edit the text before reading it.
std::string damaged(const std::string& from, const std::string& to) {
    Lockfile lock;
    lock.put(entry("r1", "Should not show it."));
    std::string text = writeLockfile(lock, "p.clue");
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

void expectError(const std::string& text, const std::string& message, int line) {
    Read read(text);
    EXPECT_FALSE(read.lockfile);
    std::string shown = read.rendered();
    EXPECT_NE(shown.find("error[E080]"), std::string::npos) << shown;
    EXPECT_NE(shown.find(message), std::string::npos) << shown;
    EXPECT_NE(shown.find("p.clue.lock:" + std::to_string(line) + ":"), std::string::npos) << shown;
}

TEST(Lockfile, DamageIsALocatedError) {
    // Line 4 is `lockfile:`, 5 `rules:`, 6 the entry's id, 7 text, 8 hash, ..., 11 rating.
    expectError(damaged("lockfile: clue.lock/v1", "lockfile: clue.lock/v9"),
                "unknown lockfile version", 4);
    expectError(damaged("rating: 6", "rating: 11"), "'rating' must be a whole number", 11);
    expectError(damaged("rating: 6", "rating: six"), "'rating' must be a whole number", 11);
    expectError(damaged("rating: 6", "ratings: 6"), "unknown key 'ratings'", 11);
    expectError(damaged("text: \"Should not show it.\"", "text: \"Should not show that.\""),
                "not the SHA-256 of 'text'", 8);
    expectError(damaged("final_round: 2", "final_round: 3"), "'final_round' must be", 20);
    expectError(damaged("when: '(", "when: '(person or "), "names the predicate 'person'", 21);
    expectError(damaged("when: '(", "when: '(("), "cannot be read: it is not a formula", 21);
    expectError(damaged("object: \"legs\"", "object: \"legs\"\n      - statement: \"a cat\"\n"
                                            "        object: \"cat\""),
                "which the 'when' formula does not use", 25);
    expectError(damaged("  - id: \"r1\"", "  - id: [r1]"), "'id' must be a non-empty text", 6);
    expectError("rules: [\n", "not valid YAML", 2);
    // A second `when:` was silently ignored: yaml-cpp's lookups take the first copy.
    expectError(damaged("final_round: 2", "final_round: 2\n    final_round: 0"),
                "duplicate key 'final_round': each key may appear once in a mapping", 21);
    expectError("- a\n- b\n", "this is not a lockfile", 1);
}

TEST(Lockfile, TwoEntriesForOneKeyAreAnError) {
    Lockfile lock;
    lock.put(entry("r1", "Same."));
    std::string text = writeLockfile(lock, "p.clue");
    std::string body = text.substr(text.find("  - id:"));
    std::string twice = text + body;
    size_t second = twice.rfind("id: \"r1\"");
    twice.replace(second, 8, "id: \"r2\"");
    Read read(twice);
    EXPECT_FALSE(read.lockfile);
    EXPECT_NE(read.rendered().find("a second entry for the same rule text"), std::string::npos)
        << read.rendered();
}

TEST(Lockfile, AMissingFileIsAnEmptyLockfile) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::optional<Lockfile> lock = readLockfile("/nonexistent/dir/p.clue.lock", sources, diags);
    ASSERT_TRUE(lock);
    EXPECT_TRUE(lock->empty());
    EXPECT_FALSE(diags.hasErrors());
}

} // namespace
} // namespace clue::objectify
