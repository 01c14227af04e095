// Expanding image inputs: files, folders, manifests.
#include "cli/image_inputs.h"

#include "common/file_io.h"
#include "runtime/image/image_manifest.h"

#include <algorithm>
#include <array>
#include <ostream>

namespace clue::cli {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

bool addFolder(const fs::path& folder, std::vector<fs::path>& images, std::ostream& errors) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
            if (it->is_directory(ec)) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (hasImageExtension(it->path()) && it->is_regular_file(ec)) {
            found.push_back(it->path().lexically_normal());
        }
    }
    if (ec) {
        errors << "clue: error: cannot list '" << folder.string() << "': " << ec.message() << '\n';
        return false;
    }
    std::sort(found.begin(), found.end());
    images.insert(images.end(), found.begin(), found.end());
    return true;
}

bool addManifest(const std::string& manifest, std::vector<fs::path>& images, std::ostream& errors) {
    std::string problem;
    auto text = readFile(manifest, problem);
    if (!text) {
        errors << "clue: error: cannot read manifest '" << manifest << "': " << problem << '\n';
        return false;
    }
    auto entries = runtime::parseManifest(*text);
    if (!entries) {
        errors << "clue: error: " << manifest << ":" << entries.error().line << ": "
               << entries.error().message << '\n';
        return false;
    }
    const fs::path base = fs::path(manifest).parent_path();
    for (const runtime::ManifestEntry& entry : entries.value()) {
        const fs::path path = entry.path;
        images.push_back(path.is_absolute() ? path : (base / path).lexically_normal());
    }
    return true;
}

} // namespace

bool hasImageExtension(const fs::path& path) {
    static constexpr std::array<std::string_view, 7> kExtensions = {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".jpe"};
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), extension) != kExtensions.end();
}

std::optional<std::vector<fs::path>> expandImageInputs(const std::vector<std::string>& arguments,
                                                       const std::optional<std::string>& manifest,
                                                       std::ostream& errors) {
    std::vector<fs::path> images;
    bool ok = true;
    for (const std::string& argument : arguments) {
        std::error_code ec;
        if (fs::is_directory(argument, ec)) {
            ok = addFolder(argument, images, errors) && ok;
        } else {
            images.emplace_back(argument);
        }
    }
    if (manifest) {
        ok = addManifest(*manifest, images, errors) && ok;
    }
    if (!ok) {
        return std::nullopt;
    }
    return images;
}

} // namespace clue::cli
