// Reads source files as they were at a git revision, through the `git` command: `clue diff
// --git REV` loads the old constitution, its imports included, from there.
#pragma once

#include "compiler/sema/source_reader.h"

#include <string>

namespace clue {

class GitReader : public SourceReader {
public:
    // `revision` as git understands it (HEAD~1, a tag, a hash). Paths under `diskDir` (the
    // standard library, which is not part of the user's repository) are read from the disk.
    GitReader(std::string revision, std::string diskDir);

    // Runs `git -C DIR show REV:./NAME` for the path DIR/NAME. A path the revision does not
    // have is NotFound; any other failure of git is Unreadable, with git's message.
    Result read(const std::string& path) const override;
    std::string identity(const std::string& path) const override;

private:
    std::string revision_;
    std::string diskDir_;
    DiskReader disk_;
};

} // namespace clue
