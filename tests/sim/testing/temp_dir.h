// A unique temporary directory for one test, removed with everything in it at the end.
#pragma once

#include <filesystem>
#include <string>

namespace clue::sim::testing {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Writes `content` to `name` inside the directory and returns the file's path.
    std::filesystem::path write(const std::string& name, const std::string& content) const;

private:
    std::filesystem::path path_;
};

} // namespace clue::sim::testing
