// Summing Yes/No token variants into the CLUE score.
#include "runtime/backend/yes_no_score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clue::runtime {
namespace {

using namespace std::string_view_literals;

// Whitespace, and the tokenizers' visible space/newline markers (UTF-8 encoded).
constexpr std::string_view kMarkers[] = {"\u2581"sv, "\u0120"sv, "\u010a"sv};

bool stripOne(std::string_view& token, bool front) {
    if (token.empty()) {
        return false;
    }
    const char edge = front ? token.front() : token.back();
    if (edge == ' ' || edge == '\t' || edge == '\n' || edge == '\r' || edge == '\f' ||
        edge == '\v') {
        front ? token.remove_prefix(1) : token.remove_suffix(1);
        return true;
    }
    for (std::string_view marker : kMarkers) {
        if (front && token.starts_with(marker)) {
            token.remove_prefix(marker.size());
            return true;
        }
        if (!front && token.ends_with(marker)) {
            token.remove_suffix(marker.size());
            return true;
        }
    }
    return false;
}

bool equalsNoCase(std::string_view text, std::string_view lower) {
    return text.size() == lower.size() &&
           std::equal(text.begin(), text.end(), lower.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
}

std::vector<TokenLogprob> distinctCandidates(const FirstTokenLogprobs& logprobs) {
    std::vector<TokenLogprob> out;
    auto add = [&out](const TokenLogprob& entry) {
        const bool listed = std::any_of(out.begin(), out.end(), [&](const TokenLogprob& seen) {
            return seen.token == entry.token && seen.logprob == entry.logprob;
        });
        if (!listed) {
            out.push_back(entry);
        }
    };
    for (const auto& entry : logprobs.top) {
        add(entry);
    }
    const bool chosenListed =
        logprobs.chosen && std::any_of(out.begin(), out.end(), [&](const TokenLogprob& seen) {
            return seen.token == logprobs.chosen->token;
        });
    if (logprobs.chosen && !chosenListed) {
        add(*logprobs.chosen);
    }
    return out;
}

std::string describeTop(std::vector<TokenLogprob> candidates) {
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.logprob > b.logprob; });
    std::string out;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, candidates.size()); ++i) {
        char probability[32];
        std::snprintf(probability, sizeof(probability), "%.3g", std::exp(candidates[i].logprob));
        out += (i ? ", \"" : "\"") + candidates[i].token + "\" " + probability;
    }
    return out.empty() ? "no tokens were listed" : "the most likely: " + out;
}

BackendError noYesNo(const std::vector<TokenLogprob>& candidates, const std::string& why) {
    return {BackendErrorKind::NoYesNo, why + " (" + describeTop(candidates) + ")"};
}

} // namespace

YesNoToken classifyYesNoToken(std::string_view token) {
    while (stripOne(token, true)) {
    }
    while (stripOne(token, false)) {
    }
    if (equalsNoCase(token, "yes")) {
        return YesNoToken::Yes;
    }
    return equalsNoCase(token, "no") ? YesNoToken::No : YesNoToken::Other;
}

Expected<YesNoScore, BackendError> scoreYesNo(const FirstTokenLogprobs& logprobs) {
    const std::vector<TokenLogprob> candidates = distinctCandidates(logprobs);
    YesNoScore score;
    score.listedTokens = static_cast<int>(candidates.size());
    bool sawYes = false;
    bool sawNo = false;
    double listedMass = 0;
    for (const auto& entry : candidates) {
        const double p = std::exp(entry.logprob);
        listedMass += p;
        switch (classifyYesNoToken(entry.token)) {
        case YesNoToken::Yes:
            score.pYes += p;
            sawYes = true;
            break;
        case YesNoToken::No:
            score.pNo += p;
            sawNo = true;
            break;
        case YesNoToken::Other:
            break;
        }
    }
    if (!sawYes && !sawNo) {
        return noYesNo(candidates, "neither \"Yes\" nor \"No\" is among the first token's " +
                                       std::to_string(candidates.size()) + " listed tokens");
    }
    const double remaining = std::clamp(1.0 - listedMass, 0.0, 1.0);
    if (!sawYes || !sawNo) {
        score.approximate = true;
        (sawYes ? score.pNo : score.pYes) = remaining;
    }
    const double total = score.pYes + score.pNo;
    if (!(total > 0)) {
        return noYesNo(candidates, "\"Yes\" and \"No\" both have zero probability");
    }
    score.score = score.pYes / total;
    return score;
}

} // namespace clue::runtime
