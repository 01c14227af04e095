// Where the loader reads source files from: the disk, a set of files in memory (tests and
// the fuzzer, which must never read the user's files), or an editor's unsaved buffers over
// the disk (the language server, `clue lint --fix` between rounds).
#pragma once

#include <map>
#include <string>

namespace clue {

class SourceReader {
public:
    enum class Status { Ok, NotFound, Unreadable };
    struct Result {
        Status status = Status::NotFound;
        std::string contents;
        std::string error; // why, when not Ok
    };

    virtual ~SourceReader() = default;
    virtual Result read(const std::string& path) const = 0;
    // Equal for two paths naming the same file.
    virtual std::string identity(const std::string& path) const = 0;
};

class DiskReader : public SourceReader {
public:
    Result read(const std::string& path) const override;
    std::string identity(const std::string& path) const override;
};

// Files by lexically normalized path; nothing else exists.
class MemoryReader : public SourceReader {
public:
    void add(const std::string& path, std::string contents);
    Result read(const std::string& path) const override;
    std::string identity(const std::string& path) const override;

private:
    std::map<std::string, std::string> files_;
};

// Texts held in memory that stand in for files of another reader (usually the disk): an
// editor's open documents, whether saved or not, and names that exist nowhere else (an
// untitled buffer). Paths are compared by the base reader's identity.
class OverlayReader : public SourceReader {
public:
    explicit OverlayReader(const SourceReader& base) : base_(base) {}

    void set(const std::string& path, std::string contents);
    void remove(const std::string& path);
    bool holds(const std::string& path) const { return files_.contains(identity(path)); }

    Result read(const std::string& path) const override;
    std::string identity(const std::string& path) const override { return base_.identity(path); }

private:
    const SourceReader& base_;
    std::map<std::string, std::string> files_; // by identity
};

} // namespace clue
