// Noise, JPEG and resizing with stb; noise from a seeded std::mt19937_64 through our own
// Box-Muller, since std::normal_distribution's algorithm is left to the library.
#include "eval/perturb/perturbation.h"

#include "common/assert.h"
#include "common/sha256.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <random>

namespace clue::eval {
namespace {

using runtime::Expected;

struct KindInfo {
    PerturbationKind kind;
    std::string_view name;
    double low;  // exclusive for gaussian and resize, inclusive for jpeg
    double high; // inclusive
    bool integer;
};

constexpr KindInfo kKinds[] = {
    {PerturbationKind::Gaussian, "gaussian", 0, 1, false},
    {PerturbationKind::Jpeg, "jpeg", 1, 100, true},
    {PerturbationKind::Resize, "resize", 0, 1, false},
};

const KindInfo& infoOf(PerturbationKind kind) {
    for (const KindInfo& info : kKinds) {
        if (info.kind == kind) {
            return info;
        }
    }
    return kKinds[0];
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(' ');
    const auto last = s.find_last_not_of(' ');
    return first == std::string_view::npos ? std::string_view() : s.substr(first, last - first + 1);
}

Expected<Perturbation, std::string> parseOne(std::string_view entry) {
    const auto colon = entry.find(':');
    const std::string_view name = trim(entry.substr(0, colon));
    const KindInfo* info = nullptr;
    for (const KindInfo& k : kKinds) {
        info = k.name == name ? &k : info;
    }
    if (info == nullptr || colon == std::string_view::npos) {
        return "'" + std::string(entry) +
               "': expected gaussian:SIGMA, jpeg:QUALITY or resize:FACTOR";
    }
    const std::string_view text = trim(entry.substr(colon + 1));
    double amount = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
    const bool inRange =
        info->kind == PerturbationKind::Jpeg ? amount >= info->low : amount > info->low;
    if (ec != std::errc() || end != text.data() + text.size() || !inRange || amount > info->high ||
        (info->integer && amount != std::floor(amount))) {
        return "'" + std::string(entry) + "': " + std::string(info->name) +
               (info->kind == PerturbationKind::Jpeg ? " takes a quality from 1 to 100"
                : info->kind == PerturbationKind::Gaussian
                    ? " takes a standard deviation above 0 and at most 1 (of the pixel range)"
                    : " takes a factor above 0 and at most 1");
    }
    return Perturbation{info->kind, amount};
}

std::uint64_t noiseSeed(std::uint64_t seed, const std::string& spec, std::string_view key) {
    const std::string digest =
        sha256Hex(std::to_string(seed) + ":" + spec + ":" + std::string(key));
    return std::stoull(digest.substr(0, 16), nullptr, 16);
}

double uniformOpen(std::mt19937_64& rng) {
    return (static_cast<double>(rng() >> 11) + 0.5) / 9007199254740992.0; // (0, 1)
}

runtime::PixelImage withNoise(runtime::PixelImage image, double sigma, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    for (std::uint8_t& channel : image.rgb) {
        const double z = std::sqrt(-2 * std::log(uniformOpen(rng))) *
                         std::cos(2 * std::numbers::pi * uniformOpen(rng));
        channel = static_cast<std::uint8_t>(
            std::clamp(std::lround(channel + z * sigma * 255.0), 0L, 255L));
    }
    return image;
}

} // namespace

std::string Perturbation::spec() const {
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, amount);
    return std::string(infoOf(kind).name) + ":" + std::string(text, ec == std::errc() ? end : text);
}

std::string Perturbation::extension() const {
    return kind == PerturbationKind::Jpeg ? ".jpg" : ".png";
}

Expected<std::vector<Perturbation>, std::string> parsePerturbations(std::string_view list) {
    std::vector<Perturbation> out;
    while (!list.empty()) {
        const auto comma = list.find(',');
        auto one = parseOne(list.substr(0, comma));
        if (!one) {
            return one.error();
        }
        out.push_back(one.value());
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    if (out.empty()) {
        return std::string("no perturbation given");
    }
    return out;
}

std::string perturbImage(const runtime::PixelImage& image, const Perturbation& perturbation,
                         std::uint64_t seed, std::string_view key) {
    switch (perturbation.kind) {
    case PerturbationKind::Gaussian:
        return runtime::encodePng(
            withNoise(image, perturbation.amount, noiseSeed(seed, perturbation.spec(), key)));
    case PerturbationKind::Jpeg:
        return runtime::encodeJpeg(image, static_cast<int>(perturbation.amount));
    case PerturbationKind::Resize:
        return runtime::encodePng(runtime::resizePixels(
            image, static_cast<int>(std::lround(image.width * perturbation.amount)),
            static_cast<int>(std::lround(image.height * perturbation.amount))));
    }
    CLUE_UNREACHABLE();
}

} // namespace clue::eval
