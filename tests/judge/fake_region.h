// A scripted detector and region editor, for the region-debiasing path (no real detector ships
// yet).
#pragma once

#include "runtime/judge/detector.h"

#include <atomic>
#include <map>
#include <string>
#include <vector>

namespace clue::test {

class FakeDetector : public runtime::Detector {
public:
    std::map<std::string, std::vector<runtime::Detection>> boxes; // by object
    bool fail = false;
    std::atomic<int> calls{0};
    std::vector<std::string> objects;

    void detect(const runtime::ImageRef&, std::string_view object, Callback done) override {
        ++calls;
        objects.emplace_back(object);
        if (fail) {
            done(runtime::BackendError{runtime::BackendErrorKind::DetectorFailed, "no detector"});
            return;
        }
        auto it = boxes.find(std::string(object));
        done(it == boxes.end() ? std::vector<runtime::Detection>{} : it->second);
    }
};

// Edits nothing: returns "edited:<mask|crop>:<x>" so tests see which edit was sent.
class FakeRegionEditor : public runtime::RegionEditor {
public:
    std::atomic<int> calls{0};

    runtime::Expected<std::shared_ptr<const std::string>, runtime::BackendError>
    edit(const runtime::ImageRef&, const runtime::Box& box, runtime::RegionEdit edit) override {
        ++calls;
        return std::make_shared<const std::string>("edited:" + std::string(toString(edit)) + ":" +
                                                   std::to_string(box.x));
    }
};

} // namespace clue::test
