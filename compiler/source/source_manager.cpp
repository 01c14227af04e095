// Line tables are built once per file; lookups are binary searches.
#include "compiler/source/source_manager.h"

#include "common/utf8.h"

#include <algorithm>

namespace clue {

FileId SourceManager::addFile(std::string path, std::string contents) {
    auto file = std::make_unique<File>();
    file->path = std::move(path);
    file->contents = std::move(contents);
    file->lineStarts.push_back(0);
    for (uint32_t i = 0; i < file->contents.size(); ++i) {
        if (file->contents[i] == '\n') {
            file->lineStarts.push_back(i + 1);
        }
    }
    files_.push_back(std::move(file));
    return static_cast<FileId>(files_.size() - 1);
}

LineColumn SourceManager::lineColumn(FileId file, uint32_t offset) const {
    const File& f = *files_.at(file);
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(f.contents.size()));
    auto it = std::upper_bound(f.lineStarts.begin(), f.lineStarts.end(), offset);
    auto line = static_cast<uint32_t>(it - f.lineStarts.begin());
    uint32_t start = f.lineStarts[line - 1];
    std::string_view before(f.contents.data() + start, offset - start);
    return {line, static_cast<uint32_t>(countCodePoints(before)) + 1};
}

uint32_t SourceManager::lineStart(FileId file, uint32_t line) const {
    const File& f = *files_.at(file);
    line = std::clamp<uint32_t>(line, 1, static_cast<uint32_t>(f.lineStarts.size()));
    return f.lineStarts[line - 1];
}

SourceSpan SourceManager::restOfLine(FileId file, uint32_t line, uint32_t column) const {
    std::string_view text = lineText(file, line);
    uint32_t start = lineStart(file, line);
    uint32_t begin = start + std::min<uint32_t>(column, static_cast<uint32_t>(text.size()));
    size_t last = text.find_last_not_of(" \t\r");
    uint32_t end = start + static_cast<uint32_t>(last == std::string_view::npos ? 0 : last + 1);
    return {file, begin, std::max(begin, end)};
}

std::string_view SourceManager::lineText(FileId file, uint32_t line) const {
    const File& f = *files_.at(file);
    uint32_t start = lineStart(file, line);
    uint32_t end = line < f.lineStarts.size() ? f.lineStarts[line] - 1
                                              : static_cast<uint32_t>(f.contents.size());
    std::string_view text(f.contents.data() + start, end - start);
    if (!text.empty() && text.back() == '\r') {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace clue
