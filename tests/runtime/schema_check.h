// Validates JSON documents against a definition of the shared JSON Schemas (the folder
// $CLUE_SCHEMA_DIR, else ../shared/schemas beside the repository), with
// tests/tools/validate_json.py.
#pragma once

#include <string>
#include <vector>

namespace clue::test {

struct SchemaValidation {
    bool ran = false;   // false: the check could not run; `output` says why (for GTEST_SKIP)
    bool valid = false; // every document validated
    std::string output; // the validator's report
};

// An empty `definition` validates against the whole schema.
SchemaValidation validateAgainstSharedSchema(const std::string& schemaFile,
                                             const std::string& definition,
                                             const std::vector<std::string>& documents);

} // namespace clue::test
