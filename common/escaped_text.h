// Text that came from outside (file names, model answers) made safe to show: losslessly in JSON,
// harmlessly on a terminal. docs/cli.md documents both forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue {

// A file name, which may hold any bytes, as valid UTF-8 text that gives the bytes back: a
// backslash is written `\\`, and a NUL and each byte that is not part of valid UTF-8 `\xHH` (two
// upper-case hex digits); nothing else changes. "caf\xE9.png" is the name whose fourth byte is
// 0xE9.
std::string escapeFileName(std::string_view bytes);

// Free text (a message that may quote a file name) as valid UTF-8: each byte that is not part
// of valid UTF-8 becomes `\xHH`, as in escapeFileName; backslashes are left as they are.
std::string escapeInvalidUtf8(std::string_view text);

// The bytes escapeFileName() was given; nothing for text it cannot have written.
std::optional<std::string> unescapeFileName(std::string_view text);

// A control character: C0 (U+0000-U+001F, the tab included), DEL (U+007F) or C1
// (U+0080-U+009F).
bool isControlCharacter(char32_t c);

// A character that reorders the text around it (U+202A-U+202E, U+2066-U+2069).
bool reordersText(char32_t c);

// `text` as it may be printed on a terminal: control characters (U+0000-U+001F, U+007F,
// U+0080-U+009F) and bytes that are not valid UTF-8 become `\xHH`, and the characters that
// reorder text (U+202A-U+202E, U+2066-U+2069) `\u{HHHH}`, so that nothing in it can move the
// cursor, change colours, or make text read differently from what it is.
std::string terminalText(std::string_view text);

} // namespace clue
