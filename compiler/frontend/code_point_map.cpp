// Code point to byte offset mapping; ASCII files need no table.
#include "compiler/frontend/code_point_map.h"

#include <algorithm>

namespace clue {

CodePointMap::CodePointMap(std::string_view text, uint32_t base)
    : base_(base), size_(static_cast<uint32_t>(text.size())) {
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
        return;
    }
    offsets_.reserve(text.size() + 1);
    for (uint32_t i = 0; i < size_; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            offsets_.push_back(i);
        }
    }
    offsets_.push_back(size_);
}

uint32_t CodePointMap::byteOffset(size_t index) const {
    if (offsets_.empty()) {
        return base_ + static_cast<uint32_t>(std::min<size_t>(index, size_));
    }
    return base_ + offsets_[std::min(index, offsets_.size() - 1)];
}

} // namespace clue
