// Reading a file's signature with stat(2).
#include "serve/file_signature.h"

#include <sys/stat.h>

namespace clue::serve {

std::optional<FileSignature> fileSignature(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return FileSignature{
        static_cast<unsigned long long>(info.st_ino), static_cast<long long>(info.st_size),
        static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec};
}

} // namespace clue::serve
