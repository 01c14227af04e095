// Splitting multipart bodies by their boundary, without regular expressions or copies of the
// whole body.
#include "serve/multipart_reader.h"

#include "serve/media_type.h"

#include <algorithm>
#include <cctype>

namespace clue::serve {
namespace {

constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

using Parts = runtime::Expected<std::vector<MultipartPart>, std::string>;

bool sameName(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// Fills name, filename and content type from a part's header block.
void readPartHeaders(std::string_view block, MultipartPart& part) {
    while (!block.empty()) {
        const auto end = std::min(block.find("\r\n"), block.size());
        const std::string_view line = block.substr(0, end);
        block.remove_prefix(std::min(end + 2, block.size()));
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = line.substr(colon + 1);
        if (sameName(name, "content-disposition")) {
            MediaType disposition = parseMediaType(value);
            part.name = disposition.params["name"];
            part.filename = disposition.params["filename"];
        } else if (sameName(name, "content-type")) {
            part.contentType = parseMediaType(value).type;
        }
    }
}

} // namespace

Parts readMultipart(std::string_view body, std::string_view boundary, std::size_t maxParts) {
    if (boundary.empty() || boundary.size() > 70) {
        return std::string("the multipart boundary must have 1 to 70 characters");
    }
    const std::string delimiter = "--" + std::string(boundary);
    const std::string separator = "\r\n" + delimiter;
    std::size_t at = 0;
    if (body.compare(0, delimiter.size(), delimiter) == 0) {
        at = delimiter.size();
    } else if (const auto first = body.find(separator); first != std::string_view::npos) {
        at = first + separator.size(); // after a preamble, which is ignored
    } else {
        return std::string("the body does not contain the multipart boundary");
    }
    std::vector<MultipartPart> parts;
    while (true) {
        if (body.compare(at, 2, "--") == 0) {
            return parts; // the closing delimiter; an epilogue after it is ignored
        }
        while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) {
            ++at; // transport padding
        }
        if (body.compare(at, 2, "\r\n") != 0) {
            return std::string("a multipart boundary is not followed by a line break");
        }
        at += 2;
        if (parts.size() == maxParts) {
            return "more than " + std::to_string(maxParts) + " parts";
        }
        const bool noHeaders = body.compare(at, 2, "\r\n") == 0;
        const std::size_t headersEnd = noHeaders ? at : body.find("\r\n\r\n", at);
        if (headersEnd == std::string_view::npos || headersEnd - at > kMaxPartHeaderBytes) {
            return std::string("a multipart part has no end of headers within 8 KiB");
        }
        MultipartPart part;
        readPartHeaders(body.substr(at, headersEnd - at), part);
        const std::size_t contentStart = headersEnd + (noHeaders ? 2 : 4);
        const std::size_t next = body.find(separator, contentStart);
        if (next == std::string_view::npos) {
            return std::string("the multipart body ends without its closing boundary");
        }
        part.body = std::string(body.substr(contentStart, next - contentStart));
        parts.push_back(std::move(part));
        at = next + separator.size();
    }
}

} // namespace clue::serve
