// Process and pipe handling for the scripted client.
#include "tests/lsp/lsp_client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace clue::test {

using Clock = std::chrono::steady_clock;

LspClient::LspClient(const std::vector<std::string>& argv, const std::string& cwd) {
    int toServer[2], fromServer[2];
    if (::pipe2(toServer, O_CLOEXEC) != 0 || ::pipe2(fromServer, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    ::signal(SIGPIPE, SIG_IGN);
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(toServer[0], 0);
        ::dup2(fromServer[1], 1);
        if (::chdir(cwd.c_str()) != 0) {
            ::_exit(127);
        }
        std::vector<char*> args;
        for (const std::string& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(toServer[0]);
    ::close(fromServer[1]);
    in_ = toServer[1];
    out_ = fromServer[0];
}

LspClient::~LspClient() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (in_ >= 0) {
        ::close(in_);
    }
    if (out_ >= 0) {
        ::close(out_);
    }
}

std::string LspClient::fileUri(const std::string& path) {
    std::string uri = "file://";
    for (char c : path) {
        bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' ||
                     c == '_' || c == '.';
        uri += plain ? std::string(1, c)
                     : "%" + std::string(1, "0123456789ABCDEF"[(c >> 4) & 15]) +
                           std::string(1, "0123456789ABCDEF"[c & 15]);
    }
    return uri;
}

void LspClient::sendRaw(const std::string& bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(in_, bytes.data() + written, bytes.size() - written);
        if (n <= 0) {
            throw std::runtime_error("the server closed its input");
        }
        written += static_cast<size_t>(n);
    }
}

void LspClient::send(const json& message) {
    std::string body = message.dump();
    sendRaw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void LspClient::notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

LspClient::json LspClient::request(const std::string& method, json params) {
    int id = nextId_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    Clock::time_point deadline = Clock::now() + limit_;
    for (;;) {
        json message = readMessage(deadline);
        if (message.contains("id") && message["id"] == id && !message.contains("method")) {
            return message;
        }
        notifications_.push_back(std::move(message));
    }
}

LspClient::json LspClient::waitForMessage(const std::function<bool(const json&)>& accept) {
    for (auto it = notifications_.begin(); it != notifications_.end(); ++it) {
        if (accept(*it)) {
            json found = *it;
            notifications_.erase(it);
            return found;
        }
    }
    Clock::time_point deadline = Clock::now() + limit_;
    for (;;) {
        json message = readMessage(deadline);
        if (accept(message)) {
            return message;
        }
        notifications_.push_back(std::move(message));
    }
}

LspClient::json LspClient::waitFor(const std::string& method,
                                   const std::function<bool(const json&)>& accept) {
    return waitForMessage([&](const json& m) {
        return m.value("method", "") == method && accept(m["params"]);
    })["params"];
}

std::vector<LspClient::json> LspClient::collect(const std::string& method,
                                                std::chrono::milliseconds quiet) {
    for (;;) {
        try {
            notifications_.push_back(readMessage(Clock::now() + quiet));
        } catch (const std::runtime_error&) {
            break; // nothing more within `quiet`
        }
    }
    std::vector<json> out;
    for (auto it = notifications_.begin(); it != notifications_.end();) {
        if ((*it).value("method", "") == method) {
            out.push_back((*it)["params"]);
            it = notifications_.erase(it);
        } else {
            ++it;
        }
    }
    return out;
}

bool LspClient::fill(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
        return false;
    }
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) {
        return false;
    }
    char chunk[65536];
    ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n <= 0) {
        throw std::runtime_error("the server closed its output");
    }
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
}

LspClient::json LspClient::readMessage(Clock::time_point deadline) {
    for (;;) {
        size_t end = buffer_.find("\r\n\r\n");
        if (end != std::string::npos) {
            size_t at = buffer_.find("Content-Length: ");
            if (at == std::string::npos || at > end) {
                throw std::runtime_error("a message without Content-Length: " + buffer_);
            }
            size_t length = std::stoul(buffer_.substr(at + 16, end - at - 16));
            if (buffer_.size() >= end + 4 + length) {
                json message = json::parse(buffer_.substr(end + 4, length));
                buffer_.erase(0, end + 4 + length);
                return message;
            }
        }
        if (!fill(deadline)) {
            throw std::runtime_error("no message from the server in time");
        }
    }
}

int LspClient::finish() {
    ::close(in_);
    in_ = -1;
    Clock::time_point deadline = Clock::now() + limit_;
    int status = 0;
    while (Clock::now() < deadline) {
        pid_t done = ::waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            pid_ = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

} // namespace clue::test
