// The documentation of one diagnostic code or lint rule, read from the docs folder: the section
// "### E025: ..." of diagnostics.md, or the page lint/NAME.md. `clue explain` prints it; SARIF
// and the language server link to it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue::lint {

struct DiagnosticDoc {
    std::string code;     // "E025", "W050", "L206"
    std::string page;     // relative to the docs folder: "diagnostics.md", "lint/unused-import.md"
    std::string anchor;   // the section's anchor in `page` ("e025-unknown-severity"); "" for a page
    std::string markdown; // the section or the page
};

// The docs of a code (E025, W050, L206, in any case) or a lint rule's name (unused-import),
// read from `docsDir`; nothing, with `error` saying why, when there are none.
std::optional<DiagnosticDoc> findDiagnosticDoc(std::string_view codeOrName,
                                               const std::string& docsDir, std::string& error);

// Where the docs of `code` are under `docsBase` (a URI ending in '/'): the lint rule's page, or
// diagnostics.md at the code's section when the docs folder has one.
std::string diagnosticHelpUri(const std::string& docsBase, std::string_view code);

// A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as '-'.
std::string headingAnchor(std::string_view heading);

} // namespace clue::lint
