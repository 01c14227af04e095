// clue-bench-oracle: the oracle minimum of MLLM answers per image for a plan on a simulator
// world (bench/README.md, "The judge"): for each image, the fewest predicate answers that prove
// its outcome, computed from the world's truth.
//
//   clue-bench-oracle PLAN WORLD.yaml [--verify N]
//
// Prints one JSON object: images, the mean over images of the minimal certificate deciding
// every rule (what `clue judge` reports) and of the one deciding only the verdict. --verify N
// checks the all-rules figure by brute force on the first N images whose figure is at most 6
// (larger ones take too long to enumerate).
#include "bench/judge/minimal_certificate.h"
#include "common/statement.h"
#include "plan/plan_loader.h"

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <map>
#include <string>

namespace {

using clue::plan::Plan;

std::vector<bool> truthOf(const Plan& plan, const YAML::Node& image) {
    std::map<std::string, bool> visible;
    if (image["true"]) {
        for (const auto& statement : image["true"]) {
            visible[clue::normalizeStatement(statement.as<std::string>())] = true;
        }
    }
    std::vector<bool> truth;
    for (const auto& predicate : plan.predicates) {
        truth.push_back(visible.count(clue::normalizeStatement(predicate.statement)) > 0);
    }
    return truth;
}

int run(const std::string& planPath, const std::string& worldPath, int verify) {
    const Plan plan = clue::plan::loadPlanFile(planPath);
    const YAML::Node world = YAML::LoadFile(worldPath);
    long images = 0;
    long verified = 0;
    long allRules = 0;
    long verdict = 0;
    for (const auto& image : world["images"]) {
        if (image["masked_of"]) {
            continue;
        }
        const std::vector<bool> truth = truthOf(plan, image);
        const int all = clue::bench::minimalAllRules(plan, truth);
        if (verified < verify && all <= 6) {
            if (clue::bench::bruteForceAllRules(plan, truth, all) != all) {
                std::cerr << "oracle: brute force disagrees on image " << images + 1 << '\n';
                return 1;
            }
            ++verified;
        }
        allRules += all;
        verdict += clue::bench::minimalVerdict(plan, truth);
        ++images;
    }
    const double n = images > 0 ? static_cast<double>(images) : 1.0;
    nlohmann::ordered_json out = {{"images", images},
                                  {"all_rules_per_image", static_cast<double>(allRules) / n},
                                  {"verdict_only_per_image", static_cast<double>(verdict) / n},
                                  {"verified_by_brute_force", verified}};
    std::cout << out.dump() << '\n';
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3 && !(argc == 5 && std::string(argv[3]) == "--verify")) {
        std::cerr << "usage: clue-bench-oracle PLAN WORLD.yaml [--verify N]\n";
        return 2;
    }
    try {
        return run(argv[1], argv[2], argc == 5 ? std::stoi(argv[4]) : 0);
    } catch (const std::exception& e) {
        std::cerr << "oracle: " << e.what() << '\n';
        return 2;
    }
}
