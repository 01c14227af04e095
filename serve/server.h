// `clue serve`: a plan deployed as a judging service (docs/cli/serve.md). Owns the HTTP threads,
// the listener and its sessions, the plan store, the judging queue, metrics, the decision log,
// the model probe, and the signals: SIGHUP reloads the plan, SIGTERM or SIGINT drains (no new
// connections or requests, every admitted request answered, then exit), a second one stops at
// once.
#pragma once

#include "runtime/session/answer_stack.h"
#include "serve/serve_options.h"

#include <iosfwd>
#include <memory>

namespace clue::serve {

struct ServerState;

class Server {
public:
    // `answers` serves every plan this server loads. The first line on `out` is
    // "listening on HOST:PORT" (flushed), once the socket listens; the log goes to `log`.
    Server(ServeOptions options, std::unique_ptr<runtime::AnswerStack> answers, std::ostream& out,
           std::ostream& log);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Serves until drained. Returns 0 after a graceful stop, 1 when the drain limit cut work off
    // or a second signal stopped it, 2 when it could not start (the log says why).
    int run();

private:
    std::unique_ptr<ServerState> state_;
};

} // namespace clue::serve
