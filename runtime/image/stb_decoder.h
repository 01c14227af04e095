// Decoding an image with stb_image (Debian's libstb-dev headers), under a memory budget, to prove
// that its pixels can be read; the pixels themselves are thrown away.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clue::runtime {

struct ImageGeometry {
    int width = 0;
    int height = 0;
    int channels = 0;
};

// Decodes every pixel of the (first) image; stb's allocations on this thread may total at most
// `memoryBudget` bytes at any time. Nothing when it decodes (then `decoded` holds its size), else
// why not.
std::optional<std::string> decodeProblem(std::string_view bytes, std::uint64_t memoryBudget,
                                         ImageGeometry& decoded);

} // namespace clue::runtime
