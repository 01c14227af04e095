// The runtime tests' HTTP server, on cpp-httplib.
#include "test_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace clue::test {

TestHttpServer::TestHttpServer(Handler handler) : handler_(std::move(handler)) {
    server_.new_task_queue = [] {
        return new httplib::ThreadPool(64);
    };
    server_.set_keep_alive_max_count(100000);
    server_.set_tcp_nodelay(true); // else Nagle and delayed ACKs add 40 ms per response
    auto serve = [this](const httplib::Request& request, httplib::Response& response) {
        handle(request, response);
    };
    server_.Post(".*", serve);
    server_.Get(".*", serve);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) {
        throw std::runtime_error("the test HTTP server could not bind 127.0.0.1");
    }
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    if (!waitFor([this] { return server_.is_running(); })) {
        throw std::runtime_error("the test HTTP server did not start");
    }
}

TestHttpServer::~TestHttpServer() {
    release();
    server_.stop();
    thread_.join();
}

std::string TestHttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int TestHttpServer::connectionCount() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(peers_.size());
}

std::vector<RecordedRequest> TestHttpServer::recorded() const {
    std::lock_guard lock(mutex_);
    return recorded_;
}

void TestHttpServer::waitForRelease(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    releaseSignal_.wait_for(lock, limit, [this] { return released_; });
}

void TestHttpServer::release() {
    {
        std::lock_guard lock(mutex_);
        released_ = true;
    }
    releaseSignal_.notify_all();
}

bool TestHttpServer::waitFor(const std::function<bool()>& predicate,
                             std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!predicate()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

void TestHttpServer::handle(const httplib::Request& request, httplib::Response& response) {
    const int now = ++concurrent_;
    int seen = maxConcurrent_.load();
    while (now > seen && !maxConcurrent_.compare_exchange_weak(seen, now)) {
    }
    int index = 0;
    {
        std::lock_guard lock(mutex_);
        // A new connection has a new client port, so distinct peers count connections.
        peers_.emplace(request.remote_addr, request.remote_port);
        index = static_cast<int>(recorded_.size());
        recorded_.push_back({request.path, request.body, request.get_header_value("Authorization"),
                             request.get_header_value("X-Seq"), std::chrono::steady_clock::now()});
    }
    ++requests_;
    handler_(request, response, index);
    --concurrent_;
}

int closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("could not reserve a local port");
    }
    ::close(fd); // never listened on: a connection attempt is refused
    return ntohs(address.sin_port);
}

} // namespace clue::test
