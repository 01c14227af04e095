// Output paths checked up front.
#include "cli/output_path.h"
#include "cli/user_messages.h"

#include "common/file_io.h"

#include <ostream>

namespace clue::cli {

bool outputWritable(const std::string& path, std::ostream& errors) {
    if (path == "-") {
        return true;
    }
    if (auto problem = outputPathProblem(path)) {
        printError(errors, "cannot write '" + path + "': " + *problem);
        return false;
    }
    return true;
}

} // namespace clue::cli
