// Myers' shortest edit script over lines, then hunks with context in diff(1)'s unified format.
#include "common/unified_diff.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace clue {
namespace {

using Lines = std::vector<std::string_view>;

// Beyond this many differing lines the quadratic trace costs more than a shortest script is
// worth.
constexpr int maxEdits = 2000;

enum class OpKind { Keep, Remove, Add };

struct Op {
    OpKind kind;
    size_t before; // line index in `before` (Keep, Remove)
    size_t after;  // line index in `after` (Keep, Add)
};

// Lines with their newline, so that a last line without one differs from the same line with one.
Lines splitLines(std::string_view text) {
    Lines lines;
    while (!text.empty()) {
        size_t end = text.find('\n');
        size_t length = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(0, length));
        text.remove_prefix(length);
    }
    return lines;
}

// A shortest script turning a[aBegin, aEnd) into b[bBegin, bEnd), or nothing when it is longer
// than maxEdits.
std::optional<std::vector<Op>> shortestScript(const Lines& a, size_t aBegin, size_t aEnd,
                                              const Lines& b, size_t bBegin, size_t bEnd) {
    const int n = static_cast<int>(aEnd - aBegin), m = static_cast<int>(bEnd - bBegin);
    const int offset = n + m + 1;
    std::vector<int> v(static_cast<size_t>(2 * offset + 1), 0);
    std::vector<std::vector<int>> trace; // trace[d]: v[-(d+1) .. d+1] before step d
    auto at = [&](int k) -> int& {
        return v[static_cast<size_t>(k + offset)];
    };
    auto same = [&](int x, int y) {
        return a[aBegin + static_cast<size_t>(x)] == b[bBegin + static_cast<size_t>(y)];
    };
    int found = -1;
    for (int d = 0; d <= n + m && found < 0; ++d) {
        if (d > maxEdits) {
            return std::nullopt;
        }
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && same(x, y)) {
                ++x, ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    std::vector<Op> reversed;
    int x = n, y = m;
    for (int d = found; d >= 0; --d) {
        const std::vector<int>& w = trace[static_cast<size_t>(d)];
        auto was = [&](int k) {
            return w[static_cast<size_t>(k + d + 1)];
        };
        int k = x - y;
        int previousK = (k == -d || (k != d && was(k - 1) < was(k + 1))) ? k + 1 : k - 1;
        int previousX = d == 0 ? 0 : was(previousK);
        int previousY = d == 0 ? 0 : previousX - previousK;
        while (x > previousX && y > previousY) {
            --x, --y;
            reversed.push_back({OpKind::Keep, aBegin + size_t(x), bBegin + size_t(y)});
        }
        if (d > 0) {
            bool added = x == previousX;
            reversed.push_back({added ? OpKind::Add : OpKind::Remove, aBegin + size_t(previousX),
                                bBegin + size_t(previousY)});
        }
        x = previousX, y = previousY;
    }
    return std::vector<Op>(reversed.rbegin(), reversed.rend());
}

std::vector<Op> editScript(const Lines& a, const Lines& b) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    std::vector<Op> ops;
    for (size_t i = 0; i < prefix; ++i) {
        ops.push_back({OpKind::Keep, i, i});
    }
    size_t aEnd = a.size() - suffix, bEnd = b.size() - suffix;
    if (auto middle = shortestScript(a, prefix, aEnd, b, prefix, bEnd)) {
        ops.insert(ops.end(), middle->begin(), middle->end());
    } else {
        for (size_t i = prefix; i < aEnd; ++i) {
            ops.push_back({OpKind::Remove, i, prefix});
        }
        for (size_t j = prefix; j < bEnd; ++j) {
            ops.push_back({OpKind::Add, aEnd, j});
        }
    }
    for (size_t i = 0; i < suffix; ++i) {
        ops.push_back({OpKind::Keep, aEnd + i, bEnd + i});
    }
    return ops;
}

// "-3,2" style ranges: a one-line range omits its count, an empty one names the line before.
std::string range(size_t first, size_t count) {
    std::string start = std::to_string(count == 0 ? first : first + 1);
    return count == 1 ? start : start + "," + std::to_string(count);
}

void appendLine(std::string& out, char sign, std::string_view line) {
    out += sign;
    out += line;
    if (line.empty() || line.back() != '\n') {
        out += "\n\\ No newline at end of file\n";
    }
}

void appendHunk(std::string& out, const std::vector<Op>& ops, size_t begin, size_t end,
                const Lines& a, const Lines& b) {
    size_t removed = 0, added = 0;
    for (size_t i = begin; i < end; ++i) {
        removed += ops[i].kind != OpKind::Add;
        added += ops[i].kind != OpKind::Remove;
    }
    out += "@@ -" + range(ops[begin].before, removed) + " +" + range(ops[begin].after, added) +
           " @@\n";
    for (size_t i = begin; i < end; ++i) {
        const Op& op = ops[i];
        if (op.kind == OpKind::Keep) {
            appendLine(out, ' ', a[op.before]);
        } else if (op.kind == OpKind::Remove) {
            appendLine(out, '-', a[op.before]);
        } else {
            appendLine(out, '+', b[op.after]);
        }
    }
}

} // namespace

std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeName, std::string_view afterName, size_t context) {
    if (before == after) {
        return "";
    }
    Lines a = splitLines(before), b = splitLines(after);
    std::vector<Op> ops = editScript(a, b);
    std::string out = "--- " + std::string(beforeName) + "\n+++ " + std::string(afterName) + "\n";
    size_t i = 0;
    while (i < ops.size()) {
        while (i < ops.size() && ops[i].kind == OpKind::Keep) {
            ++i;
        }
        if (i == ops.size()) {
            break;
        }
        size_t begin = i >= context ? i - context : 0;
        size_t end = i; // one past the last change of this hunk
        size_t kept = 0;
        for (size_t j = i; j < ops.size(); ++j) {
            if (ops[j].kind != OpKind::Keep) {
                end = j + 1;
                kept = 0;
            } else if (++kept > 2 * context) {
                break;
            }
        }
        size_t stop = std::min(ops.size(), end + context);
        appendHunk(out, ops, begin, stop, a, b);
        i = stop;
    }
    return out;
}

} // namespace clue
