// One image to judge: its path, and the problem that already rules it out, if one was found
// while the inputs were listed (a folder that cannot be listed, a manifest path refused).
#pragma once

#include "runtime/image/image_loader.h"

#include <filesystem>
#include <optional>

namespace clue::runtime {

struct ImageInput {
    std::filesystem::path path;
    std::optional<ImageError> problem; // set: the input is an `error` record, never read

    ImageInput(std::filesystem::path p) : path(std::move(p)) {} // NOLINT: a path is an input
    ImageInput(std::filesystem::path p, ImageError e) : path(std::move(p)), problem(std::move(e)) {}
};

} // namespace clue::runtime
