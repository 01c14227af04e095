// Reading JSONL manifests line by line.
#include "runtime/image/image_manifest.h"

#include "common/json_input.h"

#include <optional>

namespace clue::runtime {
namespace {

constexpr const char* kExpected = "expected a JSON object with a non-empty string \"path\"";

// Why the line names no path, or nothing when it does (then in `path`).
std::optional<std::string> readLine(std::string_view line, std::string& path) {
    std::string problem;
    const auto entry = tryParseJsonInput(line, &problem);
    if (!entry) {
        return std::string(kExpected) + " (" + problem + ")";
    }
    const auto found = entry->is_object() ? entry->find("path") : entry->end();
    if (!entry->is_object() || found == entry->end() || !found->is_string() ||
        found->get_ref<const std::string&>().empty()) {
        return std::string(kExpected);
    }
    path = found->get<std::string>();
    if (path.size() > kMaxManifestPathBytes) {
        return "the \"path\" is " + std::to_string(path.size()) + " bytes long; at most " +
               std::to_string(kMaxManifestPathBytes) + " are allowed";
    }
    return std::nullopt;
}

bool blank(std::string_view line) {
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

} // namespace

Expected<std::vector<ManifestEntry>, ManifestError> parseManifest(std::string_view text) {
    std::vector<ManifestEntry> entries;
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        if (blank(line)) {
            continue;
        }
        std::string path;
        if (auto problem = readLine(line, path)) {
            return ManifestError{number, std::move(*problem)};
        }
        entries.push_back({number, std::move(path)});
    }
    return entries;
}

} // namespace clue::runtime
