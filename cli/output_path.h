// Checking an output path before the work whose result it will hold (common/file_io.h).
#pragma once

#include <iosfwd>
#include <string>

namespace clue::cli {

// True when `path` can be written as an output; otherwise prints
// "clue: error: cannot write 'PATH': why" to `errors`. "-" (standard output) always can.
bool outputWritable(const std::string& path, std::ostream& errors);

} // namespace clue::cli
