// Line-based unified diffs, as `diff -u` writes them, for `clue fmt --diff` and
// `clue lint --fix --dry-run`.
#pragma once

#include <string>
#include <string_view>

namespace clue {

// The unified diff from `before` to `after` with `context` unchanged lines around each change,
// under the headers "--- beforeName" and "+++ afterName"; empty when the texts are equal. A
// last line without a newline is followed by "\ No newline at end of file", as diff(1) does.
// The script is a shortest one (Myers) unless the texts differ in more than a few thousand
// lines, where the differing middle is shown as removed and added whole.
std::string unifiedDiff(std::string_view before, std::string_view after,
                        std::string_view beforeName, std::string_view afterName,
                        size_t context = 3);

} // namespace clue
