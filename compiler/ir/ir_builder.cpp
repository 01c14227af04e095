// Node creation with optional hash-consing.
#include "compiler/ir/ir_builder.h"

#include <algorithm>

namespace clue::ir {

bool IRBuilder::Key::operator==(const Key& o) const {
    return data.kind == o.data.kind && data.value == o.data.value &&
           data.payload == o.data.payload && children == o.children;
}

size_t IRBuilder::KeyHash::operator()(const Key& k) const {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint64_t x) {
        h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    };
    mix(static_cast<uint64_t>(k.data.kind));
    mix(k.data.value);
    mix(k.data.payload);
    for (Vertex c : k.children) {
        mix(c);
    }
    return static_cast<size_t>(h);
}

Vertex IRBuilder::add(NodeData data, std::span<const Vertex> children) {
    Key key;
    if (hashCons_) {
        key = {data, {children.begin(), children.end()}};
        if (data.kind == NodeKind::And || data.kind == NodeKind::Or) {
            std::sort(key.children.begin(), key.children.end());
            key.children.erase(std::unique(key.children.begin(), key.children.end()),
                               key.children.end());
        }
        if (auto it = interned_.find(key); it != interned_.end()) {
            return it->second;
        }
    }
    Vertex v = boost::add_vertex(data, *graph_);
    for (Vertex c : children) {
        boost::add_edge(v, c, *graph_);
    }
    if (hashCons_) {
        interned_.emplace(std::move(key), v);
    }
    return v;
}

Vertex IRBuilder::rule(uint32_t info, Vertex root) {
    Vertex v = boost::add_vertex(NodeData{NodeKind::Rule, false, info}, *graph_);
    boost::add_edge(v, root, *graph_);
    rules_.push_back(v);
    return v;
}

ChildRange IRBuilder::children(Vertex v) const {
    auto [begin, end] = boost::adjacent_vertices(v, *graph_);
    return {begin, end};
}

void IRBuilder::finishInto(IRModule& module) {
    module.replaceGraph(std::move(graph_), std::move(rules_));
    graph_ = std::make_unique<Graph>();
    rules_.clear();
    interned_.clear();
}

} // namespace clue::ir
