// Where `import "std/NAME.clue"` finds the standard library.
#pragma once

#include <string>

namespace clue {

// `configured` if not empty; else $CLUE_STDLIB if set; else the source tree's stdlib-rules/
// that this build was configured with, if it exists; else ../share/clue/stdlib-rules beside
// the running executable.
std::string stdlibDirectory(const std::string& configured);

} // namespace clue
