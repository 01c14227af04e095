// Dispatch of a recognised prompt to the score model, the reasoning writer or the objectification
// responder, and the token accounting of the answer.
#include "tests/sim/simulated_model.h"

#include "common/sha256.h"
#include "tests/sim/pseudo_tokenizer.h"

namespace clue::sim {
namespace {

constexpr int tokensPerMessage = 3; // role and separators, as chat templates add them
constexpr const char* otherAnswer =
    "This is clue-sim, a simulated model for tests: no scripted answer matches this prompt.";

} // namespace

SimulatedModel::SimulatedModel(World world)
    : world_(std::move(world)), matcher_(world_), scores_(world_), reasoning_(world_, scores_),
      objectify_(world_), random_(world_.seed) {}

int SimulatedModel::promptTokens(const ChatRequest& request) const {
    int count = tokensPerMessage; // the assistant turn's header
    for (const ChatMessage& message : request.messages) {
        count += tokensPerMessage;
        for (const ContentPart& part : message.parts) {
            count += part.isImage ? world_.imageTokens : countPseudoTokens(part.text);
        }
    }
    return count;
}

void SimulatedModel::answerYesNo(double yesProbability, const std::string& key,
                                 const ChatRequest& request, Completion& out) const {
    std::vector<TokenProbability> top = yesNoDistribution(yesProbability, random_, key);
    out.content = top.front().token; // greedy: temperature is not simulated
    for (TokenProbability& t : top) {
        t.token = spellToken(t.token, world_.tokenStyle);
    }
    out.tokens.push_back({top.front().token, top.front().logprob, std::move(top)});
    out.finishReason = request.maxTokens == 1 ? "length" : "stop";
}

void SimulatedModel::answerText(const std::string& text, const std::string& key,
                                const ChatRequest& request, Completion& out) const {
    std::vector<std::string> pieces = pseudoTokens(text);
    const std::size_t limit =
        request.maxTokens ? static_cast<std::size_t>(*request.maxTokens) : pieces.size();
    if (pieces.size() > limit) {
        pieces.resize(limit);
        out.finishReason = "length";
    }
    for (const std::string& piece : pieces) {
        out.content += piece;
        TokenProbability p = textToken(spellToken(piece, world_.tokenStyle), random_, key);
        out.tokens.push_back({piece, p.logprob, {p}});
    }
}

std::string SimulatedModel::textAnswer(const ChatRequest& request, const Prompt& prompt,
                                       const SeenImage& image) {
    switch (prompt.kind) {
    case RequestKind::Reasoning:
        return reasoning_.reasoning(image, prompt.statement);
    case RequestKind::Summary:
        return reasoning_.summary(image, prompt.statement, request.jsonResponse);
    case RequestKind::ObjectifyRate:
    case RequestKind::ObjectifyRewrite:
    case RequestKind::ObjectifyExtract:
        return objectify_.answer(prompt.kind, prompt.rule);
    default:
        return otherAnswer;
    }
}

SeenImage SimulatedModel::see(const ChatRequest& request) const {
    const std::string* bytes = request.firstImage();
    return bytes == nullptr ? SeenImage{} : matcher_.see(request.imageSha, *bytes);
}

SeenImage SimulatedModel::see(std::string_view bytes) const {
    return matcher_.see(sha256Hex(bytes), bytes);
}

Completion SimulatedModel::complete(const ChatRequest& request, const Prompt& prompt) {
    Completion out;
    out.prompt = prompt;
    out.promptTokens = promptTokens(request);
    const SeenImage image = see(request);
    out.withImage = request.hasImage();
    out.unknownImage = out.withImage && image.facts == nullptr;
    out.perturbedImage = image.perturbed();
    const std::string key =
        request.imageSha + "|" + prompt.statement + "|" + requestKindName(prompt.kind);
    if (prompt.kind == RequestKind::YesNo) {
        answerYesNo(scores_.yesProbability(image, prompt.statement), key, request, out);
    } else if (prompt.kind == RequestKind::Prior) {
        answerYesNo(scores_.prior(prompt.statement), key, request, out);
    } else {
        answerText(textAnswer(request, prompt, image), key, request, out);
    }
    return out;
}

} // namespace clue::sim
