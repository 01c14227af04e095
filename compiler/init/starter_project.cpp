// The starter files, and writing them without overwriting anything.
#include "compiler/init/starter_project.h"

#include "common/file_io.h"

#include <cctype>
#include <filesystem>

namespace clue {
namespace {

namespace fs = std::filesystem;

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

constexpr const char* settings =
    R"(# The settings of this clue project. Every setting has a default: uncomment what you change.
# docs/runtime.md describes the backend section, docs/cli/lint.md the lint section.

# The model server that `clue objectify`, `clue calibrate` and `clue judge` ask: any
# OpenAI-compatible chat API that returns top log-probabilities (vLLM, SGLang, llama.cpp's
# server, Ollama). CLUE_ENDPOINT, CLUE_MODEL and CLUE_API_KEY in the environment take over.
# backend:
#   endpoint: http://127.0.0.1:8000/v1   # requests go to {endpoint}/chat/completions
#   model: OpenGVLab/InternVL2-8B        # the model the server serves
#   api_key_env: OPENAI_API_KEY          # the variable that holds the API key, never the key
#   top_logprobs: 20                     # 1..20
#   concurrency: 16                      # requests in flight
#   timeouts:
#     connect_s: 10
#     request_s: 120
#   retries:
#     max_attempts: 4

# Lint levels and options, per rule or category (docs/lint/README.md).
# lint:
#   rules:
#     style: warning
#     testing: error
)";

constexpr const char* constitution =
    R"(# NAME: a starter constitution. Each rule is a sentence for people and a `when` formula of
# yes/no visual statements for the model; the tests pin the logic down without any model.
# docs/language.md describes the language.
constitution "NAME"
    version "0.1"
    description "What this constitution keeps off the site."

import "std/common.clue"                 # person, animal, woman, two_people

predicate gun : "a gun is visible via this image"
    object "gun"
predicate gun_aimed : "the gun is pointed at a person"
    object "gun"
predicate wound : "an open wound is visible on a body"
    object "wound"
predicate bleeding : "blood is visible around the wound"
    object "blood"

category violence "Violence" {
    rule gun_threat
        "Should not depict a gun pointed at a person."
        severity high
        when person and gun and gun_aimed
        unless "the gun is a toy"

    rule open_wound
        "Should not depict people or animals with open, bleeding wounds."
        severity medium
        when (person or animal) and wound and bleeding
}

test "a gun pointed at a person is flagged" {
    given person, gun, gun_aimed, not "the gun is a toy"
    expect violates gun_threat
    expect unsafe
}

test "a holstered gun is fine" {
    given person, gun, not gun_aimed
    expect not violates gun_threat
}

test "a bleeding wound is flagged" {
    given animal, wound, bleeding
    expect violates open_wound
}

test "a bandaged wound is fine" {
    given person, wound, not bleeding
    expect not violates open_wound
}
)";

constexpr const char* readme = R"(# NAME

A constitution for judging images with clue: `NAME.clue` holds the
rules and their tests, `clue.yaml` the settings.

```sh
clue check NAME.clue                      # syntax, names, values, imports
clue lint NAME.clue                       # subjective wording, logic errors, untested rules
clue test NAME.clue                       # the test blocks, with no model
clue compile NAME.clue -o NAME.plan.json  # the judgment plan
```

To judge images, point `backend` in `clue.yaml` (or `CLUE_ENDPOINT` and `CLUE_MODEL`) at an
OpenAI-compatible server that returns top log-probabilities, then:

```sh
clue calibrate NAME.plan.json -o NAME.cal.json
clue judge NAME.cal.json images/ -o verdicts.jsonl
```

A rule written without `when` gets its precondition chain from `clue objectify NAME.clue`.
)";

} // namespace

std::string starterName(const std::string& folder) {
    std::string name;
    for (char c : folder) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_') {
            name += static_cast<char>(std::tolower(u));
        } else if (!name.empty() && name.back() != '-') {
            name += '-';
        }
    }
    while (!name.empty() && !std::isalpha(static_cast<unsigned char>(name.front()))) {
        name.erase(0, 1);
    }
    while (!name.empty() && name.back() == '-') {
        name.pop_back();
    }
    return name.empty() ? "policy" : name;
}

std::vector<StarterFile> starterProject(const std::string& name) {
    std::vector<StarterFile> files = {
        {"clue.yaml", settings}, {name + ".clue", constitution}, {"README.md", readme}};
    for (StarterFile& f : files) {
        replaceAll(f.contents, "NAME", name);
    }
    return files;
}

std::optional<std::vector<std::string>>
writeStarterProject(const std::string& dir, const std::string& name, std::string& error) {
    std::vector<StarterFile> files = starterProject(name);
    std::error_code ec;
    for (const StarterFile& f : files) {
        fs::path path = fs::path(dir) / f.name;
        if (fs::exists(path, ec) || fs::is_symlink(path, ec)) {
            error = "'" + path.string() + "' exists already; clue init overwrites nothing";
            return std::nullopt;
        }
    }
    fs::create_directories(dir, ec);
    if (ec) {
        error = "cannot create '" + dir + "': " + ec.message();
        return std::nullopt;
    }
    std::vector<std::string> written;
    for (const StarterFile& f : files) {
        std::string path = (fs::path(dir) / f.name).string();
        if (!writeFileAtomically(path, f.contents, error)) {
            error = "cannot write '" + path + "': " + error;
            return std::nullopt;
        }
        written.push_back(path);
    }
    return written;
}

} // namespace clue
