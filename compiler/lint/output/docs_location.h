// Where the documentation of the lint rules lives, as a URI base for SARIF's helpUri: the
// `lint.docs-url` setting if given, else the docs/ folder of this build's source tree, else the
// installed documentation beside the executable.
#pragma once

#include <string>

namespace clue::lint {

// A URI ending in '/' that "lint/NAME.md" and "cli/lint.md" are appended to.
std::string docsBaseUri(const std::string& configured);

// `path` as a file:// URI, with the bytes that URIs do not allow percent-encoded.
std::string fileUri(const std::string& absolutePath);

// `path` percent-encoded for use inside a URI (keeps '/').
std::string encodeUriPath(const std::string& path);

} // namespace clue::lint
