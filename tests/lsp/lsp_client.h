// A scripted LSP client for end-to-end tests: starts `clue lsp` with pipes, sends framed
// JSON-RPC messages and reads the server's, with a time limit on every wait (a test must never
// hang on a server that does not answer).
#pragma once

#include <nlohmann/json.hpp>

#include <sys/types.h>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clue::test {

class LspClient {
public:
    using json = nlohmann::json;

    LspClient(const std::vector<std::string>& argv, const std::string& cwd);
    ~LspClient();
    LspClient(const LspClient&) = delete;
    LspClient& operator=(const LspClient&) = delete;

    // Writes raw bytes (for malformed input) or one framed message.
    void sendRaw(const std::string& bytes);
    void send(const json& message);
    void notify(const std::string& method, json params);
    // Sends a request and returns its whole response (`result` or `error`); notifications
    // that arrive meanwhile are kept for waitFor().
    json request(const std::string& method, json params);

    // The first message (kept or still to come) that `accept` takes; throws after the time
    // limit.
    json waitForMessage(const std::function<bool(const json&)>& accept);
    // The params of the first notification of `method` that `accept` takes.
    json waitFor(const std::string& method, const std::function<bool(const json&)>& accept);
    // Every notification of `method` received so far, and those arriving within `quiet`.
    std::vector<json> collect(const std::string& method, std::chrono::milliseconds quiet);

    // Closes the server's input and returns its exit status (-1 if it had to be killed).
    int finish();

    static std::string fileUri(const std::string& path);

private:
    json readMessage(std::chrono::steady_clock::time_point deadline);
    bool fill(std::chrono::steady_clock::time_point deadline);

    pid_t pid_ = -1;
    int in_ = -1;  // the server's stdin
    int out_ = -1; // the server's stdout
    std::string buffer_;
    std::deque<json> notifications_;
    int nextId_ = 1;
    std::chrono::seconds limit_{30};
};

} // namespace clue::test
