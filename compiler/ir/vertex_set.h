// A set of vertices kept as stamps in a vector: clearing is O(1) and, once grown, nothing is
// allocated or hashed. For passes that test membership per node in hot loops.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstdint>
#include <vector>

namespace clue::ir {

class VertexSet {
public:
    void clear() { ++stamp_; }
    // Returns false when `v` was already in the set.
    bool insert(Vertex v) {
        if (v >= marks_.size()) {
            marks_.resize(v + 1 + v / 2, 0);
        }
        if (marks_[v] == stamp_) {
            return false;
        }
        marks_[v] = stamp_;
        return true;
    }
    bool contains(Vertex v) const { return v < marks_.size() && marks_[v] == stamp_; }

private:
    std::vector<uint32_t> marks_;
    uint32_t stamp_ = 1;
};

} // namespace clue::ir
