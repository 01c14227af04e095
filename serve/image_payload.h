// The images a judging request carries: the raw body (Content-Type image/*), multipart/form-data
// (one part per image), or JSON with data URLs ({"image": ...} or {"images": [...]}). Only bytes
// sent in the request are judged: a URL is refused, never fetched (no server-side request
// forgery). The bytes are not checked here; the image loader sniffs and size-checks them.
#pragma once

#include "runtime/support/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue::serve {

struct ImagePayload {
    std::string bytes;
    std::string name; // the multipart filename or the JSON "name"; empty when none was given
};

// Why a request's images could not be taken out: the HTTP status, a stable code
// ("invalid-json", "url-not-fetched", ...) and a message for people.
struct RequestProblem {
    int status = 400;
    std::string code;
    std::string message;
};

using Payloads = runtime::Expected<std::vector<ImagePayload>, RequestProblem>;

// One image for /v1/judge (`batch` false), or 1 to `maxImages` for /v1/judge/batch.
Payloads extractImages(std::string_view contentType, std::string body, bool batch,
                       std::size_t maxImages);

// The bytes of a "data:[type][;base64],DATA" URL; a problem for anything else.
runtime::Expected<std::string, RequestProblem> decodeDataUrl(std::string_view url);

} // namespace clue::serve
