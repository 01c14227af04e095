// Header parsing and framed writing.
#include "lsp/json_rpc.h"

#include <cctype>
#include <charconv>

namespace clue::lsp {
namespace {

bool startsWithNoCase(const std::string& line, std::string_view prefix) {
    if (line.size() < prefix.size()) {
        return false;
    }
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(line[i])) != prefix[i]) {
            return false;
        }
    }
    return true;
}

std::optional<size_t> parseLength(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

// Whether arrays and objects nest deeper than `limit` anywhere in `body` (outside strings): such
// a body is refused before parsing, as no LSP message nests more than a few levels.
bool nestsDeeperThan(std::string_view body, int limit) {
    int depth = 0;
    bool inString = false, escaped = false;
    for (char c : body) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            escaped = false;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return true;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

// One header line without its CRLF (a bare LF is accepted); nothing at the end of the stream.
std::optional<std::string> MessageReader::headerLine() {
    std::string line;
    for (;;) {
        int c = std::fgetc(in_);
        if (c == EOF) {
            if (!line.empty()) {
                failure_ = "the stream ended inside a header";
            }
            return std::nullopt;
        }
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            return line;
        }
        if (line.size() >= maxHeaderLine) {
            failure_ = "a header line is longer than 4096 bytes";
            return std::nullopt;
        }
        line += static_cast<char>(c);
    }
}

std::optional<MessageReader::Message> MessageReader::next() {
    std::optional<size_t> length;
    bool any = false;
    for (;;) {
        std::optional<std::string> line = headerLine();
        if (!line) {
            if (any && failure_.empty()) {
                failure_ = "the stream ended inside a header";
            }
            return std::nullopt;
        }
        if (line->empty()) {
            if (!any) {
                continue; // blank lines between messages
            }
            break;
        }
        any = true;
        if (startsWithNoCase(*line, "content-length:")) {
            length = parseLength(std::string_view(*line).substr(15));
            if (!length) {
                failure_ = "malformed Content-Length header: " + *line;
                return std::nullopt;
            }
        }
    }
    if (!length) {
        failure_ = "a message has no Content-Length header";
        return std::nullopt;
    }
    if (*length > maxBody) {
        failure_ = "a message of " + std::to_string(*length) + " bytes is over the 64 MiB limit";
        return std::nullopt;
    }
    std::string body(*length, '\0');
    if (*length > 0 && std::fread(body.data(), 1, *length, in_) != *length) {
        failure_ = "the stream ended inside a message body";
        return std::nullopt;
    }
    Message message;
    if (nestsDeeperThan(body, maxDepth)) {
        message.error = "the message nests deeper than " + std::to_string(maxDepth) + " levels";
        return message;
    }
    try {
        message.json = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& e) {
        message.error = e.what();
    }
    return message;
}

void MessageWriter::send(const nlohmann::json& message) {
    std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string header = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    std::lock_guard lock(mutex_);
    std::fwrite(header.data(), 1, header.size(), out_);
    std::fwrite(body.data(), 1, body.size(), out_);
    std::fflush(out_);
}

void MessageWriter::respond(const nlohmann::json& id, nlohmann::json result) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void MessageWriter::respondError(const nlohmann::json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void MessageWriter::notify(const std::string& method, nlohmann::json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

} // namespace clue::lsp
