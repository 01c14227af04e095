// libcurl easy and multi transfers with header capture.
#include "tests/sim/testing/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace clue::sim::testing {
namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

void ensureCurl() {
    static CurlGlobal global;
}

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<HttpResponse*>(out)->body.append(data, size * count);
    return size * count;
}

std::size_t appendHeader(char* data, std::size_t size, std::size_t count, void* out) {
    const std::string line(data, size * count);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        static_cast<HttpResponse*>(out)->headers[name] = value;
    }
    return size * count;
}

struct Transfer {
    CURL* handle = nullptr;
    curl_slist* headers = nullptr;
    HttpResponse response;
    std::string body;

    explicit Transfer(const HttpCall& call) : body(call.body) {
        ensureCurl();
        handle = curl_easy_init();
        if (handle == nullptr) {
            throw std::runtime_error("curl_easy_init failed");
        }
        curl_easy_setopt(handle, CURLOPT_URL, call.url.c_str());
        curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, call.timeoutMs);
        curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, appendBody);
        curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response);
        curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, appendHeader);
        curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response);
        for (const std::string& header : call.headers) {
            headers = curl_slist_append(headers, header.c_str());
        }
        curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
        if (call.method != "GET") {
            curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, call.method.c_str());
            curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.c_str());
            curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(body.size()));
        }
    }
    ~Transfer() {
        curl_slist_free_all(headers);
        curl_easy_cleanup(handle);
    }
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;

    void finish(CURLcode code) {
        response.curlCode = static_cast<int>(code);
        curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
        curl_easy_getinfo(handle, CURLINFO_TOTAL_TIME, &response.seconds);
    }
};

void runMulti(CURLM* multi) {
    int running = 0;
    do {
        curl_multi_perform(multi, &running);
        curl_multi_poll(multi, nullptr, 0, 100, nullptr);
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
            if (message->msg != CURLMSG_DONE) {
                continue;
            }
            Transfer* transfer = nullptr;
            curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &transfer);
            transfer->finish(message->data.result);
        }
    } while (running > 0);
}

HttpCall postJson(const std::string& url, const std::string& body, long timeoutMs) {
    return {"POST", url, body, {"Content-Type: application/json"}, timeoutMs};
}

} // namespace

HttpResponse httpSend(const HttpCall& call) {
    Transfer transfer(call);
    transfer.finish(curl_easy_perform(transfer.handle));
    return std::move(transfer.response);
}

HttpResponse httpGet(const std::string& url, long timeoutMs) {
    return httpSend({"GET", url, "", {}, timeoutMs});
}

HttpResponse httpPost(const std::string& url, const std::string& body, long timeoutMs) {
    return httpSend(postJson(url, body, timeoutMs));
}

std::vector<HttpResponse> httpSendAll(const std::vector<HttpCall>& calls) {
    CURLM* multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 0L);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 0L);
    std::vector<std::unique_ptr<Transfer>> transfers;
    for (const HttpCall& call : calls) {
        transfers.push_back(std::make_unique<Transfer>(call));
        curl_easy_setopt(transfers.back()->handle, CURLOPT_FORBID_REUSE, 1L);
        curl_easy_setopt(transfers.back()->handle, CURLOPT_PRIVATE, transfers.back().get());
        curl_multi_add_handle(multi, transfers.back()->handle);
    }
    runMulti(multi);
    std::vector<HttpResponse> out;
    for (auto& t : transfers) {
        curl_multi_remove_handle(multi, t->handle);
        out.push_back(std::move(t->response));
    }
    curl_multi_cleanup(multi);
    return out;
}

std::vector<HttpResponse> httpPostAll(const std::string& url,
                                      const std::vector<std::string>& bodies, long timeoutMs) {
    std::vector<HttpCall> calls;
    for (const std::string& body : bodies) {
        calls.push_back(postJson(url, body, timeoutMs));
    }
    return httpSendAll(calls);
}

} // namespace clue::sim::testing
