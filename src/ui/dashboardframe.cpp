#include "dashboardframe.h"

#include "monitor/samplehistory.h"
#include "seriesdecimator.h"

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

    frame.cpuMax = std::max(maxY(frame.cpu), maxY(frame.systemCpu));
    frame.rssMaxMb = maxY(frame.rssMb);
    frame.diskUnit = unitFor(std::max(maxY(frame.diskRead), maxY(frame.diskWrite)));
    frame.netUnit = unitFor(std::max(maxY(frame.netSent), maxY(frame.netReceived)));
    for (QList<QPointF> *series : {&frame.diskRead, &frame.diskWrite})
        scale(*series, frame.diskUnit.divisor);
    for (QList<QPointF> *series : {&frame.netSent, &frame.netReceived})
        scale(*series, frame.netUnit.divisor);
    frame.diskMax = std::max(maxY(frame.diskRead), maxY(frame.diskWrite));
    frame.netMax = std::max(maxY(frame.netSent), maxY(frame.netReceived));
    return frame;
}

} // namespace spoon
