// The pieces that read what a client sends: listen addresses, bearer tokens, media types,
// multipart bodies, and the images of a judging request (raw, multipart, JSON; URLs refused).
#include "serve/image_payload.h"
#include "serve/listen_address.h"
#include "serve/media_type.h"
#include "serve/multipart_reader.h"
#include "serve/token_set.h"

#include "common/base64.h"

#include <gtest/gtest.h>

namespace clue::serve {
namespace {

using namespace std::string_literals;

TEST(ListenAddress, ParsesHostAndPortAndBracketedIpv6) {
    auto v4 = parseListenAddress("127.0.0.1:8080");
    ASSERT_TRUE(v4);
    EXPECT_EQ(v4->host, "127.0.0.1");
    EXPECT_EQ(v4->port, 8080);
    EXPECT_TRUE(v4->loopback());
    auto v6 = parseListenAddress("[::1]:0");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->host, "::1");
    EXPECT_EQ(v6->text(), "[::1]:0");
    EXPECT_FALSE(parseListenAddress("0.0.0.0:9")->loopback());
    for (const char* bad : {"8080", ":8080", "host:", "host:99999", "::1:80", "[::1:80", "h:8x"}) {
        EXPECT_FALSE(parseListenAddress(bad)) << bad;
    }
}

TEST(TokenSet, AcceptsOnlyABearerTokenItHolds) {
    TokenSet tokens;
    EXPECT_FALSE(tokens.add("# operators\nalpha-123\n\n beta.456 , gamma~7\n", "tokens.txt"));
    EXPECT_EQ(tokens.size(), 3u);
    EXPECT_TRUE(tokens.accepts("Bearer alpha-123"));
    EXPECT_TRUE(tokens.accepts("bearer gamma~7")); // the scheme is case-insensitive
    EXPECT_FALSE(tokens.accepts("Bearer alpha-12"));
    EXPECT_FALSE(tokens.accepts("Bearer alpha-1234"));
    EXPECT_FALSE(tokens.accepts("alpha-123"));
    EXPECT_FALSE(tokens.accepts("Basic alpha-123"));
    EXPECT_FALSE(tokens.accepts(""));
}

TEST(TokenSet, ABadTokenIsReportedWithItsLineButNotShown) {
    TokenSet tokens;
    auto problem = tokens.add("good\nse\"cret\n", "tokens.txt");
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->find("tokens.txt:2"), std::string::npos) << *problem;
    EXPECT_EQ(problem->find("se\"cret"), std::string::npos) << *problem;
    EXPECT_TRUE(tokens.addFile("/nonexistent/tokens").has_value());
}

TEST(MediaType, SplitsTypeAndParameters) {
    MediaType m = parseMediaType("Multipart/Form-Data; boundary=\"a;b\\\"c\"; charset=utf-8");
    EXPECT_EQ(m.type, "multipart/form-data");
    EXPECT_EQ(m.params["boundary"], "a;b\"c");
    EXPECT_EQ(m.params["charset"], "utf-8");
    EXPECT_TRUE(parseMediaType("image/png").isTop("image"));
    EXPECT_FALSE(parseMediaType("imagery/png").isTop("image"));
    EXPECT_EQ(parseMediaType("").type, "");
}

std::string multipart(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string body = "preamble to ignore\r\n";
    for (const auto& [name, bytes] : files) {
        body += "--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name +
                "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
    }
    return body + "--XyZ--\r\nepilogue";
}

TEST(MultipartReader, ReadsEachPartWithItsNameAndBytes) {
    auto parts = readMultipart(multipart({{"a.png", "AA\r\nA"}, {"b.png", "B--XyZ"}}), "XyZ", 4);
    ASSERT_TRUE(parts) << parts.error();
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ(parts.value()[0].filename, "a.png");
    EXPECT_EQ(parts.value()[0].name, "image");
    EXPECT_EQ(parts.value()[0].body, "AA\r\nA");
    EXPECT_EQ(parts.value()[1].body, "B--XyZ"); // the boundary counts only after a line break
}

TEST(MultipartReader, RefusesMalformedBodies) {
    EXPECT_FALSE(readMultipart("no boundary here", "XyZ", 4));
    EXPECT_FALSE(readMultipart("--XyZ\r\nContent-Type: x\r\n\r\nunfinished", "XyZ", 4));
    EXPECT_FALSE(readMultipart("--XyZ\r\n" + std::string(9000, 'h'), "XyZ", 4));
    EXPECT_FALSE(readMultipart(multipart({{"a", "1"}, {"b", "2"}, {"c", "3"}}), "XyZ", 2));
    EXPECT_FALSE(readMultipart(multipart({{"a", "1"}}), std::string(71, 'b'), 2));
}

const std::string png = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0"s;

std::string dataUrl(const std::string& bytes) {
    return "data:image/png;base64," + base64Encode(bytes);
}

TEST(ImagePayload, TakesTheRawBodyMultipartOrJsonDataUrls) {
    auto raw = extractImages("image/png", png, false, 8);
    ASSERT_TRUE(raw);
    EXPECT_EQ(raw->at(0).bytes, png);

    auto parts = extractImages("multipart/form-data; boundary=XyZ",
                               multipart({{"a.png", png}, {"b.png", "x"}}), true, 8);
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 2u);
    EXPECT_EQ(parts->at(0).name, "a.png");
    EXPECT_EQ(parts->at(1).bytes, "x"); // not an image: the loader says so per image

    auto one = extractImages("application/json",
                             R"({"image": ")" + dataUrl(png) + R"(", "name": "n.png"})", false, 8);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->at(0).bytes, png);
    EXPECT_EQ(one->at(0).name, "n.png");

    auto batch = extractImages("application/json; charset=utf-8",
                               R"({"images": [")" + dataUrl(png) + R"(", {"image": ")" +
                                   dataUrl("zz") + R"(", "name": "z"}]})",
                               true, 8);
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->size(), 2u);
    EXPECT_EQ(batch->at(1).bytes, "zz");
}

void expectProblem(const Payloads& payloads, int status, const std::string& code) {
    ASSERT_FALSE(payloads);
    EXPECT_EQ(payloads.error().status, status) << payloads.error().message;
    EXPECT_EQ(payloads.error().code, code) << payloads.error().message;
}

TEST(ImagePayload, URLsAreRefusedNeverFetched) {
    for (const char* url : {"http://169.254.169.254/latest", "https://example.com/a.png",
                            "file:///etc/passwd", "ftp://host/x"}) {
        expectProblem(extractImages("application/json",
                                    std::string(R"({"image": ")") + url + R"("})", false, 8),
                      400, "url-not-fetched");
    }
    expectProblem(extractImages("application/json", R"({"images": ["http://x/y"]})", true, 8), 400,
                  "url-not-fetched");
}

TEST(ImagePayload, MalformedRequestsGetAClearProblem) {
    expectProblem(extractImages("application/json", "{\"image\": ", false, 8), 400, "invalid-json");
    expectProblem(extractImages("application/json", "[1]", false, 8), 400, "invalid-request");
    expectProblem(extractImages("application/json", "{}", false, 8), 400, "invalid-request");
    expectProblem(extractImages("application/json", R"({"image": 7})", false, 8), 400,
                  "invalid-request");
    expectProblem(extractImages("application/json", R"({"image": "data:image/png,abc"})", false, 8),
                  400, "invalid-request");
    expectProblem(extractImages("application/json", R"({"image": "data:;base64,@@@"})", false, 8),
                  400, "invalid-request");
    expectProblem(extractImages("application/json", R"({"images": []})", true, 8), 400,
                  "invalid-request");
    expectProblem(extractImages("text/plain", "hello", false, 8), 415, "unsupported-media-type");
    expectProblem(extractImages("", "hello", false, 8), 415, "unsupported-media-type");
    expectProblem(extractImages("image/png", png, true, 8), 415, "unsupported-media-type");
    expectProblem(extractImages("multipart/form-data", "x", false, 8), 400, "invalid-multipart");
    expectProblem(extractImages("multipart/form-data; boundary=XyZ", "junk", false, 8), 400,
                  "invalid-multipart");
    expectProblem(extractImages("multipart/form-data; boundary=XyZ",
                                multipart({{"a", png}, {"b", png}}), false, 8),
                  400, "invalid-request");
}

TEST(ImagePayload, ABatchOverTheLimitIs413) {
    expectProblem(extractImages("multipart/form-data; boundary=XyZ",
                                multipart({{"a", png}, {"b", png}, {"c", png}}), true, 2),
                  413, "batch-too-large");
    expectProblem(extractImages("application/json",
                                R"({"images": [")" + dataUrl(png) + R"(", ")" + dataUrl(png) +
                                    R"(", ")" + dataUrl(png) + R"("]})",
                                true, 2),
                  413, "batch-too-large");
}

} // namespace
} // namespace clue::serve
