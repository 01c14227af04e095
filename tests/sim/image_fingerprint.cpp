// Fingerprints through the runtime's stb decoder and resizer.
#include "tests/sim/image_fingerprint.h"

#include "runtime/image/pixel_image.h"

#include <algorithm>
#include <cmath>

namespace clue::sim {
namespace {

constexpr std::uint64_t kMaxPixels = 50'000'000;

} // namespace

std::optional<Fingerprint> fingerprintOf(std::string_view imageBytes) {
    auto pixels = runtime::decodePixels(imageBytes, kMaxPixels);
    if (!pixels) {
        return std::nullopt;
    }
    const runtime::PixelImage small =
        runtime::resizePixels(pixels.value(), kFingerprintSide, kFingerprintSide);
    Fingerprint out{};
    std::copy(small.rgb.begin(), small.rgb.end(), out.begin());
    return out;
}

double fingerprintDistance(const Fingerprint& a, const Fingerprint& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double d = (double(a[i]) - double(b[i])) / 255.0;
        sum += d * d;
    }
    return std::sqrt(sum / double(a.size()));
}

} // namespace clue::sim
