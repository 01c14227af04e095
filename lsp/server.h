// The language server: the protocol's lifecycle, the documents, debounced diagnostics, and the
// requests, each answered from the in-memory texts. `runLanguageServer` drives it over two
// streams; tests drive `Server` one message at a time.
#pragma once

#include "lsp/completion.h"
#include "lsp/document_analysis.h"
#include "lsp/document_store.h"
#include "lsp/json_rpc.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clue::lsp {

struct ServerOptions {
    int debounceMs = 250;      // quiet time after an edit before the document is linted again
    std::string stdlibDir;     // "": the default (stdlib_dir.h)
    std::string version = "0"; // reported as serverInfo.version
};

class Server {
public:
    using Clock = std::chrono::steady_clock;

    Server(MessageWriter& out, ServerOptions options);

    void handle(const nlohmann::json& message);
    // Lints and publishes every document whose quiet time has passed by `now`.
    void publishDue(Clock::time_point now);
    // When the next document is due, if one is waiting.
    std::optional<Clock::time_point> nextDue() const;

    bool exited() const { return exited_; }
    // 0 after shutdown then exit, else 1 (the protocol's rule).
    int exitCode() const { return shutdown_ ? 0 : 1; }

private:
    nlohmann::json request(const std::string& method, const nlohmann::json& params);
    void notification(const std::string& method, const nlohmann::json& params);

    nlohmann::json initialize(const nlohmann::json& params);
    nlohmann::json hover(const nlohmann::json& params);
    nlohmann::json definition(const nlohmann::json& params);
    nlohmann::json references(const nlohmann::json& params);
    nlohmann::json prepareRename(const nlohmann::json& params);
    nlohmann::json rename(const nlohmann::json& params);
    nlohmann::json completion(const nlohmann::json& params);
    nlohmann::json formatting(const nlohmann::json& params);
    nlohmann::json codeAction(const nlohmann::json& params);
    nlohmann::json documentSymbol(const nlohmann::json& params);

    Document& document(const nlohmann::json& params);
    void schedule(Clock::duration delay);
    const DocumentAnalysis& analyze(const Document& document);
    void log(const std::string& message);

    MessageWriter& out_;
    ServerOptions options_;
    DocumentStore store_;
    std::vector<std::string> folders_;
    std::map<std::string, Clock::time_point> due_;     // by URI
    std::map<std::string, DocumentAnalysis> analyses_; // by URI, the last published
    std::map<std::string, KnownNames> names_;          // by URI, from the last parse
    bool initialized_ = false;
    bool shutdown_ = false;
    bool exited_ = false;
};

// Serves the protocol on `in` and `out` until the client sends `exit` or closes `in`; returns
// the exit status.
int runLanguageServer(std::FILE* in, std::FILE* out, ServerOptions options);

} // namespace clue::lsp
