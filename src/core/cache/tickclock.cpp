#include "tickclock.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <time.h>

namespace spoon {

alignas(64) std::atomic<qint64> TickClock::s_nowMs{0};
std::atomic<bool> TickClock::s_ticking{false};
std::atomic<bool> TickClock::s_read{false};

namespace {
qint64 coarseMonotonicMs()
{
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
}
} // namespace

class Ticker
{
public:
    static Ticker &instance()
    {
        static Ticker ticker; // thread-safe first start; joined at exit
        return ticker;
    }
    Ticker(const Ticker &) = delete;
    Ticker &operator=(const Ticker &) = delete;

    // A reader found the ticker stopped: the clock is made current here and the ticker woken.
    qint64 restart()
    {
        const std::lock_guard lock(m_mutex);
        if (!TickClock::s_ticking.load(std::memory_order_relaxed)) {
            TickClock::s_nowMs.store(coarseMonotonicMs(), std::memory_order_relaxed);
            TickClock::s_read.store(true, std::memory_order_relaxed);
            TickClock::s_ticking.store(true, std::memory_order_release);
            m_wake.notify_one();
        }
        return TickClock::s_nowMs.load(std::memory_order_relaxed);
    }

private:
    Ticker()
    {
        TickClock::s_nowMs.store(coarseMonotonicMs(), std::memory_order_relaxed);
        TickClock::s_ticking.store(true, std::memory_order_release);
        m_thread = std::thread([this] { run(); });
    }
    ~Ticker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_thread.join();
    }

    void run()
    {
        ::pthread_setname_np(::pthread_self(), "spoon-tick");
        std::unique_lock lock(m_mutex);
        int quiet = 0;
        while (!m_stopping) {
            if (!TickClock::s_ticking.load(std::memory_order_relaxed)) {
                // Stopped: no timeout, so no wake-up until a reader or the exit needs one.
                m_wake.wait(lock, [this] {
                    return m_stopping || TickClock::s_ticking.load(std::memory_order_relaxed);
                });
                quiet = 0;
                continue;
            }
            if (m_wake.wait_for(lock, std::chrono::milliseconds(TickClock::kTickMs),
                                [this] { return m_stopping; }))
                break;
            TickClock::s_nowMs.store(coarseMonotonicMs(), std::memory_order_relaxed);
            if (TickClock::s_read.exchange(false, std::memory_order_relaxed))
                quiet = 0;
            else if (++quiet >= TickClock::kQuietTicks)
                // Readers that loaded s_ticking just before this still get a value at most
                // one tick old; the next read restarts the clock.
                TickClock::s_ticking.store(false, std::memory_order_release);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

TickClock::TickClock()
{
    Ticker::instance();
}

qint64 TickClock::restart()
{
    return Ticker::instance().restart();
}

} // namespace spoon
