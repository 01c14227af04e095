// file:// URIs: for SARIF locations and help links, and the language server's documents.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue {

// `path` percent-encoded for use inside a URI (keeps '/').
std::string encodeUriPath(std::string_view path);

// An absolute path as a file:// URI, with the bytes that URIs do not allow percent-encoded.
std::string fileUri(std::string_view absolutePath);

// The path of a file:// URI ("file:///a%20b" is "/a b", "file://localhost/x" is "/x"); nothing
// for another scheme, a remote host, a malformed escape or an escaped NUL.
std::optional<std::string> pathOfFileUri(std::string_view uri);

} // namespace clue
