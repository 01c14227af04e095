// The language server's protocol pieces: message framing (and what it refuses), UTF-16
// positions, file URIs, the occurrences of names in a module.
#include "common/uri.h"
#include "compiler/frontend/parser.h"
#include "lsp/json_rpc.h"
#include "lsp/line_index.h"
#include "lsp/occurrences.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace clue::lsp {
namespace {

struct Stream {
    explicit Stream(std::string bytes) : text(std::move(bytes)) {
        file = fmemopen(text.data(), text.size(), "r");
    }
    ~Stream() { std::fclose(file); }
    std::string text;
    std::FILE* file;
};

std::string framed(const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

TEST(MessageReader, ReadsFramedMessagesInOrder) {
    Stream s(framed(R"({"a":1})") + "Content-Type: application/vscode-jsonrpc\r\n" +
             framed(R"({"b":"\u00e9"})"));
    MessageReader reader(s.file);
    auto first = reader.next();
    ASSERT_TRUE(first && first->json);
    EXPECT_EQ((*first->json)["a"], 1);
    auto second = reader.next();
    ASSERT_TRUE(second && second->json);
    EXPECT_EQ((*second->json)["b"], "\xC3\xA9");
    EXPECT_FALSE(reader.next());
    EXPECT_EQ(reader.failure(), "");
}

TEST(MessageReader, ABodyThatIsNotJsonIsReportedAndReadingGoesOn) {
    Stream s(framed("{nope") + framed("[1,2]"));
    MessageReader reader(s.file);
    auto bad = reader.next();
    ASSERT_TRUE(bad);
    EXPECT_FALSE(bad->json);
    EXPECT_FALSE(bad->error.empty());
    auto good = reader.next();
    ASSERT_TRUE(good && good->json);
}

TEST(MessageReader, RefusesBrokenFraming) {
    struct Case {
        std::string bytes;
        std::string failure;
    };
    for (const Case& c : std::vector<Case>{
             {"Content-Type: x\r\n\r\n{}", "a message has no Content-Length header"},
             {"Content-Length: ten\r\n\r\n{}", "malformed Content-Length header"},
             {"Content-Length: 99999999999\r\n\r\n", "over the 64 MiB limit"},
             {"Content-Length: 10\r\n\r\n{}", "the stream ended inside a message body"},
             {"Content-Length: 2", "the stream ended inside a header"},
             {std::string(5000, 'x') + "\r\n", "a header line is longer than 4096 bytes"}}) {
        Stream s(c.bytes);
        MessageReader reader(s.file);
        EXPECT_FALSE(reader.next()) << c.bytes.substr(0, 40);
        EXPECT_NE(reader.failure().find(c.failure), std::string::npos) << reader.failure();
    }
}

TEST(MessageReader, RefusesDeepNestingBeforeParsing) {
    std::string deep = std::string(1000, '[') + std::string(1000, ']');
    std::string fine = R"({"s":")" + std::string(500, '[') + R"("})";
    Stream s(framed(deep) + framed(fine));
    MessageReader reader(s.file);
    auto refused = reader.next();
    ASSERT_TRUE(refused);
    EXPECT_FALSE(refused->json);
    EXPECT_NE(refused->error.find("nests deeper"), std::string::npos);
    auto accepted = reader.next(); // brackets inside a string are text
    ASSERT_TRUE(accepted && accepted->json);
}

TEST(MessageWriter, FramesWithTheBodysByteLength) {
    char* data = nullptr;
    size_t size = 0;
    std::FILE* out = open_memstream(&data, &size);
    {
        MessageWriter writer(out);
        writer.notify("x", {{"t", "\xC3\xA9"}});
    }
    std::fclose(out);
    std::string written(data, size);
    std::free(data);
    std::string body = R"({"jsonrpc":"2.0","method":"x","params":{"t":"é"}})";
    EXPECT_EQ(written, framed(body));
}

TEST(LineIndex, CountsUtf16UnitsAndLineEnds) {
    // "a😀b" then CRLF, "é" then CR, "x": the emoji is 4 bytes and 2 units, é 2 bytes, 1 unit.
    std::string text = "a\xF0\x9F\x98\x80"
                       "b\r\n\xC3\xA9\rx";
    LineIndex index(text);
    EXPECT_EQ(index.positionOf(5).character, 3u); // b
    EXPECT_EQ(index.offsetOf({0, 3}), 5u);
    EXPECT_EQ(index.offsetOf({0, 2}), 1u);  // inside the emoji: its start
    EXPECT_EQ(index.offsetOf({0, 99}), 6u); // past the end: before the CRLF
    EXPECT_EQ(index.positionOf(8).line, 1u);
    EXPECT_EQ(index.offsetOf({1, 1}), 10u);
    EXPECT_EQ(index.positionOf(11).line, 2u);
    EXPECT_EQ(index.offsetOf({7, 0}), uint32_t(text.size()));
    EXPECT_EQ(index.range(1, 5)["end"]["character"], 3);
}

TEST(FileUri, DecodesPathsAndRefusesOthers) {
    EXPECT_EQ(pathOfFileUri("file:///a%20b/c.clue"), "/a b/c.clue");
    EXPECT_EQ(pathOfFileUri("file://localhost/x"), "/x");
    EXPECT_EQ(pathOfFileUri(fileUri("/t/é #1.clue")), "/t/é #1.clue");
    EXPECT_FALSE(pathOfFileUri("untitled:Untitled-1"));
    EXPECT_FALSE(pathOfFileUri("file://host/x"));
    EXPECT_FALSE(pathOfFileUri("file:///bad%2"));
    EXPECT_FALSE(pathOfFileUri("file:///nul%00"));
}

TEST(Occurrences, FindDeclarationsAndReferences) {
    SourceManager sources;
    DiagnosticEngine diags;
    FileId file = sources.addFile("m.clue", "import \"l.clue\"\npredicate p : \"x\"\n"
                                            "category c { rule r \"t\" when p and not p }\n"
                                            "test \"t\" { given p expect violates r }\n");
    auto module = parseModule(sources, file, diags);
    ASSERT_TRUE(module);
    std::vector<Occurrence> all = occurrencesIn(*module);
    std::vector<std::string> seen;
    for (const Occurrence& o : all) {
        seen.push_back(std::string(o.declaration ? "+" : "") + o.name);
    }
    EXPECT_EQ(seen,
              (std::vector<std::string>{"l.clue", "+p", "+c", "+r", "p", "p", "+t", "p", "r"}));
    const Occurrence* at = occurrenceAt(all, 27); // just after `p` in its declaration
    ASSERT_NE(at, nullptr);
    EXPECT_TRUE(at->declaration);
    EXPECT_EQ(at->span.begin, 26u);
    EXPECT_EQ(occurrenceAt(all, 28), nullptr);
}

} // namespace
} // namespace clue::lsp
