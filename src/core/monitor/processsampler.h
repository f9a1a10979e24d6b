#pragma once

#include "processsample.h"
#include "procfilereader.h"
#include "usagecalculators.h"

#include <QString>

#include <functional>

namespace spoon {

// Reads the /proc files of one process and the machine into a ProcessSample. The root is
// injectable so tests run it on fixture trees; the clock is injectable so they control time.
//
// Reading /proc costs kernel time (the text is generated on every read), so the figures are
// read in two tiers. Every sample: stat (CPU, threads, rss, vms), io, net/dev and the
// machine's stat, which move from second to second and feed the charts. Every
// `slowEvery`-th sample, starting with the first: status (peak RSS, swap), meminfo (total and
// available memory) and the open-descriptor count, which drift slowly (a descriptor leak is a
// trend over minutes); between those the last values are carried forward.
class ProcessSampler
{
public:
    struct Clock
    {
        std::function<qint64()> monotonicNs;
        std::function<qint64()> wallClockMs;
    };
    static Clock systemClock();

    // The units /proc counts in, which differ between machines: clock ticks per second
    // (USER_HZ, proc(5)), the page size and the CPUs online (100 % is one of them).
    struct Machine
    {
        long ticksPerSecond = 100;
        quint64 pageSize = 4096;
        int onlineCpus = 1;
    };
    static Machine thisMachine();

    // procRoot: "/proc" in production; processDir: "self" or a pid.
    static constexpr int kDefaultSlowEvery = 5;

    explicit ProcessSampler(const QString &procRoot = QStringLiteral("/proc"),
                            const QString &processDir = QStringLiteral("self"),
                            Clock clock = systemClock(), Machine machine = thisMachine(),
                            int slowEvery = kDefaultSlowEvery);

    ProcessSample sample();

private:
    Clock m_clock;
    ProcFileReader m_stat;
    ProcFileReader m_status;
    ProcFileReader m_io;
    ProcFileReader m_netDev;
    ProcFileReader m_memInfo;
    ProcFileReader m_systemStat;
    DirectoryEntryCounter m_fds;
    ProcessCpuUsage m_processCpu;
    SystemCpuUsage m_systemCpu;
    CounterTracker m_diskRead;
    CounterTracker m_diskWrite;
    NetworkTracker m_network;
    ProcessSample m_last;
    quint64 m_pageSize;
    int m_slowEvery;
    quint64 m_tick = 0;
};

} // namespace spoon
