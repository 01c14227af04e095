// UTF-8 decoding for ANTLR, without its per-character conversions.
#include "compiler/frontend/source_char_stream.h"

#include "common/utf8.h"

namespace clue {

SourceCharStream::SourceCharStream(std::string_view utf8, std::string_view contents,
                                   const CodePointMap& map)
    : contents_(contents), map_(map) {
    _data.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        size_t length = 1;
        _data.push_back(decodeCodePoint(utf8.substr(i), length));
        i += length;
    }
    p = 0;
}

std::string SourceCharStream::getText(const antlr4::misc::Interval& interval) {
    if (interval.a < 0 || interval.b < interval.a) {
        return {};
    }
    uint32_t begin = map_.byteOffset(static_cast<size_t>(interval.a));
    uint32_t end = map_.byteOffset(static_cast<size_t>(interval.b) + 1);
    return std::string(contents_.substr(begin, end - begin));
}

} // namespace clue
