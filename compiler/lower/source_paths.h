// The relative paths that plans record: stable whatever the working directory and however the
// files were named on the command line.
#pragma once

#include <string>
#include <vector>

namespace clue {

class SourcePaths {
public:
    // The base is the deepest directory that holds every root file.
    SourcePaths(const std::vector<std::string>& roots, const std::string& stdlibDir);

    // `path` relative to the base; a file outside the base that lies in the standard library
    // is "std/NAME.clue", as it is imported. Always with '/' separators.
    std::string relative(const std::string& path) const;

private:
    std::string base_;
    std::string stdlib_;
};

} // namespace clue
