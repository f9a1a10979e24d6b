#pragma once

#include "storage/telemetrystore.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

namespace spoon {

class SampleHistory;
struct WindowSummary;

// The points one dashboard frame draws, computed from the history alone: x is time
// before the newest sample in the window's unit, each series already decimated to the
// chart's width. Kept apart from the widgets so it is tested and benchmarked on its own.
struct DashboardFrame
{
    struct RateUnit
    {
        double divisor = 1.0;
        QString label = QStringLiteral("B/s"); // or KiB/s, MiB/s, GiB/s
    };

    QList<QPointF> cpu, systemCpu, rssMb;
    QList<QPointF> diskRead, diskWrite, netSent, netReceived; // in the unit below
    double cpuMax = 0, rssMaxMb = 0, diskMax = 0, netMax = 0; // in drawn units
    RateUnit diskUnit, netUnit;

    static DashboardFrame build(const SampleHistory &history, qint64 windowMs, double xUnitMs,
                                int buckets);
    // The same from the store's per-minute rollups (by metric name), for windows longer than
    // memory holds; x is time before `nowMs`. Each minute is drawn at its average.
    static DashboardFrame fromRollups(const QHash<QString, QList<MetricRollup>> &rollups,
                                      qint64 nowMs, qint64 windowMs, double xUnitMs, int buckets);
    static RateUnit unitFor(double bytesPerSecond);
    // The window's summary from rollups: averages of the minutes' averages, the extremes of
    // their extremes, bytes moved as rate x minute; sampleCount counts minutes.
    static WindowSummary summarize(const QHash<QString, QList<MetricRollup>> &rollups, qint64 nowMs,
                                   qint64 windowMs);

private:
    // Maxima, rate units, and the rate series divided into them.
    void scaleToUnits();
};

} // namespace spoon
