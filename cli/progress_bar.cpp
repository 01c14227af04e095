// Drawing the progress line.
#include "cli/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace clue::cli {
namespace {

std::string clock(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                     : fmt::format("{}:{:02}", s / 60, s % 60);
}

} // namespace

ProgressBar::ProgressBar(std::ostream& out, std::size_t total, bool enabled)
    : out_(out), total_(total), enabled_(enabled && total > 0) {}

std::string ProgressBar::render(std::size_t done, std::size_t total, std::size_t errors,
                                double seconds, std::size_t width) {
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const std::string eta =
        rate > 0 ? clock(static_cast<double>(total - std::min(done, total)) / rate) : "-:--";
    std::string tail =
        fmt::format(" {}/{}  {:.1f}/s  ETA {}  errors {}", done, total, rate, eta, errors);
    const std::size_t barWidth = width > tail.size() + 12 ? width - tail.size() - 2 : 10;
    const std::size_t filled = total == 0 ? barWidth : barWidth * std::min(done, total) / total;
    std::string bar(filled, '=');
    if (filled < barWidth) {
        bar += '>';
        bar.append(barWidth - filled - 1, ' ');
    }
    return "[" + bar + "]" + tail;
}

void ProgressBar::advance(bool failed) {
    ++done_;
    errors_ += failed ? 1 : 0;
    const auto now = Clock::now();
    if (enabled_ && (now - lastDraw_ > std::chrono::milliseconds(100) || done_ == total_)) {
        lastDraw_ = now;
        draw();
    }
}

void ProgressBar::draw() {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    out_ << '\r' << render(done_, total_, errors_, seconds, 78) << std::flush;
}

void ProgressBar::finish() {
    if (enabled_) {
        out_ << '\r' << std::string(79, ' ') << '\r' << std::flush;
    }
}

} // namespace clue::cli
