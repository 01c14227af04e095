// Tests of the embeddings request and response bodies against the documented shapes of vLLM and
// Infinity (fixtures/SOURCES.md), and of everything the response parser refuses.
#include "runtime/embed/cosine_similarity.h"
#include "runtime/embed/embedding_request_builder.h"
#include "runtime/embed/embedding_response_parser.h"

#include "common/base64.h"
#include "fixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <set>

using namespace clue::runtime;
using clue::test::readFixture;
using nlohmann::json;

namespace {

const std::string kImage = "data:image/png;base64,iVBORw0KGgo=";

std::set<std::string> keysOf(const json& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items()) {
        keys.insert(key);
    }
    return keys;
}

std::string responseWith(const json& data) {
    return json{{"object", "list"}, {"data", data}}.dump();
}

BackendError refusal(const std::string& body, std::size_t expected) {
    auto parsed = parseEmbeddingResponse(body, expected);
    EXPECT_FALSE(parsed) << body;
    return parsed ? BackendError{} : parsed.error();
}

} // namespace

TEST(EmbeddingBodies, VllmTextRequestHasTheDocumentedShape) {
    const json documented = json::parse(readFixture("vllm_embeddings_text_request.json"));
    const json ours =
        json::parse(buildTextEmbeddingBody(EmbeddingProtocol::Vllm, "openai/clip-vit-base-patch32",
                                           {"a person is visible", "an animal is visible"}));
    EXPECT_EQ(ours, documented);
}

TEST(EmbeddingBodies, VllmImageRequestIsTheDocumentedMessagesFormWithTheImagePartAlone) {
    json documented = json::parse(readFixture("vllm_embeddings_image_request.json"));
    const json ours = json::parse(buildImageEmbeddingBody(EmbeddingProtocol::Vllm, "m", kImage));
    EXPECT_EQ(keysOf(ours), keysOf(documented));
    // The documented example adds an instruction for VLM2Vec; a CLIP image encoder takes none.
    json& content = documented["messages"][0]["content"];
    content.erase(1);
    documented["model"] = "m";
    EXPECT_EQ(ours, documented);
    EXPECT_EQ(ours["messages"][0]["content"][0]["image_url"]["url"], kImage);
}

TEST(EmbeddingBodies, InfinityRequestsHaveTheDocumentedShapeAndModality) {
    const json text = json::parse(readFixture("infinity_embeddings_text_request.json"));
    EXPECT_EQ(json::parse(buildTextEmbeddingBody(
                  EmbeddingProtocol::Infinity, "openai/clip-vit-base-patch32", {"Two cute cats."})),
              text);
    const json image = json::parse(readFixture("infinity_embeddings_image_request.json"));
    EXPECT_EQ(json::parse(buildImageEmbeddingBody(EmbeddingProtocol::Infinity,
                                                  "openai/clip-vit-base-patch32", kImage)),
              image);
}

TEST(EmbeddingBodies, TheDocumentedResponsesAreRead) {
    auto vllm = parseEmbeddingResponse(readFixture("vllm_embeddings_response.json"), 2);
    ASSERT_TRUE(vllm) << vllm.error().message;
    ASSERT_EQ(vllm->vectors.size(), 2u);
    EXPECT_EQ(vllm->vectors[0], (Embedding{0.0123f, -0.0456f, 0.0789f, 0.1011f}));
    EXPECT_EQ(vllm->vectors[1][3], -0.0987f);
    EXPECT_EQ(vllm->usage.prompt, 14);

    auto infinity = parseEmbeddingResponse(readFixture("infinity_embeddings_response.json"), 1);
    ASSERT_TRUE(infinity) << infinity.error().message;
    EXPECT_EQ(infinity->vectors.at(0), (Embedding{0.0211f, -0.0172f, 0.0534f, 0.0048f}));
    EXPECT_EQ(infinity->usage.prompt, 1);
}

TEST(EmbeddingBodies, VectorsAreReturnedInInputOrderWhateverTheDataOrder) {
    const auto parsed =
        parseEmbeddingResponse(responseWith({{{"index", 1}, {"embedding", {0, 1}}},
                                             {{"index", 0}, {"embedding", {1, 0}}}}),
                               2);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->vectors[0], (Embedding{1, 0}));
    EXPECT_EQ(parsed->vectors[1], (Embedding{0, 1}));
}

TEST(EmbeddingBodies, Base64Float32IsDecoded) {
    // 0.5, -1.25 and 3.0 as little-endian float32: 0x3f000000, 0xbfa00000, 0x40400000.
    const std::string bytes("\x00\x00\x00\x3f\x00\x00\xa0\xbf\x00\x00\x40\x40", 12);
    const auto parsed = parseEmbeddingResponse(
        responseWith({{{"index", 0}, {"embedding", clue::base64Encode(bytes)}}}), 1);
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->vectors[0], (Embedding{0.5f, -1.25f, 3.0f}));
    EXPECT_EQ(clue::float32Base64Encode({0.5f, -1.25f, 3.0f}), clue::base64Encode(bytes));
}

TEST(EmbeddingBodies, EveryUnusableBodyIsRefusedWithWhatWasExpected) {
    const auto one = [](json embedding) {
        return responseWith({{{"index", 0}, {"embedding", std::move(embedding)}}});
    };
    EXPECT_NE(refusal("{\"data\": [", 1).message.find("not a usable embeddings"),
              std::string::npos);
    EXPECT_NE(refusal("{\"object\": \"list\"}", 1).message.find("no `data` array"),
              std::string::npos);
    EXPECT_NE(refusal(one({1, 2}), 2).message.find("holds 1 embeddings for 2 inputs"),
              std::string::npos);
    EXPECT_NE(refusal(responseWith(
                          {{{"index", 0}, {"embedding", {1}}}, {{"index", 0}, {"embedding", {1}}}}),
                      2)
                  .message.find("two embeddings for input 0"),
              std::string::npos);
    EXPECT_NE(refusal(responseWith({{{"index", 5}, {"embedding", {1}}}}), 1)
                  .message.find("index is not an input index"),
              std::string::npos);
    EXPECT_NE(refusal(one({1, "x"}), 1).message.find("not an array of numbers"), std::string::npos);
    EXPECT_NE(refusal(one({0, 0, 0}), 1).message.find("all zeros"), std::string::npos);
    EXPECT_NE(refusal(one(json::array()), 1).message.find("0 dimensions"), std::string::npos);
    EXPECT_NE(refusal(one({1e39, 1}), 1).message.find("not a finite number"), std::string::npos);
    EXPECT_NE(refusal(one(json(std::vector<double>(kMaxEmbeddingDimensions + 1, 0.1))), 1)
                  .message.find("16385 dimensions"),
              std::string::npos);
    EXPECT_NE(refusal(responseWith({{{"index", 0}, {"embedding", {1, 2}}},
                                    {{"index", 1}, {"embedding", {1}}}}),
                      2)
                  .message.find("differ in their number of dimensions"),
              std::string::npos);
    EXPECT_NE(refusal(one("not base64!"), 1).message.find("base64 float32"), std::string::npos);
    EXPECT_EQ(refusal(one({0, 0}), 1).kind, BackendErrorKind::MalformedResponse);
}

TEST(EmbeddingBodies, AnErrorBodyIsAServerError) {
    const BackendError error = refusal(
        R"({"object":"error","message":"This model does not support embeddings","code":400})", 1);
    EXPECT_EQ(error.kind, BackendErrorKind::ServerError);
    EXPECT_NE(error.message.find("does not support embeddings"), std::string::npos);
}

TEST(CosineSimilarity, IsTheNormalizedDotProduct) {
    EXPECT_NEAR(*cosineSimilarity({1, 0}, {0, 1}), 0.0, 1e-12);
    EXPECT_NEAR(*cosineSimilarity({2, 0}, {5, 0}), 1.0, 1e-12);
    EXPECT_NEAR(*cosineSimilarity({1, 1}, {1, 0}), 1 / std::sqrt(2.0), 1e-7);
    EXPECT_NEAR(*cosineSimilarity({1, 2, 3}, {-1, -2, -3}), -1.0, 1e-12);
}

TEST(CosineSimilarity, NoSimilarityForMismatchedOrZeroVectors) {
    EXPECT_FALSE(cosineSimilarity({1, 0}, {1, 0, 0}));
    EXPECT_FALSE(cosineSimilarity({0, 0}, {1, 0}));
    EXPECT_FALSE(cosineSimilarity({}, {}));
}
