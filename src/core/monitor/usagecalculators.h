#pragma once

#include "procparsers.h"

#include <QByteArray>
#include <QHash>
#include <QList>

// Pure maths over successive /proc readings, apart from any file reading so tests can
// drive them with made-up numbers. Kernel counters can go backwards (a counter reset, a
// container migrating, an interface re-created); every delta here is clamped at zero.
namespace spoon {

// Process CPU as psutil's Process.cpu_percent() counts it: CPU time used over wall time,
// so 100 % is one core fully busy and a process on four busy cores reads 400 %.
class ProcessCpuUsage
{
public:
    explicit ProcessCpuUsage(long ticksPerSecond, int cpuCount);
    // Returns the percentage since the previous call; the first call returns 0.
    double update(quint64 cpuTicks, qint64 monotonicNs);

private:
    double m_ticksPerSecond;
    int m_cpuCount;
    bool m_primed = false;
    quint64 m_lastTicks = 0;
    qint64 m_lastNs = 0;
};

// Whole-machine busy share from /proc/stat, 0..100 across all cores.
class SystemCpuUsage
{
public:
    double update(const proc::SystemCpuTimes &times);

private:
    bool m_primed = false;
    quint64 m_lastTotal = 0;
    quint64 m_lastIdle = 0;
};

// A kernel counter turned into "bytes since we started" and a per-second rate.
class CounterTracker
{
public:
    struct Reading
    {
        quint64 total = 0;      // accumulated since the first update
        double perSecond = 0.0; // over the last interval
    };
    Reading update(quint64 counter, qint64 monotonicNs);
    Reading last() const { return m_reading; }

private:
    bool m_primed = false;
    quint64 m_lastCounter = 0;
    qint64 m_lastNs = 0;
    Reading m_reading;
};

// Network totals summed over interfaces, tracked per interface so that one that appears
// mid-run contributes only what it moves from then on, and one that resets adds nothing.
class NetworkTracker
{
public:
    struct Reading
    {
        quint64 sentTotal = 0;
        quint64 receivedTotal = 0;
        double sentPerSecond = 0.0;
        double receivedPerSecond = 0.0;
    };
    Reading update(const QList<proc::NetInterfaceCounters> &interfaces, qint64 monotonicNs);

private:
    struct Last
    {
        quint64 rx = 0;
        quint64 tx = 0;
    };
    bool m_primed = false;
    qint64 m_lastNs = 0;
    QHash<QByteArray, Last> m_last;
    Reading m_reading;
};

} // namespace spoon
