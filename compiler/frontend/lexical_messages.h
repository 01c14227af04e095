// Wording of lexical diagnostics: how to name a character, and what to write instead.
#pragma once

#include <string>
#include <string_view>

namespace clue {

// "'@'" for a printable character, "'é' (U+00E9)" beyond ASCII, "U+0007" when invisible.
std::string describeCharacters(std::string_view utf8);

// A hint for a stray character, such as "write 'and'" for '&'; empty when none fits.
std::string strayCharacterHelp(std::string_view utf8);

// The message for an unknown escape: `sequence` is the backslash and the character after it.
std::string unknownEscapeMessage(std::string_view sequence);

} // namespace clue
