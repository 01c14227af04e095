// Linear probing with the hash stored beside each vertex; the table doubles at half load.
#include "compiler/ir/node_interner.h"

#include <algorithm>

namespace clue::ir {

void NodeInterner::canonicalize(NodeData data, std::vector<Vertex>& out) {
    if (data.kind == NodeKind::And || data.kind == NodeKind::Or) {
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
}

uint64_t NodeInterner::hashOf(NodeData data, const std::vector<Vertex>& canonical) {
    uint64_t h = 0x9e3779b97f4a7c15ull * (static_cast<uint64_t>(data.kind) + 1);
    auto mix = [&h](uint64_t x) {
        h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        h *= 0xff51afd7ed558ccdull;
    };
    mix(data.value);
    mix(data.payload);
    for (Vertex c : canonical) {
        mix(c);
    }
    return h ^ (h >> 33);
}

bool NodeInterner::equal(const Graph& graph, Vertex v, NodeData data) {
    const NodeData& d = graph[v];
    if (d.kind != data.kind || d.value != data.value || d.payload != data.payload) {
        return false;
    }
    auto [begin, end] = boost::adjacent_vertices(v, graph);
    other_.assign(begin, end);
    canonicalize(d, other_);
    return other_ == probe_;
}

Vertex NodeInterner::find(const Graph& graph, NodeData data, std::span<const Vertex> children) {
    if (slots_.empty()) {
        slots_.assign(1024, {0, kNone});
    }
    probe_.assign(children.begin(), children.end());
    canonicalize(data, probe_);
    pendingHash_ = hashOf(data, probe_);
    size_t mask = slots_.size() - 1;
    for (size_t i = pendingHash_ & mask;; i = (i + 1) & mask) {
        auto [hash, v] = slots_[i];
        if (v == kNone) {
            return kNone;
        }
        if (hash == pendingHash_ && equal(graph, v, data)) {
            return v;
        }
    }
}

void NodeInterner::insert(Vertex v) {
    if (2 * (used_ + 1) > slots_.size()) {
        grow();
    }
    size_t mask = slots_.size() - 1;
    size_t i = pendingHash_ & mask;
    while (slots_[i].second != kNone) {
        i = (i + 1) & mask;
    }
    slots_[i] = {pendingHash_, v};
    ++used_;
}

void NodeInterner::grow() {
    std::vector<std::pair<uint64_t, Vertex>> old(slots_.size() * 2, {0, kNone});
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (auto [hash, v] : old) {
        if (v == kNone) {
            continue;
        }
        size_t i = hash & mask;
        while (slots_[i].second != kNone) {
            i = (i + 1) & mask;
        }
        slots_[i] = {hash, v};
    }
}

void NodeInterner::clear() {
    slots_.clear();
    used_ = 0;
}

} // namespace clue::ir
