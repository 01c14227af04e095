// Where the documentation of the diagnostics and lint rules lives: the `lint.docs-url` setting
// if given, else the docs/ folder of this build's source tree, else the installed documentation
// beside the executable. SARIF's helpUri, the language server's links and `clue explain` use it.
#pragma once

#include <string>

namespace clue::lint {

// The docs folder on this machine: the source tree's, else ../share/doc/clue beside the
// running executable (which may not exist).
std::string docsDirectory();

// A URI ending in '/' that "lint/NAME.md" and "cli/lint.md" are appended to.
std::string docsBaseUri(const std::string& configured);

} // namespace clue::lint
