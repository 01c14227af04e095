// Tests of the slot model: capacity, FIFO order, and prompt wake-up on stop.
#include "tests/sim/slot_scheduler.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace clue::sim;
using namespace std::chrono_literals;

namespace {

// Waits until `n` requests are queued; a hang guard of 10 s ends the wait otherwise.
bool waitForQueue(const SlotScheduler& slots, int n) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (slots.snapshot().queued != n) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

} // namespace

TEST(SlotScheduler, StartsRequestsInArrivalOrderAndNeverExceedsTheSlots) {
    SlotScheduler slots(2);
    // The test itself holds both slots while six requests arrive one by one, each queued
    // before the next is sent, so that the arrival order is known whatever the machine's load.
    ASSERT_TRUE(slots.acquire().has_value());
    ASSERT_TRUE(slots.acquire().has_value());
    std::mutex mutex;
    std::vector<int> started;
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&, i] {
            ASSERT_TRUE(slots.acquire().has_value());
            {
                std::lock_guard lock(mutex);
                started.push_back(i);
            }
            slots.hold(1.0);
            slots.release();
        });
        ASSERT_TRUE(waitForQueue(slots, i + 1)) << "request " << i << " never queued";
    }
    // One slot frees: the six go through it in turn while the other slot stays busy.
    slots.release();
    for (auto& t : threads) {
        t.join();
    }
    slots.release();
    EXPECT_EQ(started, (std::vector<int>{0, 1, 2, 3, 4, 5}));
    const auto s = slots.snapshot();
    EXPECT_EQ(s.served, 8u);
    EXPECT_EQ(s.maxInService, 2);
    EXPECT_EQ(s.waited, 6u);
    EXPECT_EQ(s.maxQueueLength, 6);
    EXPECT_GT(s.maxWaitMs, 0.0);
    EXPECT_EQ(s.inService, 0);
    EXPECT_EQ(s.queued, 0);
}

TEST(SlotScheduler, StopWakesWaitersAndSleepers) {
    SlotScheduler slots(1);
    ASSERT_TRUE(slots.acquire().has_value());
    std::optional<double> waiterResult = 0.0;
    bool holdResult = true;
    std::thread waiter([&] { waiterResult = slots.acquire(); });
    std::thread sleeper([&] { holdResult = slots.hold(60000); });
    std::this_thread::sleep_for(50ms);
    const auto before = std::chrono::steady_clock::now();
    slots.stop();
    waiter.join();
    sleeper.join();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 5s);
    EXPECT_FALSE(waiterResult.has_value());
    EXPECT_FALSE(holdResult);
    EXPECT_FALSE(slots.acquire().has_value());
}
