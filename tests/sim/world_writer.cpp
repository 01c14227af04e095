// YAML emission of worlds, for the corpus generator.
#include "tests/sim/world_writer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <vector>

namespace clue::sim {
namespace {

void flowList(YAML::Emitter& out, const char* key, const std::set<std::string>& items) {
    if (items.empty()) {
        return;
    }
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const std::string& item : items) {
        out << item;
    }
    out << YAML::EndSeq;
}

void emitBehaviour(YAML::Emitter& out, const StatementBehaviour& b) {
    out << YAML::Key << "prior" << YAML::Value << b.prior;
    out << YAML::Key << "noise" << YAML::Value << b.noise;
    out << YAML::Key << "evidence_true" << YAML::Value << b.evidenceTrue;
    out << YAML::Key << "evidence_false" << YAML::Value << b.evidenceFalse;
    out << YAML::Key << "hard" << YAML::Value << b.hard;
    out << YAML::Key << "region_bias" << YAML::Value << b.regionBias;
    if (!b.object.empty()) {
        out << YAML::Key << "object" << YAML::Value << b.object;
    }
    if (b.reasoningErrorRate) {
        out << YAML::Key << "reasoning_error_rate" << YAML::Value << *b.reasoningErrorRate;
    }
}

void emitHeader(YAML::Emitter& out, const World& w) {
    out << YAML::Key << "seed" << YAML::Value << w.seed;
    out << YAML::Key << "model" << YAML::Value << w.model;
    out << YAML::Key << "image_tokens" << YAML::Value << w.imageTokens;
    out << YAML::Key << "token_style" << YAML::Value << tokenStyleName(w.tokenStyle);
    out << YAML::Key << "latency" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "base_ms" << YAML::Value << w.latency.baseMs;
    out << YAML::Key << "per_token_ms" << YAML::Value << w.latency.perTokenMs;
    out << YAML::Key << "slots" << YAML::Value << w.latency.slots << YAML::EndMap;
    out << YAML::Key << "reasoning" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "error_rate" << YAML::Value << w.reasoning.errorRate;
    out << YAML::Key << "fenced_share" << YAML::Value << w.reasoning.fencedShare;
    out << YAML::Key << "prose_share" << YAML::Value << w.reasoning.proseShare << YAML::EndMap;
    out << YAML::Key << "perturbation" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "max_distance" << YAML::Value << w.perturbation.maxDistance;
    out << YAML::Key << "noise_per_distance" << YAML::Value << w.perturbation.noisePerDistance
        << YAML::EndMap;
    out << YAML::Key << "defaults" << YAML::Value << YAML::Flow << YAML::BeginMap;
    emitBehaviour(out, w.defaults);
    out << YAML::EndMap;
}

void emitStatements(YAML::Emitter& out, const World& w) {
    const std::map<std::string, StatementBehaviour> sorted(w.statements.begin(),
                                                           w.statements.end());
    out << YAML::Key << "statements" << YAML::Value << YAML::BeginSeq;
    for (const auto& [key, b] : sorted) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "statement" << YAML::Value << (b.statement.empty() ? key : b.statement);
        emitBehaviour(out, b);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitImage(YAML::Emitter& out, const ImageFacts& f) {
    out << YAML::BeginMap;
    out << YAML::Key << "sha256" << YAML::Value << f.sha256;
    if (!f.file.empty()) {
        out << YAML::Key << "file" << YAML::Value << f.file;
    }
    flowList(out, "true", f.trueStatements);
    flowList(out, "hard", f.hardStatements);
    flowList(out, "region", f.regionStatements);
    if (!f.maskedOf.empty()) {
        out << YAML::Key << "masked_of" << YAML::Value << f.maskedOf;
        out << YAML::Key << "object" << YAML::Value << f.maskedObject;
    }
    if (!f.relevance.empty()) {
        out << YAML::Key << "relevance" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const auto& [text, similarity] : f.relevance) {
            out << YAML::Key << text << YAML::Value << similarity;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

// Only when it is not the default, so that worlds without embeddings read as before.
void emitEmbeddings(YAML::Emitter& out, const World& w) {
    const EmbeddingBehaviour defaults;
    if (w.embeddings.model == defaults.model &&
        w.embeddings.defaultSimilarity == defaults.defaultSimilarity) {
        return;
    }
    out << YAML::Key << "embeddings" << YAML::Value << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "model" << YAML::Value << w.embeddings.model;
    out << YAML::Key << "default_similarity" << YAML::Value << w.embeddings.defaultSimilarity;
    out << YAML::EndMap;
}

// Images by file name when they have one (the generator's order), else by hash.
std::vector<const ImageFacts*> sortedImages(const World& w) {
    std::vector<const ImageFacts*> images;
    for (const auto& [sha, facts] : w.images) {
        images.push_back(&facts);
    }
    std::sort(images.begin(), images.end(), [](const ImageFacts* a, const ImageFacts* b) {
        return std::tie(a->file, a->sha256) < std::tie(b->file, b->sha256);
    });
    return images;
}

} // namespace

std::string worldToYaml(const World& world) {
    YAML::Emitter out;
    out.SetDoublePrecision(15); // 0.05, not 0.050000000000000003
    out << YAML::BeginMap;
    emitHeader(out, world);
    emitEmbeddings(out, world);
    emitStatements(out, world);
    out << YAML::Key << "images" << YAML::Value << YAML::BeginSeq;
    for (const ImageFacts* image : sortedImages(world)) {
        emitImage(out, *image);
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace clue::sim
