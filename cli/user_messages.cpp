// Escaped message lines.
#include "cli/user_messages.h"

#include "common/escaped_text.h"

#include <ostream>

namespace clue::cli {

void printError(std::ostream& out, std::string_view message) {
    out << "clue: error: " << terminalText(message) << '\n';
}

void printWarning(std::ostream& out, std::string_view message) {
    out << "clue: warning: " << terminalText(message) << '\n';
}

void printLine(std::ostream& out, std::string_view message) {
    out << terminalText(message) << '\n';
}

} // namespace clue::cli
