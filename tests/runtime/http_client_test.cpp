// Tests of the asynchronous HTTP client against a real local server.
#include "runtime/http/http_client.h"

#include "test_http_server.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <ctime>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using clue::runtime::HttpClient;
using clue::runtime::HttpClientOptions;
using clue::runtime::HttpErrorKind;
using clue::runtime::HttpRequest;
using clue::runtime::HttpResult;
using clue::test::TestHttpServer;

namespace {

HttpClientOptions fastRetries(int attempts) {
    HttpClientOptions options;
    options.retry.maxAttempts = attempts;
    options.retry.baseDelay = 1ms;
    options.retry.maxDelay = 5ms;
    options.connectTimeout = 2s;
    options.totalTimeout = 10s;
    return options;
}

HttpRequest post(const std::string& url, std::string body = "{}") {
    HttpRequest request;
    request.url = url;
    request.body = std::move(body);
    request.headers = {"Content-Type: application/json"};
    return request;
}

void answerOk(const httplib::Request&, httplib::Response& response, int) {
    response.set_content("{\"ok\":true}", "application/json");
}

} // namespace

TEST(HttpClient, PostsAndReturnsTheResponse) {
    TestHttpServer server([](const httplib::Request& request, httplib::Response& response, int) {
        response.set_content("echo:" + request.body, "text/plain");
    });
    HttpClient client(fastRetries(1));
    const HttpResult result = client.submit(post(server.url("/v1/x"), "hello")).get();
    ASSERT_TRUE(result.httpOk()) << result.errorText;
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body, "echo:hello");
    EXPECT_EQ(result.attempts, 1);
    EXPECT_EQ(result.bytesSent, 5);
    EXPECT_EQ(result.bytesReceived, 10);
    EXPECT_EQ(server.recorded().at(0).path, "/v1/x");
}

TEST(HttpClient, ReusesOneKeptAliveConnectionForSequentialRequests) {
    TestHttpServer server(answerOk);
    auto options = fastRetries(1);
    options.maxInFlight = 1;
    HttpClient client(options);
    int newConnections = 0;
    for (int i = 0; i < 20; ++i) {
        const HttpResult result = client.submit(post(server.url("/"))).get();
        ASSERT_TRUE(result.httpOk()) << result.errorText;
        newConnections += result.newConnections;
    }
    EXPECT_EQ(server.requestCount(), 20);
    EXPECT_EQ(server.connectionCount(), 1);
    EXPECT_EQ(newConnections, 1);
}

TEST(HttpClient, ConcurrentRequestsShareAtMostMaxInFlightConnections) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        std::this_thread::sleep_for(5ms);
        response.set_content("ok", "text/plain");
    });
    auto options = fastRetries(1);
    options.maxInFlight = 4;
    HttpClient client(options);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 60; ++i) {
        results.push_back(client.submit(post(server.url("/"))));
    }
    for (auto& result : results) {
        EXPECT_TRUE(result.get().httpOk());
    }
    EXPECT_EQ(server.requestCount(), 60);
    EXPECT_LE(server.connectionCount(), 4);
}

TEST(HttpClient, NeverHasMoreThanMaxInFlightRequestsAtTheServer) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        std::this_thread::sleep_for(150ms);
        response.set_content("ok", "text/plain");
    });
    auto options = fastRetries(1);
    options.maxInFlight = 3;
    HttpClient client(options);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 12; ++i) {
        results.push_back(client.submit(post(server.url("/"))));
    }
    for (auto& result : results) {
        EXPECT_TRUE(result.get().httpOk());
    }
    EXPECT_EQ(server.requestCount(), 12);
    EXPECT_EQ(server.maxConcurrency(), 3);
}

TEST(HttpClient, QueuedRequestsStartInSubmissionOrder) {
    TestHttpServer server(answerOk);
    auto options = fastRetries(1);
    options.maxInFlight = 1;
    HttpClient client(options);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 8; ++i) {
        auto request = post(server.url("/"));
        request.headers.push_back("X-Seq: " + std::to_string(i));
        results.push_back(client.submit(std::move(request)));
    }
    for (auto& result : results) {
        result.get();
    }
    const auto recorded = server.recorded();
    ASSERT_EQ(recorded.size(), 8u);
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(recorded[i].sequence, std::to_string(i));
    }
}

TEST(HttpClient, AStalledServerTimesOutEachAttempt) {
    TestHttpServer* stalled = nullptr;
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int) {
        stalled->waitForRelease();
        response.set_content("late", "text/plain");
    });
    stalled = &server;
    auto options = fastRetries(2);
    options.totalTimeout = 200ms;
    HttpClient client(options);
    const HttpResult result = client.submit(post(server.url("/"))).get();
    EXPECT_EQ(result.error, HttpErrorKind::Timeout);
    EXPECT_EQ(result.attempts, 2);
    EXPECT_NE(result.errorText.find("timed out"), std::string::npos) << result.errorText;
    EXPECT_EQ(server.requestCount(), 2);
    EXPECT_FALSE(result.httpOk());
}

namespace {

// A listening socket whose accept queue is full: the kernel drops further connection attempts,
// so they hang until the client's connect timeout. Closes everything when destroyed.
class FullBacklog {
public:
    FullBacklog() {
        listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address));
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
        ::listen(listener_, 0);
        port_ = ntohs(address.sin_port);
        for (int i = 0; i < 8; ++i) { // more than the queue holds
            const int filler = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(filler, reinterpret_cast<sockaddr*>(&address), sizeof(address));
            fillers_.push_back(filler);
        }
    }
    ~FullBacklog() {
        for (int fd : fillers_) {
            ::close(fd);
        }
        ::close(listener_);
    }
    int port() const { return port_; }

private:
    int listener_ = -1;
    int port_ = 0;
    std::vector<int> fillers_;
};

// Whether a connection attempt to `backlog` hangs rather than completing or failing at once.
// Kernels that reset on overflow (net.ipv4.tcp_abort_on_overflow) and user-space network stacks
// that accept beyond the backlog do not hang, so the connect timeout cannot be exercised there.
bool connectAttemptsHang(const FullBacklog& backlog) {
    const int probe = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(backlog.port()));
    bool hangs = false;
    if (::connect(probe, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 &&
        errno == EINPROGRESS) {
        pollfd entry{probe, POLLOUT, 0};
        hangs = ::poll(&entry, 1, 500) == 0;
    }
    ::close(probe);
    return hangs;
}

} // namespace

TEST(HttpClient, TheConnectTimeoutEndsAnAttemptThatCannotConnect) {
    FullBacklog unresponsive;
    if (!connectAttemptsHang(unresponsive)) {
        GTEST_SKIP() << "skipped: on this machine a connection to a full accept queue completes "
                        "or fails at once, so no connection attempt hangs until a timeout";
    }
    auto options = fastRetries(2);
    options.connectTimeout = 300ms;
    options.totalTimeout = 60s;
    HttpClient client(options);
    const HttpResult result =
        client.submit(post("http://127.0.0.1:" + std::to_string(unresponsive.port()) + "/")).get();
    EXPECT_EQ(result.error, HttpErrorKind::Timeout);
    EXPECT_EQ(result.attempts, 2);
    // curl says "Connection timed out" or "Connection timeout", in either case.
    EXPECT_NE(result.errorText.find("onnect"), std::string::npos) << result.errorText;
}

TEST(HttpClient, RetriesServerErrorsUntilOneSucceeds) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        response.status = index == 0 ? 500 : index == 1 ? 503 : 200;
        response.set_content(index < 2 ? "busy" : "done", "text/plain");
    });
    HttpClient client(fastRetries(4));
    const HttpResult result = client.submit(post(server.url("/"))).get();
    ASSERT_TRUE(result.httpOk()) << result.errorText;
    EXPECT_EQ(result.body, "done");
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(result.retryReasons, (std::vector<std::string>{"HTTP 500", "HTTP 503"}));
    EXPECT_EQ(result.retryDelays.size(), 2u);
}

// The sender gives up (a circuit breaker opened): no first attempt, and no retry after one.
TEST(HttpClient, AnAbandonIfHookEndsTheRequestBeforeItsNextAttempt) {
    TestHttpServer server(
        [](const httplib::Request&, httplib::Response& response, int) { response.status = 500; });
    HttpClient client(fastRetries(4));
    HttpRequest never = post(server.url("/"));
    never.abandonIf = [] {
        return true;
    };
    const HttpResult unsent = client.submit(std::move(never)).get();
    EXPECT_EQ(unsent.error, HttpErrorKind::Cancelled);
    EXPECT_EQ(unsent.attempts, 0);
    EXPECT_EQ(server.requestCount(), 0);

    HttpRequest once = post(server.url("/"));
    auto asked = std::make_shared<int>(0);
    once.abandonIf = [asked] {
        return ++*asked > 1;
    };
    const HttpResult retried = client.submit(std::move(once)).get();
    EXPECT_EQ(retried.error, HttpErrorKind::Cancelled);
    EXPECT_EQ(retried.attempts, 1);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(HttpClient, ClientErrorsAreNotRetried) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 400;
        response.set_content("{\"error\":{\"message\":\"bad\"}}", "application/json");
    });
    HttpClient client(fastRetries(4));
    const HttpResult result = client.submit(post(server.url("/"))).get();
    EXPECT_TRUE(result.transportOk());
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.attempts, 1);
    EXPECT_EQ(server.requestCount(), 1);
}

TEST(HttpClient, HonoursRetryAfterInSecondsOn429) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        if (index == 0) {
            response.status = 429;
            response.set_header("Retry-After", "1");
        }
        response.set_content("x", "text/plain");
    });
    HttpClient client(fastRetries(3)); // its own backoff would be a few milliseconds
    const HttpResult result = client.submit(post(server.url("/"))).get();
    ASSERT_TRUE(result.httpOk());
    ASSERT_EQ(result.retryDelays.size(), 1u);
    EXPECT_EQ(result.retryDelays[0], 1000ms);
    const auto recorded = server.recorded();
    ASSERT_EQ(recorded.size(), 2u);
    EXPECT_GE(recorded[1].arrivedAt - recorded[0].arrivedAt, 1000ms);
}

TEST(HttpClient, HonoursRetryAfterAsAnHttpDate) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        if (index == 0) {
            const std::time_t later = std::time(nullptr) + 2;
            char date[64];
            std::strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", std::gmtime(&later));
            response.status = 503;
            response.set_header("Retry-After", date);
        }
        response.set_content("x", "text/plain");
    });
    HttpClient client(fastRetries(3));
    const HttpResult result = client.submit(post(server.url("/"))).get();
    ASSERT_TRUE(result.httpOk());
    ASSERT_EQ(result.retryDelays.size(), 1u);
    // The date has one-second resolution: two seconds ahead is one to two seconds away.
    EXPECT_GE(result.retryDelays[0], 1000ms);
    EXPECT_LE(result.retryDelays[0], 2000ms);
}

TEST(HttpClient, CapsALongRetryAfter) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        if (index == 0) {
            response.status = 503;
            response.set_header("Retry-After", "3600");
        }
        response.set_content("x", "text/plain");
    });
    auto options = fastRetries(3);
    options.retry.retryAfterCap = 50ms;
    HttpClient client(options);
    const HttpResult result = client.submit(post(server.url("/"))).get();
    ASSERT_TRUE(result.httpOk());
    ASSERT_EQ(result.retryDelays.size(), 1u);
    EXPECT_EQ(result.retryDelays[0], 50ms);
}

TEST(HttpClient, GivesUpAfterTheLastAttempt) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 502;
        response.set_content("bad gateway", "text/plain");
    });
    HttpClient client(fastRetries(3));
    const HttpResult result = client.submit(post(server.url("/"))).get();
    EXPECT_TRUE(result.transportOk());
    EXPECT_FALSE(result.httpOk());
    EXPECT_EQ(result.status, 502);
    EXPECT_EQ(result.body, "bad gateway");
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(result.retryReasons.size(), 2u);
    EXPECT_EQ(server.requestCount(), 3);
}

TEST(HttpClient, ARefusedConnectionIsRetriedThenReported) {
    HttpClient client(fastRetries(3));
    const std::string url = "http://127.0.0.1:" + std::to_string(clue::test::closedPort()) + "/";
    const HttpResult result = client.submit(post(url)).get();
    EXPECT_EQ(result.error, HttpErrorKind::Connect);
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(result.status, 0);
    EXPECT_NE(result.errorText.find("connection failed"), std::string::npos) << result.errorText;
}

TEST(HttpClient, ATruncatedBodyIsATransferErrorAndIsRetried) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        // Promise 100 bytes, send 9, close the connection.
        response.set_content_provider(100, "application/json",
                                      [](size_t, size_t, httplib::DataSink& sink) {
                                          sink.write("{\"choice", 9);
                                          return false;
                                      });
    });
    HttpClient client(fastRetries(2));
    const HttpResult result = client.submit(post(server.url("/"))).get();
    EXPECT_EQ(result.error, HttpErrorKind::Transfer);
    EXPECT_EQ(result.attempts, 2);
    EXPECT_EQ(server.requestCount(), 2);
}

TEST(HttpClient, ARetryIfHookRetriesUnacceptableSuccessfulResponses) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int index) {
        response.set_content(index == 0 ? "{\"trunc" : "{\"ok\":1}", "application/json");
    });
    HttpClient client(fastRetries(3));
    auto request = post(server.url("/"));
    request.retryIf = [](long, std::string_view body) -> std::optional<std::string> {
        if (body.back() != '}') {
            return "truncated JSON";
        }
        return std::nullopt;
    };
    const HttpResult result = client.submit(std::move(request)).get();
    ASSERT_TRUE(result.httpOk());
    EXPECT_EQ(result.body, "{\"ok\":1}");
    EXPECT_EQ(result.retryReasons, std::vector<std::string>{"truncated JSON"});
}

TEST(HttpClient, AResponseOverTheSizeLimitFailsWithoutRetry) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.set_content(std::string(5000, 'x'), "text/plain");
    });
    auto options = fastRetries(3);
    options.maxResponseBytes = 1000;
    HttpClient client(options);
    const HttpResult result = client.submit(post(server.url("/"))).get();
    EXPECT_EQ(result.error, HttpErrorKind::TooLarge);
    EXPECT_EQ(result.attempts, 1);
}

// A request sets its own limit below the client's; the client's still caps it. A body sent in
// chunks (no Content-Length) is cut off as soon as it passes the limit.
TEST(HttpClient, ARequestSetsItsOwnLowerResponseLimit) {
    TestHttpServer server([](const httplib::Request& request, httplib::Response& response, int) {
        if (request.path == "/chunked") {
            response.set_chunked_content_provider(
                "text/plain", [](size_t, httplib::DataSink& sink) {
                    const std::string chunk(1000, 'x');
                    for (int i = 0; i < 50 && sink.is_writable(); ++i) {
                        sink.write(chunk.data(), chunk.size());
                    }
                    sink.done();
                    return true;
                });
            return;
        }
        response.set_content(std::string(5000, 'x'), "text/plain");
    });
    auto options = fastRetries(3);
    options.maxResponseBytes = 10000;
    HttpClient client(options);
    HttpRequest request = post(server.url("/"));
    request.maxResponseBytes = 4999;
    HttpResult result = client.submit(request).get();
    EXPECT_EQ(result.error, HttpErrorKind::TooLarge);
    EXPECT_EQ(result.errorText, "response too large: the body is over the limit of 4999 bytes");
    EXPECT_EQ(result.attempts, 1);
    request.maxResponseBytes = 5000;
    EXPECT_TRUE(client.submit(request).get().httpOk());
    request.url = server.url("/chunked");
    request.maxResponseBytes = 1u << 20; // capped by the client's 10000
    result = client.submit(request).get();
    EXPECT_EQ(result.error, HttpErrorKind::TooLarge);
    EXPECT_EQ(result.errorText, "response too large: the body is over the limit of 10000 bytes");
    EXPECT_LE(result.body.size(), 10000u);
}

TEST(HttpClient, AMalformedUrlIsAnInvalidRequest) {
    HttpClient client(fastRetries(3));
    const HttpResult result = client.submit(post("ftp://127.0.0.1/x")).get();
    EXPECT_EQ(result.error, HttpErrorKind::InvalidRequest);
    EXPECT_EQ(result.attempts, 1);
}

TEST(HttpClient, ShutdownCancelsRequestsInFlightQueuedAndLater) {
    TestHttpServer* stalled = nullptr;
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int) {
        stalled->waitForRelease();
        response.set_content("late", "text/plain");
    });
    stalled = &server;
    auto options = fastRetries(1);
    options.maxInFlight = 2;
    auto client = std::make_unique<HttpClient>(options);
    std::vector<std::future<HttpResult>> results;
    for (int i = 0; i < 5; ++i) {
        results.push_back(client->submit(post(server.url("/"))));
    }
    ASSERT_TRUE(TestHttpServer::waitFor([&] { return server.currentConcurrency() == 2; }));
    client->shutdown();
    for (auto& result : results) {
        const HttpResult done = result.get();
        EXPECT_EQ(done.error, HttpErrorKind::Cancelled);
        EXPECT_NE(done.errorText.find("shut down"), std::string::npos);
    }
    EXPECT_EQ(client->submit(post(server.url("/"))).get().error, HttpErrorKind::Cancelled);
    client.reset(); // destroying a shut-down client is fine
}

TEST(HttpClient, DestroyingTheClientCancelsWaitingRetries) {
    TestHttpServer server([](const httplib::Request&, httplib::Response& response, int) {
        response.status = 503;
        response.set_header("Retry-After", "60");
    });
    std::promise<HttpResult> outcome;
    {
        HttpClient client(fastRetries(5));
        client.submit(post(server.url("/")),
                      [&](HttpResult result) { outcome.set_value(std::move(result)); });
        ASSERT_TRUE(TestHttpServer::waitFor([&] { return server.requestCount() == 1; }));
    }
    const HttpResult result = outcome.get_future().get();
    EXPECT_EQ(result.error, HttpErrorKind::Cancelled);
    EXPECT_EQ(result.attempts, 1);
}

TEST(HttpClient, AcceptsSubmissionsFromManyThreadsAndFromCallbacks) {
    TestHttpServer server(answerOk);
    auto options = fastRetries(1);
    options.maxInFlight = 8;
    HttpClient client(options);
    std::atomic<int> succeeded{0};
    std::promise<void> followUpDone;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 25; ++i) {
                succeeded += client.submit(post(server.url("/"))).get().httpOk() ? 1 : 0;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    client.submit(post(server.url("/first")), [&](HttpResult) {
        client.submit(post(server.url("/second")), [&](HttpResult second) {
            EXPECT_TRUE(second.httpOk());
            followUpDone.set_value();
        });
    });
    EXPECT_EQ(followUpDone.get_future().wait_for(10s), std::future_status::ready);
    EXPECT_EQ(succeeded.load(), 200);
    EXPECT_EQ(server.requestCount(), 202);
}

// A CR or LF in the API key (or any header value, or the URL) would end the header line and
// inject headers of its own: such a request is refused before anything is sent.
TEST(HttpClient, ControlCharactersInHeadersAreRefusedBeforeSending) {
    TestHttpServer server(answerOk);
    HttpClient client(fastRetries(3));
    const std::string key = "sk-SECRET\r\nX-Injected: 1";
    auto request = post(server.url("/"));
    request.bearerToken = key;
    HttpResult result = client.submit(request).get();
    EXPECT_EQ(result.error, HttpErrorKind::InvalidRequest);
    EXPECT_EQ(result.errorText, "the API key holds a control character at byte 9; refused, "
                                "nothing was sent");
    EXPECT_EQ(result.attempts, 0);
    for (const char* header :
         {"X-Trace: a\nX-Injected: 1", "X-Trace: a\rb", "X-Trace: \x01", "X-Trace: a\x7f"}) {
        request = post(server.url("/"));
        request.headers.push_back(header);
        result = client.submit(request).get();
        EXPECT_EQ(result.error, HttpErrorKind::InvalidRequest) << header;
        EXPECT_NE(result.errorText.find("header 2 holds a control character"), std::string::npos)
            << result.errorText;
    }
    request = post(server.url("/v1\r\nX-Injected: 1"));
    EXPECT_EQ(client.submit(request).get().error, HttpErrorKind::InvalidRequest);
    EXPECT_EQ(server.requestCount(), 0);
    EXPECT_TRUE(client.submit(post(server.url("/"))).get().httpOk());
}

TEST(HttpClient, TheBearerKeyGoesOnlyIntoTheAuthorizationHeader) {
    const std::string key = "sk-test-SECRET-0123456789";
    TestHttpServer server([&](const httplib::Request&, httplib::Response& response, int index) {
        response.status = index == 0 ? 503 : 200;
        response.set_content("{}", "application/json");
    });
    std::mutex logMutex;
    std::string log;
    auto options = fastRetries(2);
    options.debugLog = [&](std::string_view line) {
        std::lock_guard lock(logMutex);
        log.append(line).append("\n");
    };
    HttpClient client(options);
    auto request = post(server.url("/v1/chat/completions"));
    request.bearerToken = key;
    ASSERT_TRUE(client.submit(std::move(request)).get().httpOk());
    EXPECT_EQ(server.recorded().at(0).authorization, "Bearer " + key);

    // An error text that would contain the key (here, in the URL) shows it redacted.
    auto refused =
        post("http://127.0.0.1:" + std::to_string(clue::test::closedPort()) + "/v1?key=" + key);
    refused.bearerToken = key;
    const HttpResult failed = client.submit(std::move(refused)).get();
    client.shutdown();
    EXPECT_EQ(failed.error, HttpErrorKind::Connect);
    EXPECT_EQ(failed.errorText.find(key), std::string::npos) << failed.errorText;
    for (const auto& reason : failed.retryReasons) {
        EXPECT_EQ(reason.find(key), std::string::npos) << reason;
    }
    std::lock_guard lock(logMutex);
    EXPECT_NE(log.find("> Authorization: [REDACTED]"), std::string::npos) << log;
    EXPECT_NE(log.find("retrying in"), std::string::npos) << log;
    EXPECT_EQ(log.find(key), std::string::npos) << log;
}
