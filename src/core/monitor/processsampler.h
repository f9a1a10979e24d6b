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
// Reading /proc costs kernel time (the text is generated on every read), so each figure is
// read from its cheapest source, and only as often as someone looks. Every sample: the
// process's CPU, RSS and size (getrusage and statm for this process; stat for another or a
// fixture tree) and its disk io, which the alerts and the memory manager judge each second.
// Every `slowEvery`-th sample, starting with the first: status (peak RSS, swap, threads),
// meminfo (total and available memory), the open-descriptor count, and the machine's CPU
// (/proc/stat: the kernel walks every interrupt for its "intr" line) and network (net/dev: a
// line per interface), which drift slowly or only give context; between those the last
// values are carried forward and rates cover the whole interval. While the dashboard shows its
// charts (setChartsShown), the machine's CPU and the network are read every sample.
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
    // The dashboard's charts are on screen: machine CPU and network every sample.
    void setChartsShown(bool shown) { m_chartsShown = shown; }
    bool chartsShown() const { return m_chartsShown; }

private:
    Clock m_clock;
    bool m_self; // this process in the real /proc: getrusage and statm are cheaper than stat
    ProcFileReader m_stat;
    ProcFileReader m_statm;
    ProcFileReader m_status;
    ProcFileReader m_io;
    ProcFileReader m_netDev;
    ProcFileReader m_memInfo;
    ProcFileReader m_systemStat;
    DirectoryEntryCounter m_fds;
    ProcessCpuUsage m_processCpu;
    ProcessCpuUsage m_rusageCpu; // in microseconds
    SystemCpuUsage m_systemCpu;
    CounterTracker m_diskRead;
    CounterTracker m_diskWrite;
    NetworkTracker m_network;
    ProcessSample m_last;
    quint64 m_pageSize;
    int m_slowEvery;
    quint64 m_tick = 0;
    bool m_chartsShown = false;
};

} // namespace spoon
