#pragma once

#include "procfilereader.h"
#include "processsample.h"
#include "usagecalculators.h"

#include <QString>

#include <functional>

namespace spoon {

// Reads the /proc files of one process and the machine into a ProcessSample. The root is
// injectable so tests run it on fixture trees; the clock is injectable so they control time.
class ProcessSampler
{
public:
    struct Clock
    {
        std::function<qint64()> monotonicNs;
        std::function<qint64()> wallClockMs;
    };
    static Clock systemClock();

    // procRoot: "/proc" in production; processDir: "self" or a pid.
    explicit ProcessSampler(const QString &procRoot = QStringLiteral("/proc"),
                            const QString &processDir = QStringLiteral("self"),
                            Clock clock = systemClock());

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
};

} // namespace spoon
