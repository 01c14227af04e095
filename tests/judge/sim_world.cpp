// Editing simulator worlds with yaml-cpp.
#include "tests/judge/sim_world.h"

#include "common/statement.h"

#include <fstream>
#include <stdexcept>

namespace clue::test {

SimWorld SimWorld::load(const std::filesystem::path& path) {
    SimWorld world;
    world.root_ = YAML::LoadFile(path.string());
    return world;
}

void SimWorld::save(const std::filesystem::path& path) const {
    YAML::Emitter out;
    out << root_;
    std::ofstream(path) << out.c_str() << '\n';
}

void SimWorld::setReasoningErrorRate(double rate) {
    root_["reasoning"]["error_rate"] = rate;
    for (auto s : root_["statements"]) {
        s.remove("reasoning_error_rate");
    }
}

void SimWorld::setLatency(double baseMs, int slots) {
    root_["latency"]["base_ms"] = baseMs;
    root_["latency"]["per_token_ms"] = 0.0;
    root_["latency"]["slots"] = slots;
}

void SimWorld::setAllPriors(double prior) {
    root_["defaults"]["prior"] = prior;
    for (auto s : root_["statements"]) {
        s["prior"] = prior;
    }
}

void SimWorld::clearHard() {
    root_["defaults"]["hard"] = 0.0;
    for (auto s : root_["statements"]) {
        s["hard"] = 0.0;
    }
    for (auto image : root_["images"]) {
        image.remove("hard");
    }
}

YAML::Node SimWorld::statement(const std::string& text) const {
    for (auto s : root_["statements"]) {
        if (normalizeStatement(s["statement"].as<std::string>()) == normalizeStatement(text)) {
            return s;
        }
    }
    throw std::invalid_argument("the world has no statement '" + text + "'");
}

void SimWorld::setHard(const std::string& text, double share) {
    statement(text)["hard"] = share;
}

void SimWorld::addFault(const std::map<std::string, std::string>& rule) {
    YAML::Node fault;
    for (const auto& [key, value] : rule) {
        fault[key] = YAML::Load(value);
    }
    root_["faults"].push_back(fault);
}

double SimWorld::prior(const std::string& text) const {
    return statement(text)["prior"].as<double>();
}

std::vector<std::string> SimWorld::hardStatements(const std::string& sha256) const {
    for (const auto& image : root_["images"]) {
        if (image["sha256"].as<std::string>() == sha256 && image["hard"]) {
            return image["hard"].as<std::vector<std::string>>();
        }
    }
    return {};
}

} // namespace clue::test
