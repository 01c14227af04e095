// A one-line progress bar with rate and ETA, redrawn in place on a terminal (stderr); silent
// when stderr is not a terminal, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

namespace clue::cli {

class ProgressBar {
public:
    // `enabled` is usually isatty(stderr).
    ProgressBar(std::ostream& out, std::size_t total, bool enabled);

    // One more item done; `failed` counts it among the errors. Redraws at most 10 times a second.
    void advance(bool failed);
    // Clears the line.
    void finish();

    // "[=====>    ]  412/1000  41.2/s  ETA 0:14  errors 0" for a given state, `width` columns.
    static std::string render(std::size_t done, std::size_t total, std::size_t errors,
                              double seconds, std::size_t width);

private:
    using Clock = std::chrono::steady_clock;
    void draw();

    std::ostream& out_;
    std::size_t total_;
    bool enabled_;
    std::size_t done_ = 0;
    std::size_t errors_ = 0;
    Clock::time_point start_ = Clock::now();
    Clock::time_point lastDraw_{};
};

} // namespace clue::cli
