// Taking images out of request bodies.
#include "serve/image_payload.h"

#include "common/base64.h"
#include "serve/media_type.h"
#include "serve/multipart_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace clue::serve {
namespace {

using Json = nlohmann::json;

RequestProblem problem(int status, std::string code, std::string message) {
    return RequestProblem{status, std::move(code), std::move(message)};
}

RequestProblem tooMany(std::size_t count, std::size_t maxImages) {
    return problem(413, "batch-too-large",
                   std::to_string(count) + " images in one batch; at most " +
                       std::to_string(maxImages) + " are taken (--max-batch)");
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) ==
                      std::tolower(static_cast<unsigned char>(b));
           });
}

// "http://...", "file:...": a scheme followed by a colon, as RFC 3986 spells one.
bool looksLikeUrl(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || !std::isalpha(text[0])) {
        return false;
    }
    return std::all_of(text.begin(), text.begin() + colon, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

runtime::Expected<ImagePayload, RequestProblem> imageEntry(const Json& entry,
                                                           const std::string& where) {
    const Json* image = &entry;
    ImagePayload payload;
    if (entry.is_object()) {
        auto found = entry.find("image");
        if (found == entry.end()) {
            return problem(400, "invalid-request", where + " has no \"image\" member");
        }
        image = &*found;
        if (auto name = entry.find("name"); name != entry.end()) {
            if (!name->is_string()) {
                return problem(400, "invalid-request", where + ".name must be a string");
            }
            payload.name = name->get<std::string>();
        }
    }
    if (!image->is_string()) {
        return problem(400, "invalid-request", where + " must be a data URL string");
    }
    auto bytes = decodeDataUrl(image->get_ref<const std::string&>());
    if (!bytes) {
        RequestProblem p = bytes.error();
        p.message = where + ": " + p.message;
        return p;
    }
    payload.bytes = std::move(bytes).value();
    return payload;
}

Payloads fromJson(const std::string& body, bool batch, std::size_t maxImages) {
    Json doc;
    try {
        doc = Json::parse(body);
    } catch (const Json::exception& e) {
        return problem(400, "invalid-json", std::string("the body is not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) {
        return problem(400, "invalid-request", "the body must be a JSON object");
    }
    if (!batch) {
        auto one = imageEntry(doc, "the body");
        if (!one) {
            return one.error();
        }
        return std::vector<ImagePayload>{std::move(one).value()};
    }
    auto images = doc.find("images");
    if (images == doc.end() || !images->is_array() || images->empty()) {
        return problem(400, "invalid-request", "a batch needs a non-empty \"images\" array");
    }
    if (images->size() > maxImages) {
        return tooMany(images->size(), maxImages);
    }
    std::vector<ImagePayload> out;
    for (std::size_t i = 0; i < images->size(); ++i) {
        auto entry = imageEntry((*images)[i], "images[" + std::to_string(i) + "]");
        if (!entry) {
            return entry.error();
        }
        out.push_back(std::move(entry).value());
    }
    return out;
}

Payloads fromMultipart(const MediaType& media, std::string_view body, bool batch,
                       std::size_t maxImages) {
    auto boundary = media.params.find("boundary");
    if (boundary == media.params.end()) {
        return problem(400, "invalid-multipart", "multipart/form-data needs a boundary parameter");
    }
    const std::size_t limit = batch ? maxImages : 1;
    auto parts = readMultipart(body, boundary->second, limit + 1);
    if (!parts) {
        return problem(400, "invalid-multipart", parts.error());
    }
    if (parts->empty()) {
        return problem(400, "invalid-multipart", "the multipart body has no part");
    }
    if (parts->size() > limit) {
        return batch ? tooMany(parts->size(), maxImages)
                     : problem(400, "invalid-request",
                               "one image per request here; /v1/judge/batch takes several");
    }
    std::vector<ImagePayload> out;
    for (MultipartPart& part : parts.value()) {
        out.push_back({std::move(part.body), part.filename});
    }
    return out;
}

} // namespace

runtime::Expected<std::string, RequestProblem> decodeDataUrl(std::string_view url) {
    if (!startsWithNoCase(url, "data:")) {
        if (looksLikeUrl(url)) {
            return problem(400, "url-not-fetched",
                           "image URLs are not fetched; send the image's bytes (a data URL, the "
                           "raw body or multipart/form-data)");
        }
        return problem(400, "invalid-request", "not a data URL (data:image/...;base64,...)");
    }
    const auto comma = url.find(',');
    if (comma == std::string_view::npos) {
        return problem(400, "invalid-request", "a data URL needs a comma before its data");
    }
    const std::string_view header = url.substr(5, comma - 5);
    if (header.size() < 7 || !startsWithNoCase(header.substr(header.size() - 7), ";base64")) {
        return problem(400, "invalid-request", "only base64 data URLs are taken (;base64,)");
    }
    auto bytes = base64Decode(url.substr(comma + 1));
    if (!bytes) {
        return problem(400, "invalid-request", "the data URL's base64 is malformed");
    }
    return std::move(*bytes);
}

Payloads extractImages(std::string_view contentType, std::string body, bool batch,
                       std::size_t maxImages) {
    const MediaType media = parseMediaType(contentType);
    if (media.isTop("image")) {
        if (batch) {
            return problem(415, "unsupported-media-type",
                           "a batch is multipart/form-data or JSON, not one raw image");
        }
        return std::vector<ImagePayload>{{std::move(body), ""}};
    }
    if (media.is("multipart/form-data")) {
        return fromMultipart(media, body, batch, maxImages);
    }
    if (media.is("application/json")) {
        return fromJson(body, batch, maxImages);
    }
    return problem(
        415, "unsupported-media-type",
        (media.type.empty() ? std::string("no Content-Type") : "Content-Type " + media.type) +
            ": send image/*, multipart/form-data or application/json");
}

} // namespace clue::serve
