// The scratch folder, the simulator process and the `clue` runs of the end-to-end tests.
#include "tests/objectify/cli_fixture.h"

#include "common/file_io.h"
#include "tests/sim/testing/http_client.h"

#include <stdexcept>

namespace clue::objectify::testing {

void ObjectifyCli::startSim(const std::string& worldYaml) {
    sim_ = std::make_unique<sim::testing::SimProcess>(write("world.yaml", worldYaml).string());
}

std::string ObjectifyCli::endpoint() const {
    return sim_->url("/v1");
}

nlohmann::json ObjectifyCli::simStats() const {
    sim::testing::HttpResponse response = sim::testing::httpGet(sim_->url("/sim/stats"));
    if (response.status != 200) {
        throw std::runtime_error("GET /sim/stats failed");
    }
    return nlohmann::json::parse(response.body);
}

int ObjectifyCli::asked(const std::string& task) const {
    return simStats()["requests"]["objectify_" + task].get<int>();
}

clue::testing::ProcessResult ObjectifyCli::clue(const std::vector<std::string>& args) const {
    return clue::testing::runProcess(CLUE_BINARY, args, dir_.path().string(),
                                     {{"CLUE_STDLIB", CLUE_STDLIB_RULES},
                                      {"NO_COLOR", "1"},
                                      {"CLUE_ENDPOINT", ""},
                                      {"CLUE_MODEL", ""}},
                                     "", 60);
}

clue::testing::ProcessResult ObjectifyCli::objectify(const std::vector<std::string>& args) const {
    std::vector<std::string> all{"objectify", "--endpoint", endpoint(), "--model", "clue-sim"};
    all.insert(all.end(), args.begin(), args.end());
    return clue(all);
}

std::string ObjectifyCli::read(const std::string& name) const {
    std::string error;
    std::optional<std::string> text = readFile((dir_.path() / name).string(), error);
    if (!text) {
        throw std::runtime_error(error);
    }
    return *text;
}

bool ObjectifyCli::exists(const std::string& name) const {
    return std::filesystem::exists(dir_.path() / name);
}

std::string ObjectifyCli::sourceFile(const std::string& relative) {
    std::string error;
    std::optional<std::string> text =
        readFile(std::string(CLUE_SOURCE_DIR) + "/" + relative, error);
    if (!text) {
        throw std::runtime_error(error);
    }
    return *text;
}

} // namespace clue::objectify::testing
