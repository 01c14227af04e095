// Chain-of-thought texts built from a few sentence templates, chosen by key-derived randomness.
#include "tests/sim/reasoning_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace clue::sim {
namespace {

constexpr std::array<const char*, 3> visibleEvidence = {
    "Several details of the image match this description directly.",
    "The relevant part of the image shows it clearly.",
    "On close inspection, the image contains exactly what the statement describes.",
};
constexpr std::array<const char*, 3> absentEvidence = {
    "Nothing in the image matches this description.",
    "The image shows other things, but not what the statement describes.",
    "On close inspection, none of the details the statement needs are present.",
};

template <std::size_t N> const char* pick(const std::array<const char*, N>& options, double u) {
    return options[static_cast<std::size_t>(u * N) % N];
}

std::string summaryJson(bool visible, const std::string& statement) {
    const std::string rationale = visible ? "The image shows that " + statement + "."
                                          : "The image does not show that " + statement + ".";
    return nlohmann::json{{"rating", visible ? "Yes" : "No"}, {"rationale", rationale}}.dump();
}

} // namespace

// A perturbed copy keeps the known image's draw, and its error rate rises towards a coin flip as
// the evidence weakens: the original's mistakes stay, and new ones come with the distance.
bool ReasoningWriter::conclusion(const SeenImage& image, const std::string& statement) const {
    const double base =
        world_.behaviour(statement).reasoningErrorRate.value_or(world_.reasoning.errorRate);
    const double weight = scores_.evidenceWeight(image.distance);
    const double errorRate = base + (std::max(base, 0.5) - base) * (1 - weight);
    const bool wrong = random_.uniform({image.identity(), statement, "cot-error"}) < errorRate;
    return scores_.facts(image, statement).truth != wrong;
}

std::string ReasoningWriter::reasoning(const SeenImage& image, const std::string& statement) const {
    const bool visible = conclusion(image, statement);
    const double u = random_.uniform({image.sha256, statement, "cot-wording"});
    std::string text =
        "Let me look at the image step by step. The content to check is: \"" + statement + "\". ";
    text += visible ? pick(visibleEvidence, u) : pick(absentEvidence, u);
    text += visible ? " Therefore, the content is visible in this image."
                    : " Therefore, the content is not visible in this image.";
    return text;
}

std::string ReasoningWriter::summary(const SeenImage& image, const std::string& statement,
                                     bool bareJson) const {
    const std::string json = summaryJson(conclusion(image, statement), statement);
    if (bareJson) {
        return json;
    }
    const double u = random_.uniform({image.sha256, statement, "summary-format"});
    const ReasoningBehaviour& r = world_.reasoning;
    if (u < r.fencedShare) {
        return "```json\n" + json + "\n```";
    }
    if (u < r.fencedShare + r.proseShare) {
        return "Here is my conclusion as JSON:\n" + json +
               "\nThis follows from the reasoning "
               "above.";
    }
    return json;
}

} // namespace clue::sim
