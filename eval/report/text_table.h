// A table of strings written as aligned plain text or as a Markdown table, for the text and
// Markdown reports; and the number formats every human-readable report uses.
#pragma once

#include "eval/metrics/bootstrap.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

class TextTable {
public:
    // Columns after the first are right-aligned (numbers).
    explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}

    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    bool empty() const { return rows_.empty(); }

    // Each line indented by `indent` spaces, columns two spaces apart.
    std::string text(int indent = 2) const;
    std::string markdown() const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

std::string fixed(double value, int decimals);
// Three decimals, or "n/a" when undefined.
std::string rateText(const std::optional<double>& value);
// "[0.912, 0.951]", or "" without an interval.
std::string intervalText(const std::optional<Interval>& interval);

} // namespace clue::eval
