// Re-reads the literals' source and maps each value byte to the source bytes that wrote it.
#include "compiler/lint/text_location.h"

#include <vector>

namespace clue::lint {
namespace {

struct RawByte {
    uint32_t begin; // source offset of the byte (or of its escape)
    uint32_t end;
};

std::vector<RawByte> valueBytes(std::string_view source, uint32_t from, uint32_t to) {
    std::vector<RawByte> bytes;
    uint32_t i = from;
    while (i < to) {
        if (source[i] != '"') {
            ++i;
            continue;
        }
        ++i; // opening quote
        while (i < to && source[i] != '"') {
            uint32_t width = source[i] == '\\' && i + 1 < to ? 2 : 1;
            bytes.push_back({i, i + width});
            i += width;
        }
        ++i; // closing quote
    }
    return bytes;
}

} // namespace

SourceSpan spanInLiterals(const SourceManager& sources, SourceSpan literals, size_t begin,
                          size_t end) {
    std::vector<RawByte> bytes =
        valueBytes(sources.contents(literals.file), literals.begin, literals.end);
    if (bytes.empty() || begin >= bytes.size() || end <= begin) {
        return literals;
    }
    end = std::min(end, bytes.size());
    return {literals.file, bytes[begin].begin, bytes[end - 1].end};
}

} // namespace clue::lint
