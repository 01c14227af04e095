// Bit-parallel evaluation: each vertex's table is computed once from its children's tables.
#include "compiler/analysis/truth_table.h"

#include <algorithm>
#include <unordered_map>

namespace clue::analysis {

using ir::NodeKind;
using ir::Vertex;
using Bits = std::vector<uint64_t>;

std::vector<uint32_t> predicatesBelow(const ir::IRModule& module, Vertex root) {
    std::vector<uint32_t> out;
    std::vector<Vertex> stack{root};
    std::unordered_map<Vertex, bool> seen;
    while (!stack.empty()) {
        Vertex v = stack.back();
        stack.pop_back();
        if (!seen.emplace(v, true).second) {
            continue;
        }
        if (module.kind(v) == NodeKind::Predicate) {
            out.push_back(module.node(v).payload);
        }
        for (Vertex child : module.children(v)) {
            stack.push_back(child);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<uint32_t> unionOf(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<uint32_t> out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

namespace {

// The table of variable `index`: bit r is bit `index` of r.
Bits variableBits(size_t index, size_t words) {
    Bits bits(words, 0);
    if (index < 6) {
        static constexpr uint64_t patterns[6] = {0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull,
                                                 0xF0F0F0F0F0F0F0F0ull, 0xFF00FF00FF00FF00ull,
                                                 0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull};
        std::fill(bits.begin(), bits.end(), patterns[index]);
        return bits;
    }
    size_t period = size_t{1} << (index - 6); // in words
    for (size_t w = 0; w < words; ++w) {
        bits[w] = (w / period) % 2 ? ~0ull : 0;
    }
    return bits;
}

class Evaluator {
public:
    Evaluator(const ir::IRModule& module, const std::vector<uint32_t>& variables, size_t words)
        : module_(module), variables_(variables), words_(words) {}

    Bits evaluate(Vertex v) {
        if (auto it = memo_.find(v); it != memo_.end()) {
            return it->second;
        }
        Bits out = compute(v);
        memo_.emplace(v, out);
        return out;
    }

private:
    Bits compute(Vertex v) {
        switch (module_.kind(v)) {
        case NodeKind::Predicate: {
            auto at =
                std::lower_bound(variables_.begin(), variables_.end(), module_.node(v).payload);
            return variableBits(static_cast<size_t>(at - variables_.begin()), words_);
        }
        case NodeKind::Const:
            return Bits(words_, module_.node(v).value ? ~0ull : 0);
        case NodeKind::Not:
        case NodeKind::Rule: {
            Bits bits = evaluate(module_.child(v, 0));
            if (module_.kind(v) == NodeKind::Not) {
                for (uint64_t& w : bits) {
                    w = ~w;
                }
            }
            return bits;
        }
        case NodeKind::And:
        case NodeKind::Or:
            break;
        }
        bool conjunction = module_.kind(v) == NodeKind::And;
        Bits acc(words_, conjunction ? ~0ull : 0);
        for (Vertex child : module_.children(v)) {
            Bits part = evaluate(child);
            for (size_t w = 0; w < words_; ++w) {
                acc[w] = conjunction ? acc[w] & part[w] : acc[w] | part[w];
            }
        }
        return acc;
    }

    const ir::IRModule& module_;
    const std::vector<uint32_t>& variables_;
    size_t words_;
    std::unordered_map<Vertex, Bits> memo_;
};

} // namespace

std::optional<TruthTable> TruthTable::of(const ir::IRModule& module, Vertex root,
                                         const std::vector<uint32_t>& variables) {
    if (variables.size() > kMaxVariables) {
        return std::nullopt;
    }
    size_t rows = size_t{1} << variables.size();
    size_t words = std::max<size_t>(1, rows / 64);
    TruthTable table;
    table.bits_ = Evaluator(module, variables, words).evaluate(root);
    table.lastMask_ = rows >= 64 ? ~0ull : (1ull << rows) - 1;
    return table;
}

bool TruthTable::implies(const TruthTable& other) const {
    for (size_t w = 0; w < bits_.size(); ++w) {
        uint64_t mask = w + 1 == bits_.size() ? lastMask_ : ~0ull;
        if (bits_[w] & ~other.bits_[w] & mask) {
            return false;
        }
    }
    return true;
}

bool TruthTable::satisfiable() const {
    for (size_t w = 0; w < bits_.size(); ++w) {
        if (bits_[w] & (w + 1 == bits_.size() ? lastMask_ : ~0ull)) {
            return true;
        }
    }
    return false;
}

bool TruthTable::valid() const {
    return !negated().satisfiable();
}

TruthTable TruthTable::negated() const {
    TruthTable out = *this;
    for (uint64_t& w : out.bits_) {
        w = ~w;
    }
    return out;
}

} // namespace clue::analysis
