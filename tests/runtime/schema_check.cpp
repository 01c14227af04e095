// Runs the shared JSON Schema validator over documents written to a temporary JSONL file.
#include "schema_check.h"

#include "temp_dir.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace clue::test {
namespace {

std::filesystem::path schemaDir() {
    if (const char* dir = std::getenv("CLUE_SCHEMA_DIR"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return std::filesystem::path(CLUE_SOURCE_DIR) / ".." / "shared" / "schemas";
}

std::pair<int, std::string> run(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (pipe == nullptr) {
        return {-1, "cannot run: " + command};
    }
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
        output += buffer.data();
    }
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

} // namespace

SchemaValidation validateAgainstSharedSchema(const std::string& schemaFile,
                                             const std::string& definition,
                                             const std::vector<std::string>& documents) {
    const auto schema = schemaDir() / schemaFile;
    if (!std::filesystem::exists(schema)) {
        return {false, false,
                "schema check skipped: " + schema.string() +
                    " is absent (set CLUE_SCHEMA_DIR to the folder of the shared schemas)"};
    }
    if (run("/usr/bin/python3 -c 'import jsonschema'").first != 0) {
        return {false, false,
                "schema check skipped: /usr/bin/python3 has no jsonschema module "
                "(Debian package python3-jsonschema)"};
    }
    TempDir dir;
    const auto file = dir / "documents.jsonl";
    {
        std::ofstream out(file);
        for (const auto& document : documents) {
            out << document << '\n';
        }
    }
    const std::string def = definition.empty() ? "" : " --def " + definition;
    const auto [status, output] =
        run("/usr/bin/python3 " CLUE_SOURCE_DIR "/tests/tools/validate_json.py '" +
            schema.string() + "'" + def + " '" + file.string() + "'");
    return {true, status == 0, output};
}

} // namespace clue::test
