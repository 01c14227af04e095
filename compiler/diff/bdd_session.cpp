// BuDDy's errors become exceptions: its default handler would end the process.
#include "compiler/diff/bdd_session.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace clue::diff {

namespace {

bool running = false;

void throwOnError(int code) {
    throw BddError(std::string("the decision diagram package failed: ") + bdd_errstring(code));
}

// Collections are frequent and cheap; BuDDy would print a line for each.
void quietCollection(int, bddGbcStat*) {}

} // namespace

BddSession::BddSession(size_t variables) {
    if (running) {
        throw BddError("a decision diagram session is already running");
    }
    bdd_error_hook(throwOnError);
    bdd_init(1 << 16, 1 << 13); // small: most diffs are small; the table grows as needed
    running = true;
    bdd_gbc_hook(quietCollection);
    bdd_setmaxincrease(1 << 21);
    bdd_setcacheratio(8);
    bdd_setvarnum(int(std::max<size_t>(variables, 1)));
}

BddSession::~BddSession() {
    bdd_done();
    running = false;
}

size_t BddSession::nodesInUse() {
    return size_t(bdd_getnodenum());
}

std::vector<std::pair<uint32_t, bool>> pathCube(const bdd& f) {
    std::vector<std::pair<uint32_t, bool>> cube;
    bdd node = bdd_satone(f);
    while (node != bddtrue && node != bddfalse) {
        bool high = bdd_low(node) == bddfalse;
        cube.emplace_back(uint32_t(bdd_var(node)), high);
        node = high ? bdd_high(node) : bdd_low(node);
    }
    return cube;
}

// A walk of the nodes rather than bdd_support, whose buffer BuDDy does not reset across
// bdd_done and bdd_init.
std::vector<uint32_t> supportOf(const bdd& f) {
    std::set<uint32_t> vars;
    std::unordered_set<int> seen;
    std::vector<bdd> stack{f};
    while (!stack.empty()) {
        bdd node = stack.back();
        stack.pop_back();
        if (node == bddtrue || node == bddfalse || !seen.insert(node.id()).second) {
            continue;
        }
        vars.insert(uint32_t(bdd_var(node)));
        stack.push_back(bdd_low(node));
        stack.push_back(bdd_high(node));
    }
    return {vars.begin(), vars.end()};
}

std::optional<double> probability(const bdd& f, const std::vector<std::optional<double>>& priors) {
    for (uint32_t v : supportOf(f)) {
        if (!priors[v]) {
            return std::nullopt;
        }
    }
    std::unordered_map<int, double> memo;
    auto walk = [&](auto& self, const bdd& node) -> double {
        if (node == bddtrue || node == bddfalse) {
            return node == bddtrue ? 1.0 : 0.0;
        }
        if (auto it = memo.find(node.id()); it != memo.end()) {
            return it->second;
        }
        double p = *priors[uint32_t(bdd_var(node))];
        double value = (1 - p) * self(self, bdd_low(node)) + p * self(self, bdd_high(node));
        memo.emplace(node.id(), value);
        return value;
    };
    return walk(walk, f);
}

} // namespace clue::diff
