// What an output path names, and how OutputFile must write it (file_io.h).
#pragma once

#include <optional>
#include <string>

#include <sys/stat.h>

namespace clue {

struct OutputTarget {
    enum class Mode {
        Replace,        // a temporary file beside it, renamed over it
        RewriteInPlace, // a temporary file beside it, copied into it: it has other hard links
        Stream,         // written directly: a device or a pipe
    };
    std::string path;   // the file written: the output path, or where its symlinks lead
    std::string folder; // the folder of `path`
    std::string name;   // the file name of `path`
    Mode mode = Mode::Replace;
    bool exists = false;
    struct stat existing {}; // when it exists
};

// Follows the symlinks at `path` and checks what it ends at; nothing, with `error` set to the
// reason, when it cannot be written (file_io.h lists them).
std::optional<OutputTarget> inspectOutput(const std::string& path, std::string& error);

} // namespace clue
