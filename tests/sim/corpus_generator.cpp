// Scenario sampling: background statements at base rates, then the scenario's rule made true
// (unsafe) or nearly true (borderline); resampled until the labels match the scenario.
#include "tests/sim/corpus_generator.h"

#include "common/sha256.h"
#include "common/statement.h"
#include "tests/sim/png_writer.h"
#include "tests/sim/truth_sampler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace clue::sim {
namespace {

constexpr int maxAttempts = 50;
constexpr double sharedBaseRate = 0.3; // statements several rules start from: "a person ..."
constexpr double otherBaseRate = 0.04;
constexpr double ruleTextNoise = 1.0; // a rule's full text is judged less surely than a statement
constexpr double noisyNoise = 2.5;

void collectStatements(const ConstitutionModel& model, const ast::Formula& f,
                       std::set<std::string>& out) {
    if (f.kind == ast::FormulaKind::Ref || f.kind == ast::FormulaKind::Inline) {
        out.insert(model.statementOf(f));
    }
    for (const auto& child : f.children) {
        collectStatements(model, *child, out);
    }
}

std::string imagePath(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "images/%05d.png", index);
    return name;
}

} // namespace

const char* scenarioName(Scenario scenario) {
    switch (scenario) {
    case Scenario::Borderline:
        return "borderline";
    case Scenario::Unsafe:
        return "unsafe";
    default:
        return "safe";
    }
}

CorpusGenerator::CorpusGenerator(const ConstitutionModel& model, const CorpusOptions& options)
    : model_(model), options_(options), random_(options.seed) {}

Scenario CorpusGenerator::scenarioOf(int index) const {
    if (model_.rules().empty()) {
        return Scenario::Safe;
    }
    const double u = random_.uniform({"scenario", std::to_string(index)});
    if (u < options_.unsafeShare) {
        return Scenario::Unsafe;
    }
    return u < options_.unsafeShare + options_.borderlineShare ? Scenario::Borderline
                                                               : Scenario::Safe;
}

Assignment CorpusGenerator::background(int index, int attempt) const {
    Assignment truth;
    for (const auto& [key, s] : model_.statements()) {
        const double rate = s.ruleCount >= 2 ? sharedBaseRate : otherBaseRate;
        if (random_.uniform({"background", std::to_string(index), std::to_string(attempt), key}) <
            rate) {
            truth.insert(key);
        }
    }
    return truth;
}

Assignment CorpusGenerator::sampleTruth(const CorpusImage& image, const ConstitutionRule& rule,
                                        int attempt) const {
    Assignment truth = background(image.index, attempt);
    TruthSampler sampler(model_, random_,
                         "truth|" + std::to_string(image.index) + "|" + std::to_string(attempt));
    if (image.scenario == Scenario::Unsafe) {
        sampler.makeTrue(*rule.when, truth);
        if (rule.unless) {
            sampler.makeFalse(*rule.unless, truth);
        }
    } else if (image.scenario == Scenario::Borderline) {
        sampler.makeNearMiss(*rule.when, truth);
    }
    return truth;
}

void CorpusGenerator::label(CorpusImage& image) const {
    image.violated.clear();
    image.category.clear();
    for (const ConstitutionRule& rule : model_.rules()) {
        if (model_.violated(rule, image.truth)) {
            if (image.violated.empty()) {
                image.category = rule.category;
            }
            image.violated.push_back(rule.id);
        }
    }
}

std::set<std::string> CorpusGenerator::hardPairs(const CorpusImage& image,
                                                 const ConstitutionRule* rule) const {
    std::set<std::string> candidates = image.truth;
    if (rule != nullptr) {
        collectStatements(model_, *rule->when, candidates);
    }
    std::set<std::string> hard;
    for (const std::string& s : candidates) {
        if (random_.uniform({"hard", std::to_string(image.index), s}) < options_.hardShare) {
            hard.insert(s);
        }
    }
    return hard;
}

CorpusImage CorpusGenerator::image(int index) const {
    CorpusImage image;
    image.index = index;
    image.path = imagePath(index);
    image.png = syntheticPng(options_.seed, static_cast<std::uint64_t>(index), options_.side);
    image.sha256 = sha256Hex(image.png);
    image.scenario = scenarioOf(index);
    const ConstitutionRule* rule = nullptr;
    if (image.scenario != Scenario::Safe) {
        const auto& rules = model_.rules();
        rule = &rules[random_.bits({"rule", std::to_string(index)}) % rules.size()];
        image.targetRule = rule->id;
    }
    for (int attempt = 0; attempt < maxAttempts; ++attempt) {
        image.truth = rule ? sampleTruth(image, *rule, attempt) : background(index, attempt);
        label(image);
        const bool fits = image.scenario == Scenario::Unsafe ? model_.violated(*rule, image.truth)
                                                             : image.violated.empty();
        if (fits) {
            break;
        }
    }
    image.hard = hardPairs(image, rule);
    return image;
}

// A prior from the predicate's `prior` option, else drawn: mostly weak, some strong (up to 0.8).
double CorpusGenerator::priorOf(const std::string& statement,
                                const ConstitutionStatement& s) const {
    if (s.prior) {
        return *s.prior;
    }
    const double u = random_.uniform({"prior", statement});
    return std::round((0.05 + 0.75 * u * u) * 100) / 100;
}

// The drawn prior, unless the statement is one of the strongly biased or the noisy ones.
StatementBehaviour CorpusGenerator::behaviourOf(const std::string& key, const std::string& text,
                                                std::optional<double> prior) const {
    StatementBehaviour b;
    b.statement = text;
    b.prior = priorOf(key, ConstitutionStatement{text, "", prior, 0});
    if (!prior && model_.statements().count(key) == 0) {
        return b; // a rule's text: its own noise, neither biased nor noisy
    }
    const double u = random_.uniform({"behaviour", key});
    if (u < options_.biasedShare) {
        const double v = random_.uniform({"biased-prior", key});
        b.prior = std::round((0.85 + 0.1 * v) * 100) / 100;
    } else if (u < options_.biasedShare + options_.noisyShare) {
        b.noise = noisyNoise;
    }
    return b;
}

void CorpusGenerator::addRuleStatements(World& w, const std::vector<CorpusImage>& images) const {
    std::map<std::string, std::string> ruleKeys; // rule id -> normalized text
    for (const ConstitutionRule& rule : model_.rules()) {
        const std::string key = normalizeStatement(rule.text);
        if (key.empty() || w.statements.count(key) > 0) {
            continue; // a rule text that is also a statement keeps the statement's behaviour
        }
        StatementBehaviour b = behaviourOf(key, rule.text, std::nullopt);
        b.noise = ruleTextNoise;
        w.statements[key] = b;
        ruleKeys[rule.id] = key;
    }
    for (const CorpusImage& image : images) {
        ImageFacts& facts = w.images[image.sha256];
        for (const std::string& id : image.violated) {
            if (auto it = ruleKeys.find(id); it != ruleKeys.end()) {
                facts.trueStatements.insert(it->second);
            }
        }
        if (auto it = ruleKeys.find(image.targetRule);
            it != ruleKeys.end() && image.scenario == Scenario::Borderline) {
            facts.hardStatements.insert(it->second);
        }
    }
}

World CorpusGenerator::world(const std::vector<CorpusImage>& images) const {
    World w;
    w.seed = options_.seed;
    w.latency.slots = 8;
    for (const auto& [key, s] : model_.statements()) {
        StatementBehaviour b = behaviourOf(key, s.text, s.prior);
        b.object = s.object;
        w.statements[key] = b;
    }
    for (const CorpusImage& image : images) {
        ImageFacts facts;
        facts.sha256 = image.sha256;
        facts.file = image.path;
        facts.trueStatements = image.truth;
        facts.hardStatements = image.hard;
        w.images[facts.sha256] = facts;
    }
    addRuleStatements(w, images);
    return w;
}

} // namespace clue::sim
