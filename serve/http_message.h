// Requests and replies as the API sees them, apart from the HTTP library: what a route reads
// and what it answers.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clue::serve {

struct Request {
    std::string method; // "GET", "POST", ...
    std::string path;   // the target without its query
    std::string contentType;
    std::string body;
};

struct Reply {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool close = false; // close the connection after this reply
};

Reply jsonReply(int status, const nlohmann::ordered_json& body);
// {"error": {"code": CODE, "message": MESSAGE}}
Reply errorReply(int status, std::string_view code, std::string_view message);

} // namespace clue::serve
