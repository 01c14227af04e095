// Tests of the simulator's embeddings endpoint in both forms clue speaks (vLLM's and Infinity's),
// through clue's own EmbeddingsBackend: the cosines of what it serves are the world's relevance
// numbers, for known, unknown and perturbed-free images, and bad requests get error bodies.
#include "common/base64.h"
#include "common/sha256.h"
#include "runtime/embed/cosine_similarity.h"
#include "runtime/embed/embeddings_backend.h"
#include "tests/sim/embedding_space.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/testing/http_client.h"
#include "tests/sim/testing/local_sim.h"
#include "tests/sim/world_loader.h"

#include <gtest/gtest.h>

using namespace clue::sim;
using namespace clue::sim::testing;
using clue::runtime::BackendErrorKind;
using clue::runtime::cosineSimilarity;
using clue::runtime::EmbeddingProtocol;
using clue::runtime::EmbeddingResult;
using clue::runtime::EmbeddingsBackend;
using clue::runtime::EmbeddingsBackendOptions;
using clue::runtime::HttpClient;
using json = nlohmann::ordered_json;

namespace {

const std::string firePng = syntheticPng(9, 1);
const std::string beachPng = syntheticPng(9, 2);
const std::string unknownPng = syntheticPng(9, 3);
const std::string fire = "Should not depict people or animals on fire.";
const std::string organs = "Should not depict visible internal organs.";

std::string worldYaml() {
    return "seed: 9\nembeddings: {model: clip-sim, default_similarity: 0.12}\nimages:\n"
           "  - sha256: " +
           clue::sha256Hex(firePng) + "\n    relevance: {\"" + fire + "\": 0.34, \"" + organs +
           "\": 0.18}\n"
           "  - sha256: " +
           clue::sha256Hex(beachPng) + "\n    relevance: {\"" + fire + "\": 0.05}\n";
}

std::string dataUrl(const std::string& png) {
    return "data:image/png;base64," + clue::base64Encode(png);
}

class SimEmbeddings : public ::testing::TestWithParam<EmbeddingProtocol> {
protected:
    SimEmbeddings() : sim_(worldYaml()) {}

    EmbeddingsBackend backend(const std::string& model = "clip-sim") {
        EmbeddingsBackendOptions options;
        options.endpoint = GetParam() == EmbeddingProtocol::Vllm ? sim_.url("/v1") : sim_.url("");
        options.model = model;
        options.protocol = GetParam();
        return EmbeddingsBackend(client_, options);
    }

    double cosine(const std::string& png, const std::string& text) {
        auto b = backend();
        const EmbeddingResult image = b.embedImage(dataUrl(png)).get();
        const EmbeddingResult texts = b.embedTexts({text}).get();
        EXPECT_TRUE(image && texts);
        return image && texts ? cosineSimilarity(image->vectors.at(0), texts->vectors.at(0)).value()
                              : -2;
    }

    LocalSim sim_;
    HttpClient client_{clue::runtime::HttpClientOptions{}};
};

} // namespace

TEST_P(SimEmbeddings, CosinesAreTheWorldsRelevance) {
    EXPECT_NEAR(cosine(firePng, fire), 0.34, 1e-5);
    EXPECT_NEAR(cosine(firePng, organs), 0.18, 1e-5);
    EXPECT_NEAR(cosine(beachPng, fire), 0.05, 1e-5);
    EXPECT_NEAR(cosine(beachPng, organs), 0.12, 1e-5); // not listed: the default
    EXPECT_NEAR(cosine(firePng, "a text no image lists"), 0.12, 1e-5);
    EXPECT_NEAR(cosine(unknownPng, fire), 0.12, 1e-5);
    // Texts are matched like statements: case, spacing and a final period do not matter.
    EXPECT_NEAR(cosine(firePng, "should NOT depict people or animals on fire"), 0.34, 1e-5);
    const json stats = sim_.stats()["embeddings"];
    EXPECT_EQ(stats["images"], 7);
    EXPECT_EQ(stats["texts"], 7);
    EXPECT_EQ(stats["unknown_images"], 1);
}

TEST_P(SimEmbeddings, AnotherModelIsNotServed) {
    auto b = backend("openai/clip-vit-base-patch32");
    const EmbeddingResult result = b.embedTexts({fire}).get();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, BackendErrorKind::ServerError);
    EXPECT_EQ(result.error().httpStatus, 404);
    EXPECT_NE(result.error().message.find("does not exist"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(BothForms, SimEmbeddings,
                         ::testing::Values(EmbeddingProtocol::Vllm, EmbeddingProtocol::Infinity),
                         [](const auto& param) { return std::string(toString(param.param)); });

TEST(SimEmbeddingRequests, EachFormAnswersInItsOwnEnvelope) {
    LocalSim sim(worldYaml());
    const auto vllm =
        httpPost(sim.url("/v1/embeddings"), json{{"model", "clip-sim"}, {"input", {fire}}}.dump());
    ASSERT_EQ(vllm.status, 200) << vllm.body;
    const json v = json::parse(vllm.body);
    EXPECT_EQ(v["object"], "list");
    EXPECT_TRUE(v["id"].get<std::string>().starts_with("embd-"));
    EXPECT_EQ(v["usage"]["completion_tokens"], 0);
    const auto infinity = httpPost(
        sim.url("/embeddings"),
        json{{"model", "clip-sim"}, {"input", {dataUrl(firePng)}}, {"modality", "image"}}.dump());
    ASSERT_EQ(infinity.status, 200) << infinity.body;
    const json i = json::parse(infinity.body);
    EXPECT_EQ(i["object"], "embedding");
    EXPECT_TRUE(i["id"].get<std::string>().starts_with("infinity-"));
    EXPECT_FALSE(i["usage"].contains("completion_tokens"));
    EXPECT_EQ(i["data"][0]["embedding"].size(), 5u); // shared, unlisted, two texts, padding
}

TEST(SimEmbeddingRequests, BadRequestsGetErrorBodies) {
    LocalSim sim(worldYaml());
    const auto post = [&](const json& body) {
        return httpPost(sim.url("/v1/embeddings"), body.dump());
    };
    const std::vector<json> bad = {
        json{{"input", {fire}}, {"messages", json::array()}},
        json{{"model", "clip-sim"}},
        json{{"input", json::array()}},
        json{{"input", {1, 2}}},
        json{{"input", {fire}}, {"modality", "audio"}},
        json{{"input", {"not a url"}}, {"modality", "image"}},
        json{{"input", {fire}}, {"encoding_format", "int8"}},
        json{{"input", std::vector<std::string>(33, dataUrl(firePng))}, {"modality", "image"}},
    };
    for (const json& body : bad) {
        const auto answer = post(body);
        EXPECT_EQ(answer.status, 400) << body.dump().substr(0, 200);
        EXPECT_TRUE(json::parse(answer.body).contains("error")) << answer.body;
    }
}

TEST(SimEmbeddingWorlds, RelevanceThatNoUnitVectorCanHoldIsRefusedAtLoad) {
    std::string yaml = "images:\n  - sha256: " + clue::sha256Hex(firePng) + "\n    relevance: {";
    for (int i = 0; i < 12; ++i) {
        yaml += std::string(i ? ", " : "") + "\"text " + std::to_string(i) +
                "\": " + (i % 2 ? "0.9" : "-0.9");
    }
    yaml += "}\n";
    try {
        parseWorld(yaml, "w.yaml");
        FAIL() << "accepted";
    } catch (const WorldError& e) {
        EXPECT_NE(std::string(e.what()).find("w.yaml: image "), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("cannot all hold"), std::string::npos);
    }
    EXPECT_THROW(parseWorld("images:\n  - sha256: " + clue::sha256Hex(firePng) +
                                "\n    relevance: {a: 1.5}\n",
                            "w.yaml"),
                 WorldError);
}
