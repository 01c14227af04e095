// Directory expansion for FILES... arguments.
#include "cli/input_files.h"
#include "cli/user_messages.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace clue::cli {

namespace fs = std::filesystem;

namespace {

// Appends the *.clue files under `directory`; false (with a message) on an I/O error.
bool addDirectory(const std::string& directory, std::vector<std::string>& files,
                  std::ostream& errors) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(directory, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".clue" && it->is_regular_file(ec)) {
            found.push_back(it->path().lexically_normal().string());
        }
    }
    if (ec) {
        printError(errors, "cannot list '" + directory + "': " + ec.message());
        return false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
    return true;
}

} // namespace

std::optional<std::vector<std::string>> expandInputs(const std::vector<std::string>& arguments,
                                                     bool allowStdin, std::ostream& errors) {
    std::vector<std::string> files;
    bool ok = true;
    for (const std::string& argument : arguments) {
        std::error_code ec;
        if (argument == "-" && allowStdin) {
            files.push_back(argument);
        } else if (fs::is_directory(argument, ec)) {
            ok = addDirectory(argument, files, errors) && ok;
        } else if (fs::exists(argument, ec)) {
            files.push_back(argument);
        } else {
            printError(errors, "cannot find '" + argument + "': no such file or directory");
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return files;
}

} // namespace clue::cli
