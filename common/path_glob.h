// Glob patterns over '/'-separated relative paths, for settings that name files to skip.
#pragma once

#include <string_view>

namespace clue {

// Whether `path` matches `pattern`. `*` matches any run of characters except '/', `?` one
// character except '/', and `**` any run including '/' (so `**/x.clue` also matches `x.clue`,
// and `gen/**` everything under gen/). A pattern without '/' matches the last path component
// anywhere, as in .gitignore: `*_test.clue` matches `a/b/c_test.clue`.
bool globMatch(std::string_view pattern, std::string_view path);

} // namespace clue
