// The progress line and the summary table of `clue objectify`.
#include "cli/objectify_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace clue::cli {

void ObjectifyProgress::draw(const std::string& text) {
    std::string line = fmt::format("[{}/{}] {}", done_, total_, text);
    if (line.size() > 100) {
        line = line.substr(0, 97) + "...";
    }
    std::cerr << "\r\033[K" << line << std::flush;
    drawn_ = true;
}

void ObjectifyProgress::step(const std::string& rule, const std::string& what) {
    if (!terminal_) {
        return;
    }
    std::lock_guard lock(mutex_);
    draw(rule + ": " + what);
}

void ObjectifyProgress::ruleDone() {
    std::lock_guard lock(mutex_);
    ++done_;
    if (terminal_) {
        draw(fmt::format("{} of {} rules done", done_, total_));
    }
}

void ObjectifyProgress::close() {
    std::lock_guard lock(mutex_);
    if (drawn_) {
        std::cerr << "\r\033[K" << std::flush;
        drawn_ = false;
    }
}

namespace {

template <typename T> std::string cell(const std::optional<T>& value) {
    return value ? fmt::format("{}", *value) : "-";
}

} // namespace

void printSummary(std::ostream& out, const std::vector<SummaryRow>& rows) {
    size_t width = 4;
    for (const SummaryRow& row : rows) {
        width = std::max(width, row.rule.size());
    }
    out << fmt::format("{:<{}}  {:>6}  {:>5}  {:>6}  {:>13}  {}\n", "rule", width, "before",
                       "after", "rounds", "preconditions", "result");
    for (const SummaryRow& row : rows) {
        out << fmt::format("{:<{}}  {:>6}  {:>5}  {:>6}  {:>13}  {}\n", row.rule, width,
                           cell(row.before), cell(row.after), cell(row.rounds),
                           cell(row.preconditions), row.result);
    }
}

} // namespace clue::cli
