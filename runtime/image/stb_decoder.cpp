// stb_image compiled here, private to this file (STB_IMAGE_STATIC), with only the four formats
// the runtime accepts: stb tries its decoders in turn, and a loose one (TGA) would otherwise
// "decode" garbage that the right one refused. Its allocations go through a per-thread budget,
// so that a decompression bomb (a small file whose zlib stream inflates to gigabytes) fails
// instead of exhausting memory.
#include "runtime/image/stb_decoder.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace {

thread_local std::uint64_t budgetLeft = 0;
thread_local bool exceeded = false;

// Each block carries its size in front, so that free and realloc can give the budget back.
constexpr std::size_t kHeader = alignof(std::max_align_t);

void* budgetMalloc(std::size_t size) {
    if (size > budgetLeft || size > std::numeric_limits<std::size_t>::max() - kHeader) {
        exceeded = true;
        return nullptr;
    }
    auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
    if (block == nullptr) {
        return nullptr;
    }
    budgetLeft -= size;
    std::memcpy(block, &size, sizeof size);
    return block + kHeader;
}

std::size_t blockSize(void* pointer) {
    std::size_t size = 0;
    std::memcpy(&size, static_cast<unsigned char*>(pointer) - kHeader, sizeof size);
    return size;
}

void budgetFree(void* pointer) {
    if (pointer != nullptr) {
        budgetLeft += blockSize(pointer);
        std::free(static_cast<unsigned char*>(pointer) - kHeader);
    }
}

void* budgetRealloc(void* pointer, std::size_t size) {
    if (pointer == nullptr) {
        return budgetMalloc(size);
    }
    void* grown = budgetMalloc(size);
    if (grown != nullptr) {
        const std::size_t old = blockSize(pointer);
        std::memcpy(grown, pointer, old < size ? old : size);
        budgetFree(pointer);
    }
    return grown;
}

} // namespace

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MALLOC(size) budgetMalloc(size)
#define STBI_REALLOC(pointer, size) budgetRealloc(pointer, size)
#define STBI_FREE(pointer) budgetFree(pointer)
#include <stb_image.h>

namespace clue::runtime {
namespace {

const stbi_uc* data(std::string_view bytes) {
    return reinterpret_cast<const stbi_uc*>(bytes.data());
}

// stb takes an int length; the loader's size limit keeps files far below it.
int length(std::string_view bytes) {
    return bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())
               ? std::numeric_limits<int>::max()
               : static_cast<int>(bytes.size());
}

} // namespace

std::optional<std::string> decodeProblem(std::string_view bytes, std::uint64_t memoryBudget,
                                         ImageGeometry& decoded) {
    budgetLeft = memoryBudget;
    exceeded = false;
    stbi_uc* pixels = stbi_load_from_memory(data(bytes), length(bytes), &decoded.width,
                                            &decoded.height, &decoded.channels, 0);
    if (pixels == nullptr) {
        return exceeded ? "decoding needs more than " + std::to_string(memoryBudget) +
                              " bytes of memory (a decompression bomb?)"
                        : std::string(stbi_failure_reason());
    }
    stbi_image_free(pixels);
    return std::nullopt;
}

} // namespace clue::runtime
