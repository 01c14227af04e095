// A clue-sim world file, loaded, changed for one test (priors, hard shares, reasoning errors,
// faults) and saved: the world format is the simulator's (tests/sim/README.md).
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace clue::test {

class SimWorld {
public:
    static SimWorld load(const std::filesystem::path& path);
    void save(const std::filesystem::path& path) const;

    void setReasoningErrorRate(double rate);
    // Every call takes `baseMs`, with `slots` calls served at once.
    void setLatency(double baseMs, int slots);
    // Every statement's language prior.
    void setAllPriors(double prior);
    // No image is hard, and no statement draws hard images.
    void clearHard();
    // The share of images on which `statement` lands in the undecided band.
    void setHard(const std::string& statement, double share);
    // A fault rule: kind, and any of share, first, statement, request_kind, retry_after_s,
    // stall_ms (values as YAML scalars).
    void addFault(const std::map<std::string, std::string>& rule);

    double prior(const std::string& statement) const;
    std::vector<std::string> hardStatements(const std::string& sha256) const;

private:
    YAML::Node statement(const std::string& statement) const;

    YAML::Node root_;
};

} // namespace clue::test
