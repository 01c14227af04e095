// The server's two threads: one reads messages as they come and queues them, the other handles
// them in order and lints documents when their quiet time has passed.
#include "lsp/server.h"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <memory>
#include <thread>

namespace clue::lsp {
namespace {

class Inbox {
public:
    void push(MessageReader::Message message) {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(message));
        ready_.notify_one();
    }
    void close(std::string failure) {
        std::lock_guard lock(mutex_);
        closed_ = true;
        failure_ = std::move(failure);
        ready_.notify_one();
    }

    // The next message, waiting until one comes, the stream closes, or `until` passes.
    std::optional<MessageReader::Message> pop(std::optional<Server::Clock::time_point> until) {
        std::unique_lock lock(mutex_);
        auto arrived = [&] {
            return !messages_.empty() || closed_;
        };
        if (until) {
            ready_.wait_until(lock, *until, arrived);
        } else {
            ready_.wait(lock, arrived);
        }
        if (messages_.empty()) {
            return std::nullopt;
        }
        MessageReader::Message message = std::move(messages_.front());
        messages_.pop_front();
        return message;
    }
    bool closedAndEmpty() {
        std::lock_guard lock(mutex_);
        return closed_ && messages_.empty();
    }
    std::string failure() {
        std::lock_guard lock(mutex_);
        return failure_;
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<MessageReader::Message> messages_;
    bool closed_ = false;
    std::string failure_;
};

} // namespace

int runLanguageServer(std::FILE* in, std::FILE* out, ServerOptions options) {
    MessageWriter writer(out);
    Server server(writer, std::move(options));
    auto inbox = std::make_shared<Inbox>();
    // Detached: at `exit` the process ends while this thread may still wait for input.
    std::thread([in, inbox] {
        MessageReader reader(in);
        while (std::optional<MessageReader::Message> message = reader.next()) {
            inbox->push(std::move(*message));
        }
        inbox->close(reader.failure());
    }).detach();
    while (!server.exited()) {
        std::optional<MessageReader::Message> message = inbox->pop(server.nextDue());
        if (message && message->json) {
            server.handle(*message->json);
        } else if (message) {
            writer.respondError(nullptr, ParseError, "the message is not JSON: " + message->error);
        } else if (inbox->closedAndEmpty()) {
            if (!inbox->failure().empty()) {
                std::cerr << "clue lsp: " << inbox->failure() << '\n';
            }
            return server.exitCode();
        }
        server.publishDue(Server::Clock::now());
    }
    return server.exitCode();
}

} // namespace clue::lsp
