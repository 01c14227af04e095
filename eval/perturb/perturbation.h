// The perturbations of a robustness run (`--perturb gaussian:0.01,jpeg:75,resize:0.5`), as
// UnsafeBench measures robustness: Gaussian noise of a standard deviation given as a share of
// the full pixel range, JPEG re-encoding at a quality, and downscaling by a factor. Each is
// deterministic for a seed and an image. Gradient attacks (FGSM, PGD, DeepFool) need the model's
// gradients, which an API does not give: they are out of reach here.
#pragma once

#include "runtime/image/pixel_image.h"
#include "runtime/support/expected.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clue::eval {

enum class PerturbationKind { Gaussian, Jpeg, Resize };

struct Perturbation {
    PerturbationKind kind = PerturbationKind::Gaussian;
    double amount = 0; // gaussian: sigma in (0, 1]; jpeg: quality 1..100; resize: factor (0, 1]

    std::string spec() const;      // "gaussian:0.01", as given on the command line
    std::string extension() const; // ".png", or ".jpg" for jpeg
};

// A comma-separated list of KIND:AMOUNT; the error names the entry and what was expected.
runtime::Expected<std::vector<Perturbation>, std::string> parsePerturbations(std::string_view list);

// The perturbed image, encoded (PNG, or JPEG for jpeg). `key` (the image's SHA-256) and `seed`
// decide the noise.
std::string perturbImage(const runtime::PixelImage& image, const Perturbation& perturbation,
                         std::uint64_t seed, std::string_view key);

} // namespace clue::eval
