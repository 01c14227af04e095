// The simulated world: images and what they show, the model's behaviour per statement, latency,
// faults and objectification scripts. Loaded from YAML (world_loader.h); format in README.md.
#pragma once

#include "tests/sim/fault_rule.h"
#include "tests/sim/image_facts.h"
#include "tests/sim/objectify_script.h"
#include "tests/sim/statement_behaviour.h"
#include "tests/sim/token_style.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace clue::sim {

struct LatencyModel {
    double baseMs = 0.0;     // per request
    double perTokenMs = 0.0; // per generated token
    int slots = 4;           // requests served at once; the rest wait in a FIFO queue
};

struct ReasoningBehaviour {
    double errorRate = 0.05;  // share of chain-of-thought conclusions that are wrong
    double fencedShare = 0.0; // share of summaries wrapped in ```json fences
    double proseShare = 0.0;  // share of summaries with prose before and after the JSON
};

// How the model answers about a copy of a known image that is not the same bytes (noise, JPEG,
// resizing): it sees what the known image shows, with weaker evidence and more noise.
struct PerturbationBehaviour {
    double maxDistance = 0.12;      // farther from every known image (fingerprints): unknown
    double noisePerDistance = 10.0; // extra score noise, in logit units, per unit of distance
};

// The embeddings model (a CLIP stand-in) that POST /v1/embeddings serves.
struct EmbeddingBehaviour {
    std::string model = "clue-sim-clip"; // the id embedding requests must name
    double defaultSimilarity = 0.15;     // of an image with a text its `relevance` does not list
};

struct World {
    std::uint64_t seed = 0;
    std::string model = "clue-sim";
    int imageTokens = 256; // prompt tokens counted per image
    TokenStyle tokenStyle = TokenStyle::Decoded;
    LatencyModel latency;
    ReasoningBehaviour reasoning;
    StatementBehaviour defaults; // for statements the world does not list
    std::unordered_map<std::string, StatementBehaviour> statements; // by normalized statement
    std::unordered_map<std::string, ImageFacts> images;             // by SHA-256
    std::vector<FaultRule> faults;
    std::vector<ObjectifyScript> objectify;
    PerturbationBehaviour perturbation;
    EmbeddingBehaviour embeddings;
    // The world file's folder: images' `file` paths are relative to it. Empty for a world read
    // from text, whose images are then matched by hash only.
    std::filesystem::path directory;

    const StatementBehaviour& behaviour(const std::string& normalizedStatement) const;
    const ImageFacts* image(const std::string& sha256) const;
};

} // namespace clue::sim
