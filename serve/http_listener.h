// The listening socket: accepts connections and starts a session for each, each on a strand of
// its own. Past --max-connections a connection still gets a session, whose only reply is a 429.
#pragma once

#include "serve/http_session.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace clue::serve {

class HttpListener : public std::enable_shared_from_this<HttpListener> {
public:
    // `admit()` counts a new connection and says whether it is within the limit; `started`
    // receives each session.
    HttpListener(boost::asio::io_context& io, SessionHost& host, std::function<bool()> admit,
                 std::function<void(const std::shared_ptr<HttpSession>&)> started);

    // Binds and listens; an error message when it cannot.
    std::optional<std::string> open(const boost::asio::ip::tcp::endpoint& endpoint);
    boost::asio::ip::tcp::endpoint local() const { return acceptor_.local_endpoint(); }
    void start();
    // Stops accepting (thread-safe).
    void stop();

private:
    void accept();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_; // after an accept failure such as "too many open files"
    SessionHost& host_;
    std::function<bool()> admit_;
    std::function<void(const std::shared_ptr<HttpSession>&)> started_;
};

} // namespace clue::serve
