// Owns the text of every loaded source file and maps byte offsets to lines and columns.
#pragma once

#include "compiler/source/source_span.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clue {

class SourceManager {
public:
    // Adds a file and returns its id. `path` is the name shown in diagnostics.
    FileId addFile(std::string path, std::string contents);

    const std::string& path(FileId file) const { return files_.at(file)->path; }
    std::string_view contents(FileId file) const { return files_.at(file)->contents; }
    size_t fileCount() const { return files_.size(); }

    LineColumn lineColumn(FileId file, uint32_t offset) const;
    // The text of 1-based `line`, without its line terminator.
    std::string_view lineText(FileId file, uint32_t line) const;
    // Byte offset where 1-based `line` starts.
    uint32_t lineStart(FileId file, uint32_t line) const;
    // From byte `column` (0-based) of 1-based `line` to the end of that line, trailing blanks left
    // out: what a caret underlines for a place that a YAML reader gives as a line and a column
    // (clue.yaml, lockfiles).
    SourceSpan restOfLine(FileId file, uint32_t line, uint32_t column) const;

private:
    struct File {
        std::string path;
        std::string contents;
        std::vector<uint32_t> lineStarts;
    };
    std::vector<std::unique_ptr<File>> files_;
};

} // namespace clue
