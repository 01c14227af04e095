// The FILES... arguments of a verb: files as given, directories expanded to their *.clue files.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace clue::cli {

// Files as given, and each directory replaced by the *.clue files under it (recursively, in
// sorted order). "-" (standard input) is kept when `allowStdin`. Prints an error for each
// path that does not exist and returns nothing if there was one.
std::optional<std::vector<std::string>> expandInputs(const std::vector<std::string>& arguments,
                                                     bool allowStdin, std::ostream& errors);

} // namespace clue::cli
