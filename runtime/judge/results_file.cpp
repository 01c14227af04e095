// Reading results line by line.
#include "runtime/judge/results_file.h"

#include "runtime/judge/result_reader.h"

#include <fstream>
#include <map>

namespace clue::runtime {

namespace fs = std::filesystem;

std::string resultPathKey(const fs::path& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal().string();
}

Expected<ResultsFile, std::string> readResultsFile(const fs::path& file, const plan::Plan& plan,
                                                   std::uintmax_t maxBytes) {
    std::error_code ec;
    if (fs::file_size(file, ec) > maxBytes || ec) {
        return file.string() + ": " +
               (ec ? "cannot read the results: " + ec.message()
                   : std::string("the results file is too large"));
    }
    std::ifstream in(file, std::ios::binary);
    ResultsFile out;
    std::map<std::string, std::size_t> byPath; // key -> line number
    std::size_t number = 0;
    for (std::string text; std::getline(in, text);) {
        ++number;
        if (text.find_first_not_of(" \t\r") == std::string::npos) {
            continue;
        }
        auto result = resultFromJson(nlohmann::json::parse(text, nullptr, false), plan);
        if (!result) {
            out.badLines.push_back({number, result.error()});
            continue;
        }
        const auto [it, fresh] = byPath.emplace(resultPathKey(result->path), number);
        if (!fresh) {
            out.badLines.push_back({number, "image " + result->path.string() +
                                                " already has a result on line " +
                                                std::to_string(it->second)});
            continue;
        }
        out.results.push_back({number, std::move(result.value())});
    }
    return out;
}

} // namespace clue::runtime
