// Each target keeps the value of each of its rules and how many are True and how many are not
// False, so that dropping a variable re-evaluates only the rules that mention it.
#include "compiler/diff/cube_minimizer.h"

#include <unordered_map>

namespace clue::diff {

using plan::Truth;

namespace {

class TargetState {
public:
    TargetState(const CubeTarget& target, const std::vector<Truth>& values) : target_(target) {
        for (size_t r : target.rules) {
            Truth t = target.side->evaluate(r, values);
            value_.emplace(r, t);
            count(t, +1);
        }
    }

    bool met() const { return target_.fires ? trueCount_ > 0 : notFalseCount_ == 0; }

    // Re-evaluates the target's rules that mention `var`; returns what to undo.
    std::vector<std::pair<size_t, Truth>> update(uint32_t var, const std::vector<Truth>& values) {
        std::vector<std::pair<size_t, Truth>> undo;
        for (size_t r : target_.side->rulesUsing(var)) {
            auto it = value_.find(r);
            if (it == value_.end()) {
                continue;
            }
            Truth now = target_.side->evaluate(r, values);
            if (now != it->second) {
                undo.emplace_back(r, it->second);
                set(it->second, now);
            }
        }
        return undo;
    }

    void revert(const std::vector<std::pair<size_t, Truth>>& undo) {
        for (const auto& [r, old] : undo) {
            set(value_[r], old);
        }
    }

private:
    void count(Truth t, int delta) {
        trueCount_ += t == Truth::True ? delta : 0;
        notFalseCount_ += t != Truth::False ? delta : 0;
    }
    void set(Truth& slot, Truth now) {
        count(slot, -1);
        slot = now;
        count(slot, +1);
    }

    const CubeTarget& target_;
    std::unordered_map<size_t, Truth> value_;
    long trueCount_ = 0, notFalseCount_ = 0;
};

} // namespace

bool meetsTargets(const std::vector<Truth>& values, const std::vector<CubeTarget>& targets) {
    for (const CubeTarget& t : targets) {
        if (!TargetState(t, values).met()) {
            return false;
        }
    }
    return true;
}

void minimizeCube(std::vector<Truth>& values, const std::vector<uint32_t>& order,
                  const std::vector<CubeTarget>& targets) {
    std::vector<TargetState> states;
    for (const CubeTarget& t : targets) {
        states.emplace_back(t, values);
    }
    for (uint32_t var : order) {
        if (values[var] == Truth::Unknown) {
            continue;
        }
        Truth saved = values[var];
        values[var] = Truth::Unknown;
        std::vector<std::vector<std::pair<size_t, Truth>>> undo;
        bool met = true;
        for (TargetState& s : states) {
            undo.push_back(s.update(var, values));
            met = met && s.met();
        }
        if (!met) {
            values[var] = saved;
            for (size_t i = 0; i < states.size(); ++i) {
                states[i].revert(undo[i]);
            }
        }
    }
}

} // namespace clue::diff
