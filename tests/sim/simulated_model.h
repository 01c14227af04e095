// The simulated MLLM: answers a chat request from the world, deterministically.
#pragma once

#include "tests/sim/chat_request.h"
#include "tests/sim/completion.h"
#include "tests/sim/objectify_responder.h"
#include "tests/sim/reasoning_writer.h"
#include "tests/sim/score_model.h"

namespace clue::sim {

class SimulatedModel {
public:
    explicit SimulatedModel(World world);
    SimulatedModel(const SimulatedModel&) = delete;
    SimulatedModel& operator=(const SimulatedModel&) = delete;

    // Generates the answer to `request`, recognised as `prompt` (classifyPrompt). Thread-safe.
    Completion complete(const ChatRequest& request, const Prompt& prompt);

    // The image the request shows: known by its hash, a perturbed copy of a known image, or
    // unknown (SeenImage::facts null). Nothing for a request without an image.
    SeenImage see(const ChatRequest& request) const;
    // The image these bytes show, as above.
    SeenImage see(std::string_view bytes) const;

    const World& world() const { return world_; }
    const ScoreModel& scores() const { return scores_; }

private:
    void answerYesNo(double yesProbability, const std::string& key, const ChatRequest& request,
                     Completion& out) const;
    void answerText(const std::string& text, const std::string& key, const ChatRequest& request,
                    Completion& out) const;
    std::string textAnswer(const ChatRequest& request, const Prompt& prompt,
                           const SeenImage& image);
    int promptTokens(const ChatRequest& request) const;

    World world_; // first: the members below keep references to it
    ImageMatcher matcher_;
    ScoreModel scores_;
    ReasoningWriter reasoning_;
    ObjectifyResponder objectify_;
    KeyedRandom random_;
};

} // namespace clue::sim
