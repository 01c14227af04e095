// FIFO slots: a freed slot goes to the longest-waiting request.
#include "tests/sim/slot_scheduler.h"

#include <algorithm>
#include <chrono>

namespace clue::sim {
namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

void SlotScheduler::recordStart(double waitedMs, bool waited) {
    counters_.served += 1;
    counters_.waited += waited ? 1 : 0;
    counters_.totalWaitMs += waitedMs;
    counters_.maxWaitMs = std::max(counters_.maxWaitMs, waitedMs);
    counters_.maxInService = std::max(counters_.maxInService, inService_);
}

std::optional<double> SlotScheduler::acquire() {
    const auto arrival = std::chrono::steady_clock::now();
    std::unique_lock lock(mutex_);
    if (stopping_) {
        return std::nullopt;
    }
    if (queue_.empty() && inService_ < slots_) {
        ++inService_;
        recordStart(0.0, false);
        return 0.0;
    }
    Waiter waiter;
    queue_.push_back(&waiter);
    counters_.maxQueueLength = std::max(counters_.maxQueueLength, static_cast<int>(queue_.size()));
    waiter.granted.wait(lock, [&] { return waiter.hasSlot || stopping_; });
    if (!waiter.hasSlot) {
        queue_.erase(std::find(queue_.begin(), queue_.end(), &waiter));
        return std::nullopt;
    }
    const double waitedMs = millisecondsSince(arrival);
    recordStart(waitedMs, true);
    return waitedMs;
}

void SlotScheduler::release() {
    std::lock_guard lock(mutex_);
    if (queue_.empty()) {
        --inService_;
        return;
    }
    Waiter* next = queue_.front(); // the slot passes on: inService_ stays the same
    queue_.pop_front();
    next->hasSlot = true;
    next->granted.notify_one();
}

bool SlotScheduler::hold(double ms) {
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double, std::milli>(ms));
    std::unique_lock lock(mutex_);
    return !stopped_.wait_until(lock, until, [&] { return stopping_; });
}

void SlotScheduler::stop() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (Waiter* waiter : queue_) {
        waiter->granted.notify_one();
    }
    stopped_.notify_all();
}

SlotScheduler::Snapshot SlotScheduler::snapshot() const {
    std::lock_guard lock(mutex_);
    Snapshot s = counters_;
    s.slots = slots_;
    s.inService = inService_;
    s.queued = static_cast<int>(queue_.size());
    return s;
}

void SlotScheduler::resetCounters() {
    std::lock_guard lock(mutex_);
    counters_ = Snapshot{};
}

} // namespace clue::sim
