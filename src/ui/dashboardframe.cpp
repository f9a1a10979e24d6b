#include "dashboardframe.h"

#include "monitor/samplehistory.h"
#include "seriesdecimator.h"
#include "telemetry/metricnames.h"

#include <algorithm>

namespace spoon {

namespace {

double maxY(const QList<QPointF> &points)
{
    double top = 0;
    for (const QPointF &p : points)
        top = std::max(top, p.y());
    return top;
}

void scale(QList<QPointF> &points, double divisor)
{
    for (QPointF &p : points)
        p.setY(p.y() / divisor);
}

double rate(quint64 now, quint64 before, double seconds)
{
    return now >= before && seconds > 0 ? double(now - before) / seconds : 0.0;
}

} // namespace

DashboardFrame::RateUnit DashboardFrame::unitFor(double bytesPerSecond)
{
    static const char *const labels[] = {"B/s", "KiB/s", "MiB/s", "GiB/s"};
    double divisor = 1.0;
    int index = 0;
    while (index < 3 && bytesPerSecond >= divisor * 1024.0) {
        divisor *= 1024.0;
        ++index;
    }
    return RateUnit{divisor, QString::fromLatin1(labels[index])};
}

DashboardFrame DashboardFrame::build(const SampleHistory &history, qint64 windowMs, double xUnitMs,
                                     int buckets)
{
    DashboardFrame frame;
    if (history.isEmpty())
        return frame;
    const qint64 newest = history.latest().monotonicMs;
    const double span = double(windowMs) / xUnitMs;
    SeriesDecimator cpu(buckets, -span, 0), systemCpu(buckets, -span, 0), rss(buckets, -span, 0);
    SeriesDecimator diskRead(buckets, -span, 0), diskWrite(buckets, -span, 0);
    SeriesDecimator netSent(buckets, -span, 0), netReceived(buckets, -span, 0);

    const HistoryPoint *previous = nullptr;
    // One sample before the window start, so the first rate inside it has a partner.
    history.forEachSince(newest - windowMs - 1, [&](const HistoryPoint &p) {
        const double x = double(p.monotonicMs - newest) / xUnitMs;
        if (p.monotonicMs > newest - windowMs) { // the same window as the summary's
            cpu.add(x, p.cpuPercent);
            systemCpu.add(x, p.systemCpuPercent);
            rss.add(x, double(p.rssKiB) / 1024.0);
            if (previous) {
                const double seconds = double(p.monotonicMs - previous->monotonicMs) / 1000.0;
                diskRead.add(x, rate(p.diskReadBytes, previous->diskReadBytes, seconds));
                diskWrite.add(x, rate(p.diskWriteBytes, previous->diskWriteBytes, seconds));
                netSent.add(x, rate(p.netSentBytes, previous->netSentBytes, seconds));
                netReceived.add(x, rate(p.netReceivedBytes, previous->netReceivedBytes, seconds));
            }
        }
        previous = &p;
    });

    frame.cpu = cpu.finish();
    frame.systemCpu = systemCpu.finish();
    frame.rssMb = rss.finish();
    frame.diskRead = diskRead.finish();
    frame.diskWrite = diskWrite.finish();
    frame.netSent = netSent.finish();
    frame.netReceived = netReceived.finish();
    frame.scaleToUnits();
    return frame;
}

void DashboardFrame::scaleToUnits()
{
    cpuMax = std::max(maxY(cpu), maxY(systemCpu));
    rssMaxMb = maxY(rssMb);
    diskUnit = unitFor(std::max(maxY(diskRead), maxY(diskWrite)));
    netUnit = unitFor(std::max(maxY(netSent), maxY(netReceived)));
    for (QList<QPointF> *series : {&diskRead, &diskWrite})
        scale(*series, diskUnit.divisor);
    for (QList<QPointF> *series : {&netSent, &netReceived})
        scale(*series, netUnit.divisor);
    diskMax = std::max(maxY(diskRead), maxY(diskWrite));
    netMax = std::max(maxY(netSent), maxY(netReceived));
}

WindowSummary DashboardFrame::summarize(const QHash<QString, QList<MetricRollup>> &rollups,
                                        qint64 nowMs, qint64 windowMs)
{
    WindowSummary summary;
    summary.windowMs = windowMs;
    auto inWindow = [&](const MetricDescriptor &metric) {
        QList<MetricRollup> minutes;
        for (const MetricRollup &minute : rollups.value(QString::fromLatin1(metric.name()))) {
            if (minute.minuteMs > nowMs - windowMs)
                minutes.append(minute);
        }
        return minutes;
    };
    auto average = [](const QList<MetricRollup> &minutes) {
        double sum = 0;
        for (const MetricRollup &m : minutes)
            sum += m.average;
        return minutes.isEmpty() ? 0.0 : sum / double(minutes.size());
    };
    auto movedBytes = [](const QList<MetricRollup> &minutes) {
        double sum = 0;
        for (const MetricRollup &m : minutes)
            sum += m.average * 60.0; // a rate per second, held for the minute
        return quint64(sum);
    };
    const QList<MetricRollup> cpu = inWindow(metric::kProcessCpuPercent);
    summary.sampleCount = int(cpu.size());
    if (!cpu.isEmpty()) {
        summary.cpuAvg = average(cpu);
        summary.cpuMin = cpu.first().minimum;
        summary.cpuMax = cpu.first().maximum;
        for (const MetricRollup &m : cpu) {
            summary.cpuMin = std::min(summary.cpuMin, m.minimum);
            summary.cpuMax = std::max(summary.cpuMax, m.maximum);
        }
    }
    for (const MetricRollup &m : inWindow(metric::kProcessResidentBytes))
        summary.memoryPeakMb = std::max(summary.memoryPeakMb, m.maximum / 1024.0 / 1024.0);
    summary.memoryAvgPercent = average(inWindow(metric::kProcessMemoryPercent));
    summary.diskReadInWindowBytes = movedBytes(inWindow(metric::kProcessDiskReadRate));
    summary.diskWriteInWindowBytes = movedBytes(inWindow(metric::kProcessDiskWriteRate));
    summary.netSentInWindowBytes = movedBytes(inWindow(metric::kSystemNetSentRate));
    summary.netReceivedInWindowBytes = movedBytes(inWindow(metric::kSystemNetReceivedRate));
    return summary;
}

DashboardFrame DashboardFrame::fromRollups(const QHash<QString, QList<MetricRollup>> &rollups,
                                           qint64 nowMs, qint64 windowMs, double xUnitMs,
                                           int buckets)
{
    DashboardFrame frame;
    const double span = double(windowMs) / xUnitMs;
    auto series = [&](const MetricDescriptor &metric, double divisor) {
        SeriesDecimator decimator(buckets, -span, 0);
        for (const MetricRollup &minute : rollups.value(QString::fromLatin1(metric.name()))) {
            if (minute.minuteMs > nowMs - windowMs)
                decimator.add(double(minute.minuteMs - nowMs) / xUnitMs, minute.average / divisor);
        }
        return decimator.finish();
    };
    frame.cpu = series(metric::kProcessCpuPercent, 1.0);
    frame.systemCpu = series(metric::kSystemCpuPercent, 1.0);
    frame.rssMb = series(metric::kProcessResidentBytes, 1024.0 * 1024.0);
    frame.diskRead = series(metric::kProcessDiskReadRate, 1.0);
    frame.diskWrite = series(metric::kProcessDiskWriteRate, 1.0);
    frame.netSent = series(metric::kSystemNetSentRate, 1.0);
    frame.netReceived = series(metric::kSystemNetReceivedRate, 1.0);
    frame.scaleToUnits();
    return frame;
}

} // namespace spoon
