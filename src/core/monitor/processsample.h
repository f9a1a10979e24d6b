#pragma once

#include <QtGlobal>

namespace spoon {

// One reading of this process and the machine, the seed's PerformanceMetrics plus the
// figures its MemoryManager and system-info need. Byte totals count from the sampler's
// start, as the seed's collect_metrics() subtracts its initial counters.
struct ProcessSample
{
    qint64 wallClockMs = 0;        // for display
    qint64 monotonicMs = 0;        // for ordering and windows; immune to clock changes
    double cpuPercent = 0.0;       // 100 = one core
    double systemCpuPercent = 0.0; // whole machine, 0..100
    quint64 rssBytes = 0;
    quint64 vmsBytes = 0;
    quint64 peakRssBytes = 0; // VmHWM
    quint64 swapBytes = 0;
    double memoryPercent = 0.0; // rss / physical memory
    quint64 memoryTotalBytes = 0;
    quint64 memoryAvailableBytes = 0;
    int threads = 0;
    int openFds = 0;
    bool diskIoAvailable = false; // /proc/self/io can be unreadable in sandboxes
    quint64 diskReadBytes = 0;
    quint64 diskWriteBytes = 0;
    double diskReadPerSecond = 0.0;
    double diskWritePerSecond = 0.0;
    quint64 netSentBytes = 0; // whole machine, all interfaces, as psutil.net_io_counters()
    quint64 netReceivedBytes = 0;
    double netSentPerSecond = 0.0;
    double netReceivedPerSecond = 0.0;
};

} // namespace spoon
