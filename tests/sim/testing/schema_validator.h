// JSON Schema checks through tests/tools/validate_json.py (Debian's python3-jsonschema). The
// OpenAI schema lives outside the repository: $CLUE_SCHEMA_DIR, else ../shared/schemas.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clue::sim::testing {

// The OpenAI chat-completions schema file, or nothing when its directory is absent.
std::optional<std::filesystem::path> openAiSchema();

struct Validation {
    bool valid = false;
    std::string output; // the validator's messages
};

// Validates each document against `definition` of `schema`.
Validation validateDocuments(const std::filesystem::path& schema, const std::string& definition,
                             const std::vector<nlohmann::ordered_json>& documents);

} // namespace clue::sim::testing
