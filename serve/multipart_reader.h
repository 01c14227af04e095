// multipart/form-data bodies (RFC 7578) taken apart into their parts, within bounds: at most
// `maxParts` parts, part headers of at most 8 KiB, and a closing boundary required.
#pragma once

#include "runtime/support/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue::serve {

struct MultipartPart {
    std::string name;        // the form field (Content-Disposition name)
    std::string filename;    // Content-Disposition filename; empty when none was sent
    std::string contentType; // as sent; never trusted for images, which are sniffed
    std::string body;
};

// The parts of `body` delimited by `boundary`; an error message says what is malformed.
runtime::Expected<std::vector<MultipartPart>, std::string>
readMultipart(std::string_view body, std::string_view boundary, std::size_t maxParts);

} // namespace clue::serve
