// A small libcurl client for the tests of servers (the simulator, `clue serve`): one request at a
// time, or many at once over separate connections (curl multi).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace clue::sim::testing {

struct HttpResponse {
    int curlCode = 0; // CURLcode; 0 when the transfer completed
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers; // lower-case names
    double seconds = 0;                         // total time of the transfer
};

// Any request: its method, URL, body (sent for every method but GET) and header lines.
struct HttpCall {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::vector<std::string> headers; // "Name: value"
    long timeoutMs = 10000;
};

HttpResponse httpSend(const HttpCall& call);
// Starts every call at once, each on a connection of its own; answers in the order of `calls`.
std::vector<HttpResponse> httpSendAll(const std::vector<HttpCall>& calls);

HttpResponse httpGet(const std::string& url, long timeoutMs = 10000);
HttpResponse httpPost(const std::string& url, const std::string& body, long timeoutMs = 10000);
// Starts every POST at once, each on a connection of its own; answers in the order of `bodies`.
std::vector<HttpResponse> httpPostAll(const std::string& url,
                                      const std::vector<std::string>& bodies,
                                      long timeoutMs = 120000);

} // namespace clue::sim::testing
