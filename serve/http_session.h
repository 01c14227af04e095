// One client connection on Boost.Beast: reads a request's head, lets the API refuse it before the
// body is read (token, size, route, draining), reads the body within the route's limit, hands
// the request to the API and writes its one reply; then the next request on the connection, or
// the close. Reads and writes have timeouts, so a slow or silent client cannot hold a
// connection forever.
#pragma once

#include "serve/api.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <optional>

namespace clue::serve {

// What a session needs from the server that owns it.
class SessionHost {
public:
    virtual ~SessionHost() = default;
    virtual Api& api() = 0;
    virtual ServerMetrics& metrics() = 0;
    virtual const ServeOptions& options() const = 0;
    virtual bool draining() const = 0;
    virtual void requestStarted() = 0;
    virtual void requestEnded() = 0;
    // Takes `bytes` from the budget of request data held in memory; false when it has no room.
    virtual bool reserveBytes(std::size_t bytes) = 0;
    virtual void releaseBytes(std::size_t bytes) = 0;
    virtual void sessionClosed() = 0;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    // `overLimit`: the server has too many connections; the first request is answered 503 and
    // the connection closed.
    HttpSession(boost::asio::ip::tcp::socket socket, SessionHost& host, bool overLimit);
    ~HttpSession();

    void start();
    // Closes the connection if it waits for a request (draining); otherwise it closes after its
    // reply. Thread-safe.
    void closeIfIdle();

private:
    using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;
    using Clock = std::chrono::steady_clock;

    void readHead();
    void onHead(boost::beast::error_code ec);
    void continueWithBody(const HeadCheck& check);
    void onBody(boost::beast::error_code ec);
    void dispatch();
    void send(Reply reply);
    void onWritten(bool closeAfter, boost::beast::error_code ec);
    void linger();
    void close();
    void release();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<Parser> parser_;
    SessionHost& host_;
    bool overLimit_;
    bool idle_ = true;       // waiting for the head of a request
    bool inRequest_ = false; // counted in requests in flight
    bool closed_ = false;
    std::size_t reserved_ = 0; // of the host's memory budget, until the reply is written
    RouteMatch match_;
    Clock::time_point started_; // when the request's head (or body) was read
    // The reply being written; it must live until the write completes.
    std::shared_ptr<void> outgoing_;
    std::unique_ptr<std::array<char, 16 * 1024>> lingerBuffer_;
};

} // namespace clue::serve
