// Reading results line by line and pairing them with labels.
#include "eval/run/results_file.h"

#include "common/file_io.h"
#include "common/sha256.h"
#include "runtime/judge/results_file.h"

#include <map>

namespace clue::eval {
namespace {

namespace fs = std::filesystem;

struct ParsedLine {
    runtime::ImageResult result;
    bool used = false;
};

std::string fileSha(const fs::path& path) {
    std::string error;
    auto bytes = readFile(path.string(), error);
    return bytes ? sha256Hex(*bytes) : "";
}

} // namespace

runtime::Expected<ScoredResults, ResultsFailure>
scoreResults(const fs::path& file, const LabelSet& labels, const plan::Plan& plan, BadRows badRows,
             std::uintmax_t maxBytes) {
    auto read = runtime::readResultsFile(file, plan, maxBytes);
    if (!read) {
        return ResultsFailure{read.error(), {}};
    }
    ScoredResults out;
    for (const runtime::ResultsProblem& bad : read->badLines) {
        out.badLines.push_back({bad.line, bad.message});
    }
    if (!out.badLines.empty() && badRows == BadRows::Fail) {
        return ResultsFailure{file.string() + ": " + std::to_string(out.badLines.size()) +
                                  " bad line(s)",
                              std::move(out.badLines)};
    }
    std::vector<ParsedLine> lines;
    std::map<std::string, std::size_t> byPath;
    for (runtime::ResultsLine& line : read->results) {
        byPath.emplace(runtime::resultPathKey(line.result.path), lines.size());
        lines.push_back({std::move(line.result), false});
    }
    std::map<std::string, std::size_t> bySha;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].result.sha256.empty()) {
            bySha.emplace(lines[i].result.sha256, i);
        }
    }
    out.run.spec = VariantSpec{"clue", "verdicts from " + file.string(), {}, false};
    for (const LabeledImage& label : labels.images) {
        auto it = byPath.find(runtime::resultPathKey(label.path));
        std::optional<std::size_t> match;
        if (it != byPath.end()) {
            match = it->second;
        } else if (!bySha.empty()) {
            if (auto sha = bySha.find(fileSha(label.path)); sha != bySha.end()) {
                match = sha->second;
            }
        }
        if (match && !lines[*match].used) {
            lines[*match].used = true;
            out.run.outcomes.push_back(outcomeOf(lines[*match].result, plan));
        } else {
            out.run.outcomes.push_back(
                missingOutcome("no result for this image in " + file.string()));
        }
    }
    for (const ParsedLine& line : lines) {
        out.unlisted += line.used ? 0 : 1;
    }
    return out;
}

} // namespace clue::eval
