// JSON-RPC 2.0 with the Language Server Protocol's framing: each message is a header block
// ("Content-Length: N", other headers ignored, ended by an empty line) and N bytes of JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

namespace clue::lsp {

// The error codes the protocol defines that this server answers with.
enum ErrorCode : int {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    ServerNotInitialized = -32002,
    RequestFailed = -32803,
};

// Reads framed messages from a stream. The header block and the body are bounded, so a broken
// or hostile client cannot make the server allocate without limit.
class MessageReader {
public:
    static constexpr size_t maxBody = 64 << 20;   // bytes
    static constexpr size_t maxHeaderLine = 4096; // bytes
    static constexpr int maxDepth = 128;          // nesting of arrays and objects

    struct Message {
        std::optional<nlohmann::json> json; // null when the body is not JSON
        std::string error;                  // why, when the body is not JSON
    };

    explicit MessageReader(std::FILE* in) : in_(in) {}

    // The next message; nothing at the end of the stream or when the framing is broken
    // (`failure()` then says why; empty at a clean end of stream).
    std::optional<Message> next();
    const std::string& failure() const { return failure_; }

private:
    std::optional<std::string> headerLine();

    std::FILE* in_;
    std::string failure_;
};

// Writes framed messages; safe to call from several threads.
class MessageWriter {
public:
    explicit MessageWriter(std::FILE* out) : out_(out) {}

    void send(const nlohmann::json& message);
    void respond(const nlohmann::json& id, nlohmann::json result);
    void respondError(const nlohmann::json& id, int code, const std::string& message);
    void notify(const std::string& method, nlohmann::json params);

private:
    std::FILE* out_;
    std::mutex mutex_;
};

} // namespace clue::lsp
