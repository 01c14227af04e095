// Choosing the detection that region debiasing uses.
#include "runtime/judge/detector.h"

namespace clue::runtime {

std::string_view toString(RegionEdit edit) {
    return edit == RegionEdit::Mask ? "mask" : "crop";
}

std::optional<Detection> strongestDetection(const std::vector<Detection>& detections,
                                            double minConfidence) {
    std::optional<Detection> best;
    for (const Detection& detection : detections) {
        if (detection.confidence > minConfidence &&
            (!best || detection.confidence > best->confidence)) {
            best = detection;
        }
    }
    return best;
}

} // namespace clue::runtime
