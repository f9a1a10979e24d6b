#include "processmonitor.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <chrono>

namespace spoon {

// Series the monitor writes, looked up once so a sample touches only atomics.
struct ProcessMonitor::Published
{
    explicit Published(MetricsRegistry &r)
        : cpu(r.gauge(metric::kProcessCpuPercent, "Process CPU, 100 = one core"))
        , systemCpu(r.gauge(metric::kSystemCpuPercent, "Whole-machine CPU busy, 0..100"))
        , rss(r.gauge(metric::kProcessResidentBytes, "Resident set size in bytes"))
        , vms(r.gauge(metric::kProcessVirtualBytes, "Virtual memory size in bytes"))
        , peakRss(r.gauge(metric::kProcessPeakResidentBytes, "Peak resident set size (VmHWM)"))
        , swap(r.gauge(metric::kProcessSwapBytes, "Swapped-out memory in bytes"))
        , memoryPercent(r.gauge(metric::kProcessMemoryPercent, "RSS as % of physical memory"))
        , memoryTotal(r.gauge(metric::kSystemMemoryTotalBytes, "Physical memory in bytes"))
        , memoryAvailable(r.gauge(metric::kSystemMemoryAvailableBytes,
                                  "Memory available for new work (MemAvailable)"))
        , threads(r.gauge(metric::kProcessThreads, "Threads in this process"))
        , fds(r.gauge(metric::kProcessOpenFds, "Open file descriptors"))
        , diskIoAvailable(
              r.gauge(metric::kProcessDiskIoAvailable, "1 when /proc/self/io is readable, else 0"))
        , diskRead(r.counter(metric::kProcessDiskReadBytes, "Bytes read from storage"))
        , diskWrite(r.counter(metric::kProcessDiskWriteBytes, "Bytes written to storage"))
        , diskReadRate(r.gauge(metric::kProcessDiskReadRate, "Storage read bytes per second"))
        , diskWriteRate(r.gauge(metric::kProcessDiskWriteRate, "Storage write bytes per second"))
        , netSent(r.counter(metric::kSystemNetSentBytes, "Bytes sent on all interfaces"))
        , netReceived(
              r.counter(metric::kSystemNetReceivedBytes, "Bytes received on all interfaces"))
        , netSentRate(r.gauge(metric::kSystemNetSentRate, "Bytes sent per second"))
        , netReceivedRate(r.gauge(metric::kSystemNetReceivedRate, "Bytes received per second"))
        , samples(r.counter(metric::kMonitorSamples, "Samples taken by the process monitor"))
        , sampleSeconds(r.histogram(metric::kMonitorSampleSeconds, "Time to take one sample",
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
