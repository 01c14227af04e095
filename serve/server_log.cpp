// Timestamped log lines.
#include "serve/server_log.h"

#include "serve/utc_time.h"

namespace clue::serve {

void ServerLog::write(std::string_view level, std::string_view message) {
    std::string line = utcTimestamp(std::chrono::system_clock::now());
    line += ' ';
    line += level;
    line += ' ';
    for (char c : message) { // one event, one line
        line += (c == '\n' || c == '\r') ? ' ' : c;
    }
    line += '\n';
    std::lock_guard lock(mutex_);
    out_ << line << std::flush;
}

} // namespace clue::serve
