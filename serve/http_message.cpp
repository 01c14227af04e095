// Building JSON replies.
#include "serve/http_message.h"

namespace clue::serve {

Reply jsonReply(int status, const nlohmann::ordered_json& body) {
    Reply reply;
    reply.status = status;
    // Invalid UTF-8 from a client (a file name) is replaced rather than thrown on.
    reply.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    reply.body += '\n';
    return reply;
}

Reply errorReply(int status, std::string_view code, std::string_view message) {
    return jsonReply(status, {{"error", {{"code", code}, {"message", message}}}});
}

} // namespace clue::serve
