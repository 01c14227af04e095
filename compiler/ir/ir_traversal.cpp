// Post-order via Boost.Graph's iterative depth-first visit (deep formulas cannot overflow the
// stack), and an explicit-stack pre-order for per-rule walks.
#include "compiler/ir/ir_traversal.h"

#include <boost/graph/depth_first_search.hpp>

namespace clue::ir {
namespace {

class FinishRecorder : public boost::default_dfs_visitor {
public:
    explicit FinishRecorder(std::vector<Vertex>& out) : out_(&out) {}
    void finish_vertex(Vertex v, const Graph&) { out_->push_back(v); }

private:
    std::vector<Vertex>* out_;
};

} // namespace

std::vector<Vertex> postOrder(const IRModule& module) {
    const Graph& g = module.graph();
    std::vector<Vertex> order;
    order.reserve(boost::num_vertices(g));
    std::vector<boost::default_color_type> colors(boost::num_vertices(g), boost::white_color);
    auto colorMap =
        boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, g));
    FinishRecorder recorder(order);
    for (Vertex rule : module.rules()) {
        if (colors[rule] == boost::white_color) {
            boost::depth_first_visit(g, rule, recorder, colorMap);
        }
    }
    return order;
}

std::vector<char> reachableMask(const IRModule& module) {
    std::vector<char> reached(module.vertexCount(), 0);
    for (Vertex rule : module.rules()) {
        reached[rule] = 1;
    }
    for (Vertex v = module.vertexCount(); v-- > 0;) {
        if (reached[v]) {
            for (Vertex c : module.children(v)) {
                reached[c] = 1;
            }
        }
    }
    return reached;
}

void postOrderFrom(const IRModule& module, Vertex root, std::vector<uint32_t>& mark, uint32_t stamp,
                   std::vector<Vertex>& out) {
    // Each frame is a vertex and the index of its next child to descend into.
    std::vector<std::pair<Vertex, size_t>> stack;
    if (mark[root] == stamp) {
        return;
    }
    mark[root] = stamp;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next == module.childCount(v)) {
            out.push_back(v);
            stack.pop_back();
            continue;
        }
        Vertex c = module.child(v, next++);
        if (mark[c] != stamp) {
            mark[c] = stamp;
            stack.emplace_back(c, 0);
        }
    }
}

void preOrderOnce(const IRModule& module, Vertex root, std::vector<uint32_t>& mark, uint32_t stamp,
                  const std::function<bool(Vertex)>& visit) {
    std::vector<Vertex> stack{root};
    while (!stack.empty()) {
        Vertex v = stack.back();
        stack.pop_back();
        if (mark[v] == stamp) {
            continue;
        }
        mark[v] = stamp;
        if (!visit(v)) {
            continue;
        }
        ChildRange kids = module.children(v);
        // Pushed in reverse so that the first child is visited first.
        for (auto it = kids.end(); it != kids.begin();) {
            --it;
            stack.push_back(*it);
        }
    }
}

} // namespace clue::ir
