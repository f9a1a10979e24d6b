#pragma once

#include <QtGlobal>

#include <atomic>

namespace spoon {

// The TTL caches' time, kept the way memcached keeps its clock: a process-wide copy of
// CLOCK_MONOTONIC_COARSE, in milliseconds, that one background thread refreshes every
// kTickMs. Reading it is two loads; clock_gettime costs 15-60 ns on the VMs this runs on
// (bench/README.md), more than the rest of a cache operation. TTLs are whole seconds, so an
// entry lives its TTL to within one tick either way.
//
// The ticker runs only while the clock is read: after kQuietTicks ticks with no read it
// stops and sleeps without a timeout, so an idle process has no thread waking for it. The
// next read finds it stopped, reads the clock itself and wakes it (a mutex and a notify, once
// per quiet spell). A child made by fork() without exec would have no ticker; the engine
// forks only through QProcess, which execs.
class TickClock
{
public:
    static constexpr qint64 kTickMs = 1000;
    static constexpr int kQuietTicks = 3;

    TickClock(); // makes the ticker thread if there is none yet

    qint64 nowMs() const
    {
        if (!s_ticking.load(std::memory_order_acquire)) [[unlikely]]
            return restart();
        // A load that stays in the cache; the store happens once a tick, after the ticker
        // cleared the flag.
        if (!s_read.load(std::memory_order_relaxed)) [[unlikely]]
            s_read.store(true, std::memory_order_relaxed);
        return s_nowMs.load(std::memory_order_relaxed);
    }

    // Whether the ticker thread is refreshing the clock (false after a quiet spell).
    static bool isTicking() { return s_ticking.load(std::memory_order_acquire); }

private:
    friend class Ticker;
    static qint64 restart();
    alignas(64) static std::atomic<qint64> s_nowMs;
    static std::atomic<bool> s_ticking;
    static std::atomic<bool> s_read;
};

} // namespace spoon
