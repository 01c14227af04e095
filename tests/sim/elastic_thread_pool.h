// The HTTP server's task queue: one thread per connection being served, grown on demand up to a
// bound, so that thousands of concurrent requests can wait in the slot queue at once while an idle
// server keeps only a few threads.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clue::sim {

class ElasticThreadPool : public httplib::TaskQueue {
public:
    explicit ElasticThreadPool(std::size_t maxThreads) : maxThreads_(maxThreads) {}
    ~ElasticThreadPool() override;

    void enqueue(std::function<void()> task) override;
    // Runs what is queued, then joins every thread.
    void shutdown() override;

private:
    void work();

    const std::size_t maxThreads_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

} // namespace clue::sim
