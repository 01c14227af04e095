// Runs the shared validator on a JSONL file of documents.
#include "tests/sim/testing/schema_validator.h"

#include "tests/sim/testing/temp_dir.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

namespace clue::sim::testing {

std::optional<std::filesystem::path> openAiSchema() {
    const char* env = std::getenv("CLUE_SCHEMA_DIR");
    const std::filesystem::path dir = env != nullptr ? env : CLUE_DEFAULT_SCHEMA_DIR;
    const std::filesystem::path file = dir / "openai-chat-completions.schema.json";
    if (!std::filesystem::exists(file)) {
        return std::nullopt;
    }
    return file;
}

Validation validateDocuments(const std::filesystem::path& schema, const std::string& definition,
                             const std::vector<nlohmann::ordered_json>& documents) {
    TempDir dir;
    std::string lines;
    for (const nlohmann::ordered_json& doc : documents) {
        lines += doc.dump() + "\n";
    }
    const std::filesystem::path file = dir.write("documents.jsonl", lines);
    const std::string command = std::string("/usr/bin/python3 '") + CLUE_VALIDATE_JSON + "' '" +
                                schema.string() + "' --def " + definition + " '" + file.string() +
                                "' 2>&1";
    Validation result;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        result.output = "cannot run " + command;
        return result;
    }
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
        result.output += buffer.data();
    }
    const int status = pclose(pipe);
    result.valid = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return result;
}

} // namespace clue::sim::testing
