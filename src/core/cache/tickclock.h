#pragma once

#include <QtGlobal>

#include <atomic>

namespace spoon {

// The TTL caches' time, kept the way memcached keeps its clock: a process-wide copy of
// CLOCK_MONOTONIC_COARSE, in milliseconds, that one background thread refreshes every
// kTickMs. Reading it is one load; clock_gettime costs 15-60 ns on the VMs this runs on
// (bench/README.md), more than the rest of a cache operation. TTLs are whole seconds, so an
// entry lives its TTL to within one tick either way.
//
// The thread starts with the first TickClock and stops at exit. A child made by fork()
// without exec would have no ticker; the engine forks only through QProcess, which execs.
class TickClock
{
public:
    static constexpr qint64 kTickMs = 1000;

    TickClock(); // starts the ticker if it is not running yet

    qint64 nowMs() const { return s_nowMs.load(std::memory_order_relaxed); }

private:
    friend class Ticker;
    static std::atomic<qint64> s_nowMs;
};

} // namespace spoon
