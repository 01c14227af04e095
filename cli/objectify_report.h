// What `clue objectify` shows: a progress line on a terminal while rules are objectified, and
// a summary table at the end.
#pragma once

#include <iosfwd>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clue::cli {

// One line on standard error, rewritten in place; nothing at all when it is not a terminal.
// Thread-safe: rules report from their worker threads.
class ObjectifyProgress {
public:
    ObjectifyProgress(size_t total, bool terminal) : total_(total), terminal_(terminal) {}
    ~ObjectifyProgress() { close(); }

    void step(const std::string& rule, const std::string& what);
    void ruleDone();
    // Clears the line.
    void close();

private:
    void draw(const std::string& text);

    std::mutex mutex_;
    size_t total_;
    size_t done_ = 0;
    bool terminal_;
    bool drawn_ = false;
};

struct SummaryRow {
    std::string rule;
    std::optional<int> before;           // the first rating
    std::optional<int> after;            // the rating of the extracted text
    std::optional<int> rounds;           // rewrite rounds made
    std::optional<size_t> preconditions; // statements in the chain
    std::string result;                  // "objectified", "skipped: ...", "failed: ..."
};

// A fixed-width table, one row per rule, in source order.
void printSummary(std::ostream& out, const std::vector<SummaryRow>& rows);

} // namespace clue::cli
