// The lines `clue` prints for the user on standard error. Messages quote file names, settings
// and server answers: everything goes through terminalText (common/escaped_text.h), so that no
// byte of them can move the cursor or recolour the terminal.
#pragma once

#include <iosfwd>
#include <string_view>

namespace clue::cli {

// "clue: error: MESSAGE\n"
void printError(std::ostream& out, std::string_view message);
// "clue: warning: MESSAGE\n"
void printWarning(std::ostream& out, std::string_view message);
// "MESSAGE\n", for progress lines such as "reformatted FILE".
void printLine(std::ostream& out, std::string_view message);

} // namespace clue::cli
