// Files of a generated corpus.
#include "tests/sim/corpus_writer.h"

#include "tests/sim/world_writer.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace clue::sim {
namespace {

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) {
        throw CorpusError("cannot write " + path.string());
    }
}

// One line of labels.jsonl: what an evaluation needs, and how the image was built.
std::string labelLine(const CorpusImage& image) {
    nlohmann::ordered_json line = {{"path", image.path},
                                   {"sha256", image.sha256},
                                   {"label", image.violated.empty() ? "safe" : "unsafe"},
                                   {"violated", image.violated},
                                   {"category", image.category.empty()
                                                    ? nlohmann::ordered_json(nullptr)
                                                    : nlohmann::ordered_json(image.category)},
                                   {"scenario", scenarioName(image.scenario)}};
    return line.dump() + "\n";
}

void prepareDirectory(const std::filesystem::path& outDir) {
    std::error_code error;
    if (std::filesystem::exists(outDir, error) && !std::filesystem::is_empty(outDir, error)) {
        throw CorpusError(outDir.string() + ": the output directory exists and is not empty");
    }
    std::filesystem::create_directories(outDir / "images", error);
    if (error) {
        throw CorpusError(outDir.string() + ": cannot create the directory: " + error.message());
    }
}

} // namespace

CorpusSummary writeCorpus(const ConstitutionModel& model, const CorpusOptions& options,
                          const std::filesystem::path& outDir) {
    prepareDirectory(outDir);
    const CorpusGenerator generator(model, options);
    std::vector<CorpusImage> images;
    std::string labels;
    CorpusSummary summary;
    for (int i = 1; i <= options.images; ++i) {
        CorpusImage image = generator.image(i);
        writeFile(outDir / image.path, image.png);
        labels += labelLine(image);
        summary.unsafe += image.violated.empty() ? 0 : 1;
        summary.borderline += image.scenario == Scenario::Borderline ? 1 : 0;
        image.png.clear(); // written; the world needs only the facts
        images.push_back(std::move(image));
    }
    summary.images = options.images;
    writeFile(outDir / "world.yaml", worldToYaml(generator.world(images)));
    writeFile(outDir / "labels.jsonl", labels);
    return summary;
}

} // namespace clue::sim
