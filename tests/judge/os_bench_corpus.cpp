// The generated corpus and the `clue` runner of the end-to-end tests.
#include "tests/judge/os_bench_corpus.h"

#include "tests/sim/testing/sim_process.h"

#include <fstream>
#include <stdexcept>

namespace clue::test {

ProcessResult runClue(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                      std::chrono::seconds limit) {
    std::vector<std::string> argv = {CLUE_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.cwd = cwd;
    options.env = {{"CLUE_MODEL", ""}, {"CLUE_ENDPOINT", ""}, {"CLUE_API_KEY", ""}};
    options.limit = limit;
    return runProcess(argv, options);
}

OsBenchCorpus generateOsBenchCorpus(const std::filesystem::path& dir, int images) {
    std::string output;
    if (sim::testing::runSim({"gen", "--constitution", CLUE_OS_BENCH, "--images",
                              std::to_string(images), "--seed", "11", "--out",
                              (dir / "corpus").string()},
                             output) != 0) {
        throw std::runtime_error("clue-sim gen failed: " + output);
    }
    OsBenchCorpus corpus;
    std::ifstream labels(dir / "corpus" / "labels.jsonl");
    for (std::string line; std::getline(labels, line);) {
        corpus.labels.push_back(nlohmann::json::parse(line));
    }
    const auto compiled = runClue({"compile", CLUE_OS_BENCH, "-O2", "-o", "plan.json"}, dir);
    if (compiled.exitCode != 0) {
        throw std::runtime_error("clue compile failed: " + compiled.err);
    }
    corpus.plan = dir / "plan.json";
    return corpus;
}

} // namespace clue::test
