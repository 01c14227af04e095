// Yes/No token distributions with tokenizer-like variants.
#include "tests/sim/token_distribution.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace clue::sim {
namespace {

constexpr double minProbability = 1e-12;

// Variants in falling share: the bare capitalised word dominates, as with most chat models.
constexpr std::array<const char*, 5> yesVariants = {"Yes", " Yes", "yes", " yes", "YES"};
constexpr std::array<const char*, 5> noVariants = {"No", " No", "no", " no", "NO"};
constexpr std::array<const char*, 12> otherTokens = {
    "The", "I", "Based", "There", "It", "This", "In", "**", "\n", "A", "Looking", "Unfortunately"};

// Shares of the variants: the first takes 0.80 to 0.95, the rest split what is left in halves.
std::array<double, 5> variantShares(double u) {
    std::array<double, 5> shares{};
    double left = 1.0;
    shares[0] = 0.80 + 0.15 * u;
    left -= shares[0];
    for (std::size_t i = 1; i + 1 < shares.size(); ++i) {
        shares[i] = left / 2;
        left -= shares[i];
    }
    shares.back() = left;
    return shares;
}

void addVariants(std::vector<TokenProbability>& out, const std::array<const char*, 5>& variants,
                 double mass, double u) {
    const std::array<double, 5> shares = variantShares(u);
    for (std::size_t i = 0; i < variants.size(); ++i) {
        out.push_back({variants[i], std::log(std::max(mass * shares[i], minProbability))});
    }
}

// The other tokens share `mass` geometrically, starting at a key-derived token.
void addOthers(std::vector<TokenProbability>& out, double mass, std::uint64_t rotation) {
    constexpr double ratio = 0.6;
    const double total = (1 - std::pow(ratio, otherTokens.size())) / (1 - ratio);
    for (std::size_t i = 0; i < otherTokens.size(); ++i) {
        const char* token = otherTokens[(i + rotation) % otherTokens.size()];
        out.push_back(
            {token, std::log(std::max(mass * std::pow(ratio, i) / total, minProbability))});
    }
}

} // namespace

std::vector<TokenProbability> yesNoDistribution(double yesProbability, const KeyedRandom& random,
                                                const std::string& key) {
    const double q = 0.97 + 0.025 * random.uniform({key, "yes-no-mass"});
    std::vector<TokenProbability> out;
    addVariants(out, yesVariants, q * yesProbability, random.uniform({key, "yes-split"}));
    addVariants(out, noVariants, q * (1 - yesProbability), random.uniform({key, "no-split"}));
    addOthers(out, 1 - q, random.bits({key, "others"}));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.logprob > b.logprob; });
    return out;
}

TokenProbability textToken(const std::string& token, const KeyedRandom& random,
                           const std::string& key) {
    return {token, -0.5 * random.uniform({key, token})};
}

} // namespace clue::sim
