// Tests of the world file reader: the documented keys, defaults, and located errors.
#include "common/statement.h"
#include "tests/sim/world_loader.h"
#include "tests/sim/world_writer.h"

#include <gtest/gtest.h>

using namespace clue::sim;

namespace {

const std::string sha(64, 'a');

std::string errorOf(const std::string& yaml) {
    try {
        parseWorld(yaml, "w.yaml");
    } catch (const WorldError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(WorldLoader, ReadsEverySection) {
    const World w = parseWorld(R"(
seed: 12345678901234
model: sim-vl
image_tokens: 100
latency: {base_ms: 5, per_token_ms: 1.5, slots: 3}
reasoning: {error_rate: 0.1, fenced_share: 0.2, prose_share: 0.3}
defaults: {prior: 0.4, noise: 0.5}
statements:
  - statement: "A Person is visible."
    prior: 0.7
    hard: 0.1
    object: person
    reasoning_error_rate: 0.2
images:
  - sha256: )" + sha + R"(
    file: images/a.png
    true: ["a person is visible"]
    hard: ["fire is visible"]
    region: ["a person is visible"]
  - sha256: )" + std::string(64, 'b') +
                                   R"(
    masked_of: )" + sha + R"(
    object: person
faults:
  - {kind: http_429, share: 0.5, retry_after_s: 3, request_kind: yesno}
  - {kind: stall, first: 2, stall_ms: 100, statement: "Fire is visible."}
objectify:
  - rule: "No gore."
    ratings: [6, 9]
    rewrites: ["No visible blood."]
    chain:
      - any: [{statement: "blood is visible", object: blood}]
    invalid: {rate: 1, extract: 2}
)",
                               "w.yaml");
    EXPECT_EQ(w.seed, 12345678901234u);
    EXPECT_EQ(w.model, "sim-vl");
    EXPECT_EQ(w.imageTokens, 100);
    EXPECT_EQ(w.latency.slots, 3);
    EXPECT_DOUBLE_EQ(w.latency.perTokenMs, 1.5);
    EXPECT_DOUBLE_EQ(w.reasoning.proseShare, 0.3);
    const StatementBehaviour& person = w.behaviour("a person is visible");
    EXPECT_DOUBLE_EQ(person.prior, 0.7);
    EXPECT_DOUBLE_EQ(person.noise, 0.5); // from defaults
    EXPECT_EQ(person.object, "person");
    EXPECT_DOUBLE_EQ(*person.reasoningErrorRate, 0.2);
    EXPECT_DOUBLE_EQ(w.behaviour("unlisted").prior, 0.4);
    ASSERT_NE(w.image(sha), nullptr);
    EXPECT_EQ(w.image(sha)->trueStatements.count("a person is visible"), 1u);
    EXPECT_EQ(w.image(std::string(64, 'b'))->maskedOf, sha);
    ASSERT_EQ(w.faults.size(), 2u);
    EXPECT_EQ(w.faults[0].kind, FaultKind::Http429);
    EXPECT_EQ(w.faults[0].retryAfterSeconds, 3);
    EXPECT_EQ(*w.faults[1].first, 2u);
    EXPECT_EQ(w.faults[1].statement, "fire is visible");
    ASSERT_EQ(w.objectify.size(), 1u);
    EXPECT_EQ(w.objectify[0].ratings, (std::vector<int>{6, 9}));
    EXPECT_EQ(w.objectify[0].chain[0][0].object, "blood");
    EXPECT_EQ(w.objectify[0].invalidExtract, 2);
}

TEST(WorldLoader, EmptyFileIsTheDefaultWorld) {
    const World w = parseWorld("", "w.yaml");
    EXPECT_EQ(w.model, "clue-sim");
    EXPECT_EQ(w.latency.slots, 4);
    EXPECT_TRUE(w.images.empty());
}

TEST(WorldLoader, ErrorsNameTheLine) {
    EXPECT_EQ(errorOf("seed: 1\nlatncy: {slots: 2}\n"), "w.yaml:2:1: unknown key 'latncy'");
    EXPECT_EQ(errorOf("statements:\n  - statement: a\n    prior: 1.5\n"),
              "w.yaml:3:12: 'prior' must be between 0.001 and 0.999");
    EXPECT_EQ(errorOf("images:\n  - sha256: abc\n"),
              "w.yaml:2:5: an image entry needs 'sha256': 64 lower-case hex digits");
    EXPECT_EQ(errorOf("faults:\n  - kind: http_418\n"),
              "w.yaml:2:5: a fault needs 'kind': http_500, http_429, stall, truncate or "
              "no_logprobs");
    EXPECT_EQ(errorOf("latency: {slots: 2.5}\n"), "w.yaml:1:18: 'slots' must be an integer");
    EXPECT_NE(errorOf("seed: [1\n").find("w.yaml:"), std::string::npos);
    EXPECT_EQ(errorOf("statements:\n  - statement: a\n  - statement: A.\n"),
              "w.yaml:3:5: statement 'A.' is listed twice");
    EXPECT_EQ(errorOf("seed: 1\nlatency: {slots: 2}\nseed: 2\n"),
              "w.yaml:3:1: duplicate key 'seed': each key may appear once in a mapping");
}

TEST(WorldLoader, MissingFileIsAnError) {
    EXPECT_THROW(loadWorldFile("/nonexistent/world.yaml"), WorldError);
}

TEST(WorldWriter, WhatItWritesReadsBackTheSame) {
    World w;
    w.seed = 77;
    w.model = "m";
    w.imageTokens = 12;
    w.tokenStyle = TokenStyle::ByteBpe;
    w.latency = {3.5, 1.25, 6};
    w.reasoning = {0.2, 0.1, 0.3};
    w.defaults.prior = 0.25;
    StatementBehaviour b;
    b.statement = "Blood: \"red\" is visible";
    b.prior = 0.61;
    b.hard = 0.1;
    b.object = "blood";
    b.reasoningErrorRate = 0.05;
    w.statements[clue::normalizeStatement(b.statement)] = b;
    ImageFacts a;
    a.sha256 = sha;
    a.file = "images/00001.png";
    a.trueStatements = {"blood: \"red\" is visible", "a, b"};
    a.hardStatements = {"a, b"};
    a.regionStatements = {"blood: \"red\" is visible"};
    a.relevance = {{"should not depict blood: \"red\"", 0.31}, {"b", -0.05}};
    w.images[a.sha256] = a;
    w.embeddings = {"clip-m", 0.11};
    ImageFacts m;
    m.sha256 = std::string(64, 'c');
    m.maskedOf = sha;
    m.maskedObject = "blood";
    w.images[m.sha256] = m;

    const World r = parseWorld(worldToYaml(w), "written.yaml");
    EXPECT_EQ(r.seed, 77u);
    EXPECT_EQ(r.model, "m");
    EXPECT_EQ(r.imageTokens, 12);
    EXPECT_EQ(r.tokenStyle, TokenStyle::ByteBpe);
    EXPECT_DOUBLE_EQ(r.latency.perTokenMs, 1.25);
    EXPECT_EQ(r.latency.slots, 6);
    EXPECT_DOUBLE_EQ(r.reasoning.proseShare, 0.3);
    EXPECT_DOUBLE_EQ(r.defaults.prior, 0.25);
    const StatementBehaviour& rb = r.behaviour("blood: \"red\" is visible");
    EXPECT_EQ(rb.statement, b.statement);
    EXPECT_DOUBLE_EQ(rb.prior, 0.61);
    EXPECT_DOUBLE_EQ(rb.hard, 0.1);
    EXPECT_EQ(rb.object, "blood");
    EXPECT_DOUBLE_EQ(*rb.reasoningErrorRate, 0.05);
    ASSERT_NE(r.image(sha), nullptr);
    EXPECT_EQ(r.image(sha)->file, a.file);
    EXPECT_EQ(r.image(sha)->trueStatements, a.trueStatements);
    EXPECT_EQ(r.image(sha)->hardStatements, a.hardStatements);
    EXPECT_EQ(r.image(sha)->regionStatements, a.regionStatements);
    EXPECT_EQ(r.image(std::string(64, 'c'))->maskedOf, sha);
    EXPECT_EQ(r.image(std::string(64, 'c'))->maskedObject, "blood");
    EXPECT_EQ(r.image(sha)->relevance, a.relevance);
    EXPECT_EQ(r.embeddings.model, "clip-m");
    EXPECT_DOUBLE_EQ(r.embeddings.defaultSimilarity, 0.11);
    EXPECT_EQ(worldToYaml(r), worldToYaml(w));
}
