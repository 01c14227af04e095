// Measures how deeply conditions nest ('(' and 'not'), so that the recursive descent parser is
// never handed input that would exhaust the stack.
#pragma once

#include <cstddef>
#include <vector>

namespace clue {

class NestingDepth {
public:
    // The deepest nesting the parser may see; real formulas stay far below it.
    static constexpr size_t limit = 100;

    // Feeds the type of each visible token, in order.
    void add(size_t tokenType);
    size_t deepest() const { return deepest_; }
    bool exceeded() const { return deepest_ > limit; }

private:
    void update();

    // Pending 'not's per open parenthesis; the bottom entry is outside any parenthesis.
    std::vector<size_t> pendingNots_{0};
    size_t totalNots_ = 0;
    size_t deepest_ = 0;
};

} // namespace clue
