// Redaction of secrets from text the client writes.
#include "runtime/http/secret_redactor.h"

#include "runtime/http/header_text.h"

namespace clue::runtime {

std::string redactSecret(std::string text, std::string_view secret) {
    if (secret.empty()) {
        return text;
    }
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + redactedMarker.size())) {
        text.replace(at, secret.size(), redactedMarker);
    }
    return text;
}

std::string redactAuthorizationHeader(std::string_view headerLine) {
    if (!startsWithNoCase(headerLine, "authorization:")) {
        return std::string(headerLine);
    }
    return "Authorization: " + std::string(redactedMarker);
}

} // namespace clue::runtime
