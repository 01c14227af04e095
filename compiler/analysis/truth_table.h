// Exact truth tables of IR formulas over a few predicates: 2^n rows packed in 64-bit words, so
// that two formulas over at most kMaxVariables predicates can be compared exactly.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace clue::analysis {

inline constexpr size_t kMaxVariables = 12;

// The predicates (IRModule::predicates() indices) below `root`, sorted.
std::vector<uint32_t> predicatesBelow(const ir::IRModule& module, ir::Vertex root);

// The union of two sorted lists.
std::vector<uint32_t> unionOf(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

class TruthTable {
public:
    // Row r gives predicate variables[i] the value of bit i of r. Nothing when there are more
    // than kMaxVariables variables; every predicate below `root` must be among `variables`.
    static std::optional<TruthTable> of(const ir::IRModule& module, ir::Vertex root,
                                        const std::vector<uint32_t>& variables);

    // Whether every row where this is true makes `other` true as well.
    bool implies(const TruthTable& other) const;
    bool satisfiable() const;
    bool valid() const;
    TruthTable negated() const;

private:
    std::vector<uint64_t> bits_;
    uint64_t lastMask_ = ~0ull; // the rows that exist in the last word
};

} // namespace clue::analysis
