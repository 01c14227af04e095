// libFuzzer target for the JSONL manifest reader (docs/fuzzing.md): any text either gives its
// entries or is refused with a line that exists. Every entry has a non-empty path of at most
// kMaxManifestPathBytes bytes, and the entries' lines increase.
#include "runtime/image/image_manifest.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, int line) {
    std::fprintf(stderr, "manifest_fuzzer: %s (line %d)\n", what, line);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace clue::runtime;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    const auto manifest = parseManifest(text);
    if (!manifest) {
        if (manifest.error().line < 1 || manifest.error().line > lines) {
            fail("an error on a line that does not exist", manifest.error().line);
        }
        return 0;
    }
    int previous = 0;
    for (const ManifestEntry& entry : manifest.value()) {
        if (entry.path.empty() || entry.path.size() > kMaxManifestPathBytes) {
            fail("an empty or overlong path", entry.line);
        }
        if (entry.line <= previous || entry.line > lines) {
            fail("entries out of line order", entry.line);
        }
        previous = entry.line;
    }
    return 0;
}
