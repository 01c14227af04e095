// Reading a whole `clue judge` output file back (its JSONL), for the verbs that work on verdicts
// already made (`clue eval --results`, `clue diff --results`). Each line is checked against the
// plan by resultFromJson; a bad line is reported with its number, never trusted.
#pragma once

#include "plan/plan.h"
#include "runtime/judge/image_result.h"
#include "runtime/support/expected.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace clue::runtime {

struct ResultsLine {
    std::size_t line = 0; // 1-based
    ImageResult result;
};

struct ResultsProblem {
    std::size_t line = 0;
    std::string message;
};

struct ResultsFile {
    std::vector<ResultsLine> results; // in file order; blank lines skipped
    std::vector<ResultsProblem> badLines;
};

// The key that matches a result to an image: its path made absolute against the current folder
// (as `clue judge` was given it) and normalized.
std::string resultPathKey(const std::filesystem::path& path);

// A line whose image already has a result (same resultPathKey) is a bad line. The error: the
// file cannot be read, or is larger than `maxBytes`.
Expected<ResultsFile, std::string> readResultsFile(const std::filesystem::path& file,
                                                   const plan::Plan& plan,
                                                   std::uintmax_t maxBytes = 1u << 30);

} // namespace clue::runtime
