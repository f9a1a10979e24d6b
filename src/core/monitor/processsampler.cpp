#include "processsampler.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace spoon {

Q_LOGGING_CATEGORY(lcMonitor, "spoon.monitor")

ProcessSampler::Clock ProcessSampler::systemClock()
{
    return Clock{[] {
                     timespec now{};
                     ::clock_gettime(CLOCK_MONOTONIC, &now);
                     return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
                 },
                 [] { return QDateTime::currentMSecsSinceEpoch(); }};
}

ProcessSampler::Machine ProcessSampler::thisMachine()
{
    const long ticks = ::sysconf(_SC_CLK_TCK);
    const long page = ::sysconf(_SC_PAGESIZE);
    const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    return Machine{ticks > 0 ? ticks : 100, page > 0 ? quint64(page) : 4096,
                   cpus > 0 ? int(cpus) : 1};
}

ProcessSampler::ProcessSampler(const QString &procRoot, const QString &processDir, Clock clock,
                               Machine machine, int slowEvery)
    : m_clock(std::move(clock))
    , m_self(procRoot == QStringLiteral("/proc") && processDir == QStringLiteral("self"))
    , m_stat(procRoot + u'/' + processDir + QStringLiteral("/stat"))
    , m_statm(procRoot + u'/' + processDir + QStringLiteral("/statm"))
    , m_status(procRoot + u'/' + processDir + QStringLiteral("/status"))
    , m_io(procRoot + u'/' + processDir + QStringLiteral("/io"))
    , m_netDev(procRoot + QStringLiteral("/net/dev"))
    , m_memInfo(procRoot + QStringLiteral("/meminfo"))
    , m_systemStat(procRoot + QStringLiteral("/stat"))
    , m_fds(procRoot + u'/' + processDir + QStringLiteral("/fd"))
    , m_processCpu(machine.ticksPerSecond, machine.onlineCpus)
    , m_rusageCpu(1'000'000, machine.onlineCpus)
    , m_pageSize(machine.pageSize)
    , m_slowEvery(std::max(1, slowEvery))
{}

ProcessSample ProcessSampler::sample()
{
    ProcessSample s = m_last; // a file that fails to read keeps its last good figures
    const qint64 nowNs = m_clock.monotonicNs();
    s.monotonicMs = nowNs / 1'000'000;
    s.wallClockMs = m_clock.wallClockMs();

    const bool slow = m_tick++ % quint64(m_slowEvery) == 0;
    if (m_self) {
        rusage usage{};
        if (::getrusage(RUSAGE_SELF, &usage) == 0) {
            const auto us = [](const timeval &t) {
                return quint64(t.tv_sec) * 1'000'000 + quint64(t.tv_usec);
            };
            s.cpuPercent = m_rusageCpu.update(us(usage.ru_utime) + us(usage.ru_stime), nowNs);
        }
        if (const auto statm = proc::parseProcStatm(m_statm.read())) {
            s.rssBytes = statm->residentPages * m_pageSize;
            s.vmsBytes = statm->sizePages * m_pageSize;
        } else {
            qCWarning(lcMonitor) << "cannot parse" << m_statm.path();
        }
    } else if (const auto stat = proc::parseProcStat(m_stat.read())) {
        s.cpuPercent = m_processCpu.update(stat->utimeTicks + stat->stimeTicks, nowNs);
        // The same counters status shows as VmRSS, VmSize and Threads.
        s.rssBytes = quint64(std::max<qint64>(0, stat->rssPages)) * m_pageSize;
        s.vmsBytes = stat->vsizeBytes;
        s.threads = int(stat->numThreads);
    } else {
        qCWarning(lcMonitor) << "cannot parse" << m_stat.path();
    }

    if (slow) {
        if (const auto status = proc::parseProcStatus(m_status.read())) {
            s.peakRssBytes = status->vmHwmBytes;
            s.swapBytes = status->vmSwapBytes;
            if (m_self)
                s.threads = int(status->threads);
        }
        if (const auto mem = proc::parseMemInfo(m_memInfo.read())) {
            s.memoryTotalBytes = mem->totalBytes;
            s.memoryAvailableBytes = mem->availableBytes;
        }
        const int fds = m_fds.count();
        if (fds >= 0)
            s.openFds = fds;
    }
    s.peakRssBytes = std::max(s.peakRssBytes, s.rssBytes);
    s.memoryPercent =
        s.memoryTotalBytes ? 100.0 * double(s.rssBytes) / double(s.memoryTotalBytes) : 0.0;

    if (slow || m_chartsShown) {
        if (const auto cpu = proc::parseSystemStat(m_systemStat.read()))
            s.systemCpuPercent = m_systemCpu.update(*cpu);
    }

    const auto io = proc::parseProcIo(m_io.read());
    s.diskIoAvailable = io.has_value();
    if (io) {
        const auto read = m_diskRead.update(io->readBytes, nowNs);
        const auto written = m_diskWrite.update(io->writeBytes, nowNs);
        s.diskReadBytes = read.total;
        s.diskReadPerSecond = read.perSecond;
        s.diskWriteBytes = written.total;
        s.diskWritePerSecond = written.perSecond;
    } else {
        s.diskReadPerSecond = s.diskWritePerSecond = 0.0;
    }

    if (slow || m_chartsShown) {
        if (const auto interfaces = proc::parseNetDev(m_netDev.read())) {
            const auto net = m_network.update(*interfaces, nowNs);
            s.netSentBytes = net.sentTotal;
            s.netReceivedBytes = net.receivedTotal;
            s.netSentPerSecond = net.sentPerSecond;
            s.netReceivedPerSecond = net.receivedPerSecond;
        }
    }

    m_last = s;
    return s;
}

} // namespace spoon
