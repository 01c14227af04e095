// libFuzzer target for the reasoning summary's rating parser (docs/fuzzing.md): any text (a model
// writes it) either yields a rating or is refused with InvalidRating; an accepted rating reads the
// same the second time, and its rationale is valid UTF-8, since it goes into every JSON record.
#include "common/utf8.h"
#include "runtime/backend/rating_parser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "rating_fuzzer: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace clue::runtime;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto rating = parseRating(text);
    if (!rating) {
        if (rating.error().kind != BackendErrorKind::InvalidRating) {
            fail("a refusal of another kind than invalid-rating");
        }
        return 0;
    }
    if (clue::findInvalidUtf8(rating->rationale)) {
        fail("a rationale that is not UTF-8");
    }
    const auto again = parseRating(text);
    if (!again || again->yes != rating->yes || again->rationale != rating->rationale) {
        fail("the same text read twice gave two answers");
    }
    return 0;
}
