#include "processmonitor.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <chrono>

namespace spoon {

// Series the monitor writes, looked up once so a sample touches only atomics.
struct ProcessMonitor::Published
{
    explicit Published(MetricsRegistry &r)
        : cpu(r.gauge(metric::kProcessCpuPercent))
        , systemCpu(r.gauge(metric::kSystemCpuPercent))
        , rss(r.gauge(metric::kProcessResidentBytes))
        , vms(r.gauge(metric::kProcessVirtualBytes))
        , peakRss(r.gauge(metric::kProcessPeakResidentBytes))
        , swap(r.gauge(metric::kProcessSwapBytes))
        , memoryPercent(r.gauge(metric::kProcessMemoryPercent))
        , memoryTotal(r.gauge(metric::kSystemMemoryTotalBytes))
        , memoryAvailable(r.gauge(metric::kSystemMemoryAvailableBytes))
        , threads(r.gauge(metric::kProcessThreads))
        , fds(r.gauge(metric::kProcessOpenFds))
        , diskIoAvailable(r.gauge(metric::kProcessDiskIoAvailable))
        , diskRead(r.counter(metric::kProcessDiskReadBytes))
        , diskWrite(r.counter(metric::kProcessDiskWriteBytes))
        , diskReadRate(r.gauge(metric::kProcessDiskReadRate))
        , diskWriteRate(r.gauge(metric::kProcessDiskWriteRate))
        , netSent(r.counter(metric::kSystemNetSentBytes))
        , netReceived(r.counter(metric::kSystemNetReceivedBytes))
        , netSentRate(r.gauge(metric::kSystemNetSentRate))
        , netReceivedRate(r.gauge(metric::kSystemNetReceivedRate))
        , samples(r.counter(metric::kMonitorSamples))
        , sampleSeconds(r.histogram(metric::kMonitorSampleSeconds,
                                    {5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 5e-4, 1e-3, 1e-2}))
    {}
    Gauge &cpu, &systemCpu, &rss, &vms, &peakRss, &swap, &memoryPercent, &memoryTotal,
        &memoryAvailable;
    Gauge &threads, &fds, &diskIoAvailable;
    Counter &diskRead, &diskWrite;
    Gauge &diskReadRate, &diskWriteRate;
    Counter &netSent, &netReceived;
    Gauge &netSentRate, &netReceivedRate;
    Counter &samples;
    Histogram &sampleSeconds;
};

ProcessMonitor::ProcessMonitor(MetricsRegistry &registry, int intervalMs, qsizetype historyCapacity,
                               std::unique_ptr<ProcessSampler> sampler, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_sampler(sampler ? std::move(sampler) : std::make_unique<ProcessSampler>())
    , m_history(historyCapacity)
    , m_published(std::make_unique<Published>(registry))
{
    m_timer.setInterval(intervalMs);
    // A precise timer keeps 1 Hz samples evenly spaced; coarse timers drift by up to 5 %.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { sampleNow(); });
}

ProcessMonitor::~ProcessMonitor() = default;

void ProcessMonitor::start()
{
    if (m_history.isEmpty())
        sampleNow(); // primes the CPU and rate deltas
    m_timer.start();
}

void ProcessMonitor::stop()
{
    m_timer.stop();
}

ProcessSample ProcessMonitor::sampleNow()
{
    const auto started = std::chrono::steady_clock::now();
    const ProcessSample sample = m_sampler->sample();
    m_history.append(sample);
    publish(sample);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    m_published->sampleSeconds.observe(took.count());
    Q_EMIT sampled();
    return sample;
}

void ProcessMonitor::publish(const ProcessSample &s)
{
    Published &p = *m_published;
    p.cpu.set(s.cpuPercent);
    p.systemCpu.set(s.systemCpuPercent);
    p.rss.set(double(s.rssBytes));
    p.vms.set(double(s.vmsBytes));
    p.peakRss.set(double(s.peakRssBytes));
    p.swap.set(double(s.swapBytes));
    p.memoryPercent.set(s.memoryPercent);
    p.memoryTotal.set(double(s.memoryTotalBytes));
    p.memoryAvailable.set(double(s.memoryAvailableBytes));
    p.threads.set(s.threads);
    p.fds.set(s.openFds);
    p.diskIoAvailable.set(s.diskIoAvailable ? 1 : 0);
    p.diskRead.mirror(double(s.diskReadBytes));
    p.diskWrite.mirror(double(s.diskWriteBytes));
    p.diskReadRate.set(s.diskReadPerSecond);
    p.diskWriteRate.set(s.diskWritePerSecond);
    p.netSent.mirror(double(s.netSentBytes));
    p.netReceived.mirror(double(s.netReceivedBytes));
    p.netSentRate.set(s.netSentPerSecond);
    p.netReceivedRate.set(s.netReceivedPerSecond);
    p.samples.add();
}

} // namespace spoon
