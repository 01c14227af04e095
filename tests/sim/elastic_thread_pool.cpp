// A thread is added when a task arrives and no idle thread can take it.
#include "tests/sim/elastic_thread_pool.h"

namespace clue::sim {

ElasticThreadPool::~ElasticThreadPool() {
    shutdown();
}

void ElasticThreadPool::enqueue(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        if (tasks_.size() > idle_ && threads_.size() < maxThreads_) {
            threads_.emplace_back([this] { work(); });
        }
    }
    ready_.notify_one();
}

void ElasticThreadPool::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        ready_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
        --idle_;
        if (tasks_.empty()) {
            return; // stopping, and nothing left to run
        }
        std::function<void()> task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        task();
        lock.lock();
    }
}

void ElasticThreadPool::shutdown() {
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        threads.swap(threads_);
    }
    ready_.notify_all();
    for (std::thread& t : threads) {
        t.join();
    }
}

} // namespace clue::sim
