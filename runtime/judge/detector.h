// Region debiasing's interfaces: a Detector finds a predicate's central object in an image, and
// a RegionEditor produces the image with that region masked out, or cropped to it. No
// implementation ships yet; the judge uses them only when both are configured.
#pragma once

#include "runtime/backend/backend_error.h"
#include "runtime/judge/answer_source.h"
#include "runtime/support/expected.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::runtime {

// An axis-aligned box in fractions of the image's width and height: x and y of the top-left
// corner, then width and height, all in [0, 1].
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;

    double area() const { return width * height; }
};

struct Detection {
    Box box;
    double confidence = 0; // in [0, 1]
};

using DetectionResult = Expected<std::vector<Detection>, BackendError>;

class Detector {
public:
    using Callback = std::function<void(DetectionResult)>;
    virtual ~Detector() = default;
    // Boxes of `object` in the image, in any order. Same threading contract as AnswerSource.
    virtual void detect(const ImageRef& image, std::string_view object, Callback done) = 0;
};

enum class RegionEdit {
    Mask, // the region removed: M(x minus region, c)
    Crop, // the image cut down to the region, for objects too small to judge in the whole image
};

std::string_view toString(RegionEdit edit); // "mask", "crop"

class RegionEditor {
public:
    virtual ~RegionEditor() = default;
    // The edited image as a data URL.
    virtual Expected<std::shared_ptr<const std::string>, BackendError>
    edit(const ImageRef& image, const Box& box, RegionEdit edit) = 0;
};

// Region debiasing is on when both are set; they must outlive the judge.
struct RegionDebiasing {
    Detector* detector = nullptr;
    RegionEditor* editor = nullptr;

    bool enabled() const { return detector != nullptr && editor != nullptr; }
};

// The box the judge uses: the most confident detection above `minConfidence`, if any.
std::optional<Detection> strongestDetection(const std::vector<Detection>& detections,
                                            double minConfidence);

} // namespace clue::runtime
