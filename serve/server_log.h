// The server's log on standard error: one line per event, "TIME LEVEL message", written whole
// under a lock so that lines from different threads never interleave. Callers never pass a
// token, an API key or image bytes.
#pragma once

#include <mutex>
#include <ostream>
#include <string_view>

namespace clue::serve {

class ServerLog {
public:
    explicit ServerLog(std::ostream& out) : out_(out) {}

    void info(std::string_view message) { write("info", message); }
    void warning(std::string_view message) { write("warning", message); }
    void error(std::string_view message) { write("error", message); }

private:
    void write(std::string_view level, std::string_view message);

    std::mutex mutex_;
    std::ostream& out_;
};

} // namespace clue::serve
