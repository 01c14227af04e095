// Variant settings: one JudgeSettings field each.
#include "eval/run/variant.h"

#include "common/assert.h"

#include <algorithm>

namespace clue::eval {
namespace {

struct AblationInfo {
    Ablation ablation;
    std::string_view name;
};

constexpr AblationInfo kAblations[] = {{Ablation::Debias, "debias"},
                                       {Ablation::Cascade, "cascade"},
                                       {Ablation::Calibration, "calibration"},
                                       {Ablation::Lazy, "lazy"}};

VariantSpec ablated(const runtime::JudgeSettings& base, Ablation ablation) {
    VariantSpec v{"", "", base, false};
    switch (ablation) {
    case Ablation::Debias:
        v.id = "no-debias";
        v.title = "without debiasing (P(Yes) > 0.5)";
        v.settings.debias = false;
        return v;
    case Ablation::Cascade:
        v.id = "no-cascade";
        v.title = "without the chain-of-thought cascade";
        v.settings.escalate = false;
        return v;
    case Ablation::Calibration:
        v.id = "prior-per-image";
        v.title = "prior measured per image, not calibrated";
        v.settings.priorPerImage = true;
        return v;
    case Ablation::Lazy:
        v.id = "eager";
        v.title = "every predicate asked, not lazy";
        v.settings.lazy = false;
        return v;
    }
    CLUE_UNREACHABLE();
}

} // namespace

runtime::Expected<std::vector<Ablation>, std::string> parseAblations(std::string_view list) {
    std::vector<Ablation> out;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        const auto* info = std::find_if(std::begin(kAblations), std::end(kAblations),
                                        [&](const AblationInfo& a) { return a.name == name; });
        if (info == std::end(kAblations)) {
            return "'" + std::string(name) +
                   "' is no ablation: expected debias, cascade, "
                   "calibration or lazy";
        }
        if (std::find(out.begin(), out.end(), info->ablation) != out.end()) {
            return "'" + std::string(name) + "' is given twice";
        }
        out.push_back(info->ablation);
    }
    return out;
}

std::vector<VariantSpec> variantsFor(const runtime::JudgeSettings& base,
                                     const std::vector<Ablation>& ablations, bool direct) {
    std::vector<VariantSpec> out{{"clue", "CLUE, as configured", base, false}};
    for (Ablation a : ablations) {
        out.push_back(ablated(base, a));
    }
    if (direct) {
        runtime::JudgeSettings plain = base;
        plain.debias = false;
        out.push_back({"direct", "direct: each rule's text as one yes/no question", plain, true});
    }
    return out;
}

} // namespace clue::eval
