// What the end-to-end tests of `clue judge` and `clue eval` share: running the `clue` binary
// with no settings from the environment, and the corpus they judge, which `clue-sim gen` writes
// for stdlib-rules/os-bench.clue, with its plan (`clue compile -O2`). The including target
// defines CLUE_BINARY and CLUE_OS_BENCH.
#pragma once

#include "tests/judge/subprocess.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace clue::test {

// Runs `clue ARGS...` in `cwd`, with CLUE_MODEL, CLUE_ENDPOINT and CLUE_API_KEY cleared.
ProcessResult runClue(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                      std::chrono::seconds limit = std::chrono::seconds(240));

struct OsBenchCorpus {
    std::filesystem::path plan;         // dir/plan.json, -O2, uncalibrated
    std::vector<nlohmann::json> labels; // dir/corpus/labels.jsonl, in image order
};

// Writes `images` images (seed 11) to dir/corpus and the plan to dir/plan.json. Throws
// std::runtime_error with the tools' output when either fails.
OsBenchCorpus generateOsBenchCorpus(const std::filesystem::path& dir, int images);

} // namespace clue::test
