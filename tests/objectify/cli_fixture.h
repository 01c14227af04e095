// End-to-end objectify tests: a scratch folder, clue-sim started on a world written there, and
// the `clue` binary run in that folder against it.
#pragma once

#include "tests/golden/process_runner.h"
#include "tests/sim/testing/sim_process.h"
#include "tests/sim/testing/temp_dir.h"

#include <nlohmann/json.hpp>

#include <gmock/gmock.h>

#include <memory>
#include <string>
#include <vector>

namespace clue::objectify::testing {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

// The world of most end-to-end tests, in the source tree.
inline constexpr const char* kHarmWorld = "tests/objectify/worlds/harm.yaml";

class ObjectifyCli : public ::testing::Test {
protected:
    // Writes `worldYaml` to world.yaml and starts clue-sim on it (port 0).
    void startSim(const std::string& worldYaml);
    void stopSim() { sim_.reset(); }
    // The API base of the running simulator: http://127.0.0.1:PORT/v1.
    std::string endpoint() const;
    // The simulator's request counters (GET /sim/stats).
    nlohmann::json simStats() const;
    // How many objectify requests of `task` (rate, rewrite, extract) the simulator answered.
    int asked(const std::string& task) const;

    // Runs `clue ARGS...` in the scratch folder, with the stdlib and no color.
    clue::testing::ProcessResult clue(const std::vector<std::string>& args) const;
    // `clue objectify --endpoint E --model clue-sim ARGS...`.
    clue::testing::ProcessResult objectify(const std::vector<std::string>& args) const;

    std::filesystem::path write(const std::string& name, const std::string& text) const {
        return dir_.write(name, text);
    }
    std::filesystem::path path(const std::string& name) const { return dir_.path() / name; }
    std::string read(const std::string& name) const;
    bool exists(const std::string& name) const;

    static std::string sourceFile(const std::string& relative); // from the source tree

private:
    sim::testing::TempDir dir_;
    std::unique_ptr<sim::testing::SimProcess> sim_;
};

} // namespace clue::objectify::testing
