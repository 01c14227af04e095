// A real HTTP server for runtime tests: 127.0.0.1 on an ephemeral port, in its own threads, with
// counters the tests assert on (connections, concurrency, request bodies and headers).
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace clue::test {

struct RecordedRequest {
    std::string path;
    std::string body;
    std::string authorization;
    std::string sequence; // the X-Seq header, when a test sends one
    std::chrono::steady_clock::time_point arrivedAt;
};

class TestHttpServer {
public:
    // Answers one request; `index` counts requests from 0 in arrival order.
    using Handler = std::function<void(const httplib::Request&, httplib::Response&, int index)>;

    explicit TestHttpServer(Handler handler);
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path = "") const;

    int requestCount() const { return requests_.load(); }
    int connectionCount() const;
    int maxConcurrency() const { return maxConcurrent_.load(); }
    int currentConcurrency() const { return concurrent_.load(); }
    std::vector<RecordedRequest> recorded() const;

    // For handlers that stall: blocks until release() or the server stops, at most `limit`.
    void waitForRelease(std::chrono::milliseconds limit = std::chrono::seconds(30));
    void release();

    // Waits until `predicate` holds or `limit` passes; returns whether it held.
    static bool waitFor(const std::function<bool()>& predicate,
                        std::chrono::milliseconds limit = std::chrono::seconds(10));

private:
    void handle(const httplib::Request& request, httplib::Response& response);

    httplib::Server server_;
    Handler handler_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> requests_{0};
    std::atomic<int> concurrent_{0};
    std::atomic<int> maxConcurrent_{0};
    mutable std::mutex mutex_;
    std::set<std::pair<std::string, int>> peers_;
    std::vector<RecordedRequest> recorded_;
    std::condition_variable releaseSignal_;
    bool released_ = false;
};

// A TCP port on 127.0.0.1 with nothing listening: connecting to it is refused.
int closedPort();

} // namespace clue::test
