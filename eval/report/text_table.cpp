// Column widths and Markdown escaping.
#include "eval/report/text_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace clue::eval {
namespace {

std::string markdownCell(const std::string& cell) {
    std::string out;
    for (char c : cell) {
        out += c == '|' ? "\\|" : std::string(1, c == '\n' ? ' ' : c);
    }
    return out;
}

} // namespace

std::string TextTable::text(int indent) const {
    std::vector<std::size_t> widths(header_.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    };
    measure(header_);
    std::for_each(rows_.begin(), rows_.end(), measure);
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text(static_cast<std::size_t>(indent), ' ');
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string& cell = i < row.size() ? row[i] : "";
            text += i == 0 ? fmt::format("{:<{}}", cell, widths[i])
                           : fmt::format("  {:>{}}", cell, widths[i]);
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
    };
    line(header_);
    std::for_each(rows_.begin(), rows_.end(), line);
    return out;
}

std::string TextTable::markdown() const {
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        out += "|";
        for (std::size_t i = 0; i < header_.size(); ++i) {
            out += " " + markdownCell(i < row.size() ? row[i] : "") + " |";
        }
        out += "\n";
    };
    line(header_);
    out += "|";
    for (std::size_t i = 0; i < header_.size(); ++i) {
        out += i == 0 ? "---|" : "---:|";
    }
    out += "\n";
    std::for_each(rows_.begin(), rows_.end(), line);
    return out;
}

std::string fixed(double value, int decimals) {
    return fmt::format("{:.{}f}", value, decimals);
}

std::string rateText(const std::optional<double>& value) {
    return value ? fixed(*value, 3) : "n/a";
}

std::string intervalText(const std::optional<Interval>& interval) {
    return interval ? "[" + fixed(interval->low, 3) + ", " + fixed(interval->high, 3) + "]" : "";
}

} // namespace clue::eval
