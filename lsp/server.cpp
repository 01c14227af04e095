// Lifecycle, dispatch, documents and debounced diagnostics.
#include "lsp/server.h"

#include "common/uri.h"
#include "compiler/sema/stdlib_dir.h"
#include "lsp/request_error.h"

#include <algorithm>
#include <map>

namespace clue::lsp {

Server::Server(MessageWriter& out, ServerOptions options)
    : out_(out), options_(std::move(options)) {
    options_.stdlibDir = stdlibDirectory(options_.stdlibDir);
}

void Server::handle(const nlohmann::json& message) {
    if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
        if (message.is_object() && message.contains("id") && !message.contains("method")) {
            return; // an answer to a request of ours: the server sends none that need one
        }
        out_.respondError(message.is_object() && message.contains("id") ? message["id"] : nullptr,
                          InvalidRequest, "not a JSON-RPC request or notification");
        return;
    }
    const std::string method = message["method"];
    const nlohmann::json params = message.value("params", nlohmann::json::object());
    if (!message.contains("id")) {
        try {
            notification(method, params);
        } catch (const std::exception& e) {
            log("clue lsp: " + method + " ignored: " + e.what());
        }
        return;
    }
    const nlohmann::json& id = message["id"];
    try {
        if (!initialized_ && method != "initialize") {
            throw RequestError(ServerNotInitialized, "the server is not initialized yet");
        }
        if (shutdown_) {
            throw RequestError(InvalidRequest, "the server is shutting down");
        }
        out_.respond(id, request(method, params));
    } catch (const RequestError& e) {
        out_.respondError(id, e.code(), e.what());
    } catch (const nlohmann::json::exception& e) {
        out_.respondError(id, InvalidParams, std::string("invalid params: ") + e.what());
    } catch (const std::exception& e) {
        out_.respondError(id, InternalError, e.what());
    }
}

nlohmann::json Server::request(const std::string& method, const nlohmann::json& params) {
    if (method == "initialize") {
        return initialize(params);
    }
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    using Handler = nlohmann::json (Server::*)(const nlohmann::json&);
    static const std::map<std::string, Handler> handlers = {
        {"textDocument/hover", &Server::hover},
        {"textDocument/definition", &Server::definition},
        {"textDocument/references", &Server::references},
        {"textDocument/prepareRename", &Server::prepareRename},
        {"textDocument/rename", &Server::rename},
        {"textDocument/completion", &Server::completion},
        {"textDocument/formatting", &Server::formatting},
        {"textDocument/codeAction", &Server::codeAction},
        {"textDocument/documentSymbol", &Server::documentSymbol}};
    if (auto it = handlers.find(method); it != handlers.end()) {
        return (this->*it->second)(params);
    }
    throw RequestError(MethodNotFound, "clue lsp does not handle " + method);
}

void Server::notification(const std::string& method, const nlohmann::json& params) {
    if (method == "exit") {
        exited_ = true;
    } else if (!initialized_) {
        return; // notifications before initialize are dropped, as the protocol says
    } else if (method == "textDocument/didOpen") {
        const nlohmann::json& d = params.at("textDocument");
        store_.open(d.at("uri"), d.at("text"), d.value("version", 0));
        schedule(std::chrono::milliseconds(options_.debounceMs));
        due_[d.at("uri")] = Clock::now(); // a document just opened is linted at once
    } else if (method == "textDocument/didChange") {
        const nlohmann::json& d = params.at("textDocument");
        if (store_.change(d.at("uri"), params.at("contentChanges"), d.value("version", 0))) {
            schedule(std::chrono::milliseconds(options_.debounceMs));
        }
    } else if (method == "textDocument/didClose") {
        std::string uri = params.at("textDocument").at("uri");
        store_.close(uri);
        due_.erase(uri);
        analyses_.erase(uri);
        names_.erase(uri);
        out_.notify("textDocument/publishDiagnostics",
                    {{"uri", uri}, {"diagnostics", nlohmann::json::array()}});
        schedule(std::chrono::milliseconds(options_.debounceMs));
    } else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles") {
        schedule(std::chrono::milliseconds(0));
    }
}

nlohmann::json Server::initialize(const nlohmann::json& params) {
    if (initialized_) {
        throw RequestError(InvalidRequest, "initialize was already sent");
    }
    initialized_ = true;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array()) {
        for (const nlohmann::json& f : params["workspaceFolders"]) {
            if (auto path = pathOfFileUri(f.at("uri").get<std::string>())) {
                folders_.push_back(*path);
            }
        }
    } else if (params.contains("rootUri") && params["rootUri"].is_string()) {
        if (auto path = pathOfFileUri(params["rootUri"].get<std::string>())) {
            folders_.push_back(*path);
        }
    }
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
        const nlohmann::json& o = params["initializationOptions"];
        if (o.contains("debounceMs") && o["debounceMs"].is_number_integer()) {
            options_.debounceMs = std::clamp(o["debounceMs"].get<int>(), 0, 10000);
        }
    }
    nlohmann::json capabilities = {
        {"positionEncoding", "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", true}}},
        {"hoverProvider", true},
        {"definitionProvider", true},
        {"referencesProvider", true},
        {"renameProvider", {{"prepareProvider", true}}},
        {"completionProvider", {{"triggerCharacters", {" ", "\"", ","}}}},
        {"documentFormattingProvider", true},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix", "source.fixAll.clue"}}}},
        {"documentSymbolProvider", true}};
    return {{"capabilities", capabilities},
            {"serverInfo", {{"name", "clue"}, {"version", options_.version}}}};
}

Document& Server::document(const nlohmann::json& params) {
    std::string uri = params.at("textDocument").at("uri");
    Document* d = store_.find(uri);
    if (d == nullptr) {
        throw RequestError(InvalidParams, "the document " + uri + " is not open");
    }
    return *d;
}

// Every open document is linted again: an edit can change what the files that import it see.
void Server::schedule(Clock::duration delay) {
    Clock::time_point at = Clock::now() + delay;
    for (const auto& [uri, d] : store_.all()) {
        auto [it, inserted] = due_.try_emplace(uri, at);
        if (!inserted && it->second < at) {
            it->second = at;
        }
    }
}

const DocumentAnalysis& Server::analyze(const Document& document) {
    DocumentAnalysis analysis = analyzeDocument(document, store_, options_.stdlibDir);
    for (const std::string& issue : analysis.configIssues) {
        log(issue);
    }
    out_.notify("textDocument/publishDiagnostics", {{"uri", document.uri},
                                                    {"version", document.version},
                                                    {"diagnostics", analysis.diagnostics}});
    due_.erase(document.uri);
    return analyses_[document.uri] = std::move(analysis);
}

void Server::publishDue(Clock::time_point now) {
    std::vector<std::string> ready;
    for (const auto& [uri, at] : due_) {
        if (at <= now) {
            ready.push_back(uri);
        }
    }
    for (const std::string& uri : ready) {
        if (const Document* d = store_.find(uri)) {
            analyze(*d);
        } else {
            due_.erase(uri);
        }
    }
}

std::optional<Server::Clock::time_point> Server::nextDue() const {
    std::optional<Clock::time_point> next;
    for (const auto& [uri, at] : due_) {
        if (!next || at < *next) {
            next = at;
        }
    }
    return next;
}

void Server::log(const std::string& message) {
    out_.notify("window/logMessage", {{"type", 3}, {"message", message}});
}

} // namespace clue::lsp
