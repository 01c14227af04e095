// Tests of the request bodies: exact shape and key order, and the image URL splice.
#include "runtime/backend/request_builder.h"

#include <gtest/gtest.h>

using namespace clue::runtime;
using nlohmann::json;

TEST(RequestBuilder, AYesNoBodyHasTheImageThenTheQuestionInAFixedKeyOrder) {
    const std::string body = buildYesNoBody("m", "Is it \"on fire\"?",
                                            std::string_view("data:image/png;base64,iVBO+/=="), 20);
    EXPECT_EQ(body, R"({"model":"m","messages":[{"role":"user","content":[)"
                    R"({"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO+/=="}},)"
                    R"({"type":"text","text":"Is it \"on fire\"?"}]}],)"
                    R"("max_tokens":1,"temperature":0,"logprobs":true,"top_logprobs":20})");
}

TEST(RequestBuilder, AYesNoBodyWithoutImageHasOnlyTheText) {
    EXPECT_EQ(json::parse(buildYesNoBody("m", "Q", std::nullopt, 5))["messages"][0]["content"],
              json::parse(R"([{"type":"text","text":"Q"}])"));
}

TEST(RequestBuilder, AnImageUrlThatNeedsEscapingIsEscaped) {
    const std::vector<std::string> urls = {"data:image/png;base64,ab\"cd",
                                           "file:///tmp/caf\xc3\xa9.png", "data:x\\y",
                                           std::string("data:\x01", 6)};
    for (const std::string& url : urls) {
        const json body = json::parse(buildYesNoBody("m", "Q", std::string_view(url), 20));
        EXPECT_EQ(body["messages"][0]["content"][0]["image_url"]["url"], url);
    }
}

TEST(RequestBuilder, AQuestionThatLooksLikeThePlaceholderIsKept) {
    const std::string url = "data:image/png;base64,AAAA";
    const json body = json::parse(buildYesNoBody("m", "clue-image-url-placeholder", url, 20));
    EXPECT_EQ(body["messages"][0]["content"][0]["image_url"]["url"], url);
    EXPECT_EQ(body["messages"][0]["content"][1]["text"], "clue-image-url-placeholder");
}

TEST(RequestBuilder, TheSchemaGoesInANewUserMessageWhenThereIsNone) {
    ChatRequest request;
    request.messages = {{"system", "Judge.", std::nullopt}};
    request.jsonSchema = JsonSchemaFormat{"r", json::parse(R"({"type":"object"})"), true};
    const json body = json::parse(buildChatBody("m", request, true));
    ASSERT_EQ(body["messages"].size(), 2u);
    EXPECT_EQ(body["messages"][1]["role"], "user");
    EXPECT_EQ(body["messages"][1]["content"], schemaInstruction(*request.jsonSchema));
    EXPECT_FALSE(body.contains("response_format"));
}
