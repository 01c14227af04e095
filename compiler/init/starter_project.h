// `clue init [DIR]`: a new project a user can grow from. clue.yaml with the backend settings
// written out and commented, a starter constitution of two objective rules with tests (it
// checks, lints clean and passes `clue test`), and a README that says how to use them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clue {

struct StarterFile {
    std::string name; // relative to the project folder
    std::string contents;
};

// The files of a project whose constitution is called `name` (a name such as "policy"; the
// constitution is NAME.clue).
std::vector<StarterFile> starterProject(const std::string& name);

// A constitution name from a folder's name: lower case letters, digits, '-' and '_', starting
// with a letter; "policy" when nothing is left.
std::string starterName(const std::string& folder);

// Writes the project into `dir`, creating it if needed. Refuses, writing nothing, when one of
// the files exists already; nothing on failure, with `error` saying why. Returns the paths
// written.
std::optional<std::vector<std::string>>
writeStarterProject(const std::string& dir, const std::string& name, std::string& error);

} // namespace clue
