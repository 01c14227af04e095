// Expanding image inputs: files, folders (walked one level at a time, so that a folder that
// cannot be listed is reported and its siblings still are), manifests.
#include "runtime/image/image_inputs.h"

#include "common/file_io.h"
#include "runtime/image/image_manifest.h"
#include "runtime/image/manifest_paths.h"

#include <algorithm>
#include <array>

namespace clue::runtime {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

ImageInput unlistable(const fs::path& folder, const std::error_code& ec) {
    return {folder, ImageError{ImageErrorKind::Unreadable, folder,
                               folder.string() + ": cannot list the folder: " + ec.message()}};
}

// Every entry with an image extension under `folder`, whatever it is (a FIFO or a broken
// symlink gets its record from the loader); real subfolders are walked, symlinked ones not.
void walkFolder(const fs::path& folder, std::vector<ImageInput>& found) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path path = it->path().lexically_normal();
        if (hidden(path)) {
            continue;
        }
        std::error_code kind;
        if (it->symlink_status(kind).type() == fs::file_type::directory) {
            walkFolder(path, found);
        } else if (hasImageExtension(path)) {
            found.emplace_back(path);
        }
    }
    if (ec) {
        found.push_back(unlistable(folder, ec));
    }
}

void addFolder(const fs::path& folder, std::vector<ImageInput>& images) {
    std::vector<ImageInput> found;
    walkFolder(folder, found);
    std::stable_sort(found.begin(), found.end(),
                     [](const ImageInput& a, const ImageInput& b) { return a.path < b.path; });
    images.insert(images.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
}

std::optional<std::string> addManifest(const std::string& manifest,
                                       const std::optional<fs::path>& root,
                                       std::vector<ImageInput>& images) {
    std::string problem;
    auto text = readFile(manifest, problem);
    if (!text) {
        return "cannot read manifest '" + manifest + "': " + problem;
    }
    auto entries = parseManifest(*text);
    if (!entries) {
        return manifest + ":" + std::to_string(entries.error().line) + ": " +
               entries.error().message;
    }
    ManifestPaths paths(fs::path(manifest).parent_path(), root);
    for (const ManifestEntry& entry : entries.value()) {
        images.push_back(paths.input(entry.path));
    }
    return std::nullopt;
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

Expected<std::vector<ImageInput>, std::string>
expandImageInputs(const std::vector<std::string>& arguments, const InputOptions& options) {
    if (options.manifestRoot) {
        std::error_code ec;
        if (!fs::is_directory(*options.manifestRoot, ec)) {
            return "--manifest-root '" + options.manifestRoot->string() + "' is not a folder";
        }
    }
    std::vector<ImageInput> images;
    for (const std::string& argument : arguments) {
        std::error_code ec;
        if (fs::is_directory(argument, ec)) {
            addFolder(argument, images);
        } else {
            images.emplace_back(argument);
        }
    }
    if (options.manifest) {
        if (auto error = addManifest(*options.manifest, options.manifestRoot, images)) {
            return *error;
        }
    }
    return images;
}

} // namespace clue::runtime
