// Disk, in-memory and overlay source readers.
#include "compiler/sema/source_reader.h"

#include "common/file_io.h"

#include <filesystem>

namespace clue {

namespace fs = std::filesystem;

SourceReader::Result DiskReader::read(const std::string& path) const {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return {Status::NotFound, "", "no such file"};
    }
    std::string error;
    std::optional<std::string> contents = readFile(path, error);
    if (!contents) {
        return {Status::Unreadable, "", error};
    }
    return {Status::Ok, std::move(*contents), ""};
}

std::string DiskReader::identity(const std::string& path) const {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (ec) {
        canonical = fs::absolute(path, ec).lexically_normal();
    }
    return canonical.string();
}

void MemoryReader::add(const std::string& path, std::string contents) {
    files_[identity(path)] = std::move(contents);
}

SourceReader::Result MemoryReader::read(const std::string& path) const {
    auto it = files_.find(identity(path));
    if (it == files_.end()) {
        return {Status::NotFound, "", "no such file"};
    }
    return {Status::Ok, it->second, ""};
}

std::string MemoryReader::identity(const std::string& path) const {
    return fs::path(path).lexically_normal().string();
}

void OverlayReader::set(const std::string& path, std::string contents) {
    files_[identity(path)] = std::move(contents);
}

void OverlayReader::remove(const std::string& path) {
    files_.erase(identity(path));
}

SourceReader::Result OverlayReader::read(const std::string& path) const {
    auto it = files_.find(identity(path));
    if (it == files_.end()) {
        return base_.read(path);
    }
    return {Status::Ok, it->second, ""};
}

} // namespace clue
