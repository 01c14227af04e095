// Maps ANTLR's character indexes (code points) back to byte offsets in the UTF-8 source.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace clue {

class CodePointMap {
public:
    // `text` is valid UTF-8; `base` is added to every offset (it skips a byte order mark).
    CodePointMap(std::string_view text, uint32_t base);

    // Byte offset of code point `index`; indexes at or past the end map to the end.
    uint32_t byteOffset(size_t index) const;

private:
    uint32_t base_;
    uint32_t size_;
    std::vector<uint32_t> offsets_; // empty when the text is ASCII, where index == offset
};

} // namespace clue
