// The end-of-run summary of `clue judge`: images, verdicts, calls per image, cache hits, errors.
#pragma once

#include "runtime/judge/image_result.h"

#include <cstddef>
#include <iosfwd>

namespace clue::cli {

class JudgeTally {
public:
    void add(const runtime::ImageResult& result);
    void print(std::ostream& out, double seconds) const;

    std::size_t images() const { return images_; }
    // Images with a failure: unreadable, or a predicate that could not be judged (whatever
    // --on-error made of the verdict).
    std::size_t failedImages() const { return failed_; }

private:
    std::size_t images_ = 0;
    std::size_t safe_ = 0;
    std::size_t unsafe_ = 0;
    std::size_t errors_ = 0;
    std::size_t failed_ = 0;
    std::size_t unreadable_ = 0;
    std::size_t byPolicy_ = 0;
    std::size_t predicateFailures_ = 0;
    std::size_t predicates_ = 0;
    std::size_t escalations_ = 0;
    runtime::AnswerCost cost_;
};

} // namespace clue::cli
