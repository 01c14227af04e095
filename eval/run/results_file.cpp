// Reading results line by line and pairing them with labels.
#include "eval/run/results_file.h"

#include "common/file_io.h"
#include "common/sha256.h"
#include "runtime/judge/result_reader.h"

#include <fstream>
#include <map>

namespace clue::eval {
namespace {

namespace fs = std::filesystem;

std::string pathKey(const fs::path& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal().string();
}

struct ParsedLine {
    std::size_t line = 0;
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
    std::error_code ec;
    if (fs::file_size(file, ec) > maxBytes || ec) {
        return ResultsFailure{file.string() + ": " +
                                  (ec ? "cannot read the results: " + ec.message()
                                      : std::string("the results file is too large")),
                              {}};
    }
    std::ifstream in(file, std::ios::binary);
    ScoredResults out;
    std::vector<ParsedLine> lines;
    std::map<std::string, std::size_t> byPath;
    std::size_t number = 0;
    for (std::string text; std::getline(in, text);) {
        ++number;
        if (text.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        auto result = runtime::resultFromJson(nlohmann::json::parse(text, nullptr, false), plan);
        if (!result) {
            out.badLines.push_back({number, result.error()});
            continue;
        }
        const std::string key = pathKey(result->path);
        if (!byPath.emplace(key, lines.size()).second) {
            out.badLines.push_back({number, "image " + result->path.string() +
                                                " already has a result on line " +
                                                std::to_string(lines[byPath[key]].line)});
            continue;
        }
        lines.push_back({number, std::move(result.value()), false});
    }
    if (!out.badLines.empty() && badRows == BadRows::Fail) {
        return ResultsFailure{file.string() + ": " + std::to_string(out.badLines.size()) +
                                  " bad line(s)",
                              std::move(out.badLines)};
    }
    std::map<std::string, std::size_t> bySha;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].result.sha256.empty()) {
            bySha.emplace(lines[i].result.sha256, i);
        }
    }
    out.run.spec = VariantSpec{"clue", "verdicts from " + file.string(), {}, false};
    for (const LabeledImage& label : labels.images) {
        auto it = byPath.find(pathKey(label.path));
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
