// Writes a generated corpus: images/NNNNN.png, world.yaml and labels.jsonl under one directory.
#pragma once

#include "tests/sim/corpus_generator.h"

#include <filesystem>
#include <stdexcept>

namespace clue::sim {

class CorpusError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CorpusSummary {
    int images = 0;
    int unsafe = 0;     // labelled unsafe
    int borderline = 0; // built as near misses (labelled safe)
};

// Refuses a directory that exists and is not empty, so that no file of the user's is
// overwritten. Throws CorpusError.
CorpusSummary writeCorpus(const ConstitutionModel& model, const CorpusOptions& options,
                          const std::filesystem::path& outDir);

} // namespace clue::sim
