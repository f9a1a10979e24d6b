#include "monitor/processmonitor.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QSignalSpy>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestProcessMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishesEveryFigureIntoTheRegistry()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 100);
        monitor.sampleNow();
        for (const GaugeMetric *gauge :
             {&metric::kProcessCpuPercent, &metric::kSystemCpuPercent,
              &metric::kProcessResidentBytes, &metric::kProcessVirtualBytes,
              &metric::kProcessMemoryPercent, &metric::kSystemMemoryTotalBytes,
              &metric::kSystemMemoryAvailableBytes, &metric::kProcessThreads,
              &metric::kProcessOpenFds, &metric::kProcessDiskReadRate,
              &metric::kProcessDiskWriteRate, &metric::kSystemNetSentRate,
              &metric::kSystemNetReceivedRate, &metric::kProcessDiskIoAvailable}) {
            QVERIFY2(registry.findGauge(*gauge) != nullptr, gauge->name());
        }
        for (const CounterMetric *counter :
             {&metric::kProcessDiskReadBytes, &metric::kProcessDiskWriteBytes,
              &metric::kSystemNetSentBytes, &metric::kSystemNetReceivedBytes,
              &metric::kMonitorSamples}) {
            QVERIFY2(registry.findCounter(*counter) != nullptr, counter->name());
        }
        QVERIFY(registry.gaugeValue(metric::kProcessResidentBytes) > 0);
        QVERIFY(registry.gaugeValue(metric::kProcessThreads) >= 1);
        QCOMPARE(registry.findCounter(metric::kMonitorSamples)->value(), 1.0);
        QCOMPARE(registry.findHistogram(metric::kMonitorSampleSeconds)->count(), quint64(1));
    }

    void samplesOnItsTimer()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 100, 100);
        QSignalSpy spy(&monitor, &ProcessMonitor::sampled);
        monitor.start();
        QCOMPARE(spy.count(), 1); // start() samples at once to prime the deltas
        QVERIFY(spy.wait(10'000));
        QVERIFY(spy.wait(10'000));
        QCOMPARE(monitor.history().size(), spy.count()); // one history entry per sample
        monitor.stop();
        QVERIFY(!monitor.isRunning()); // its timer is stopped: nothing more is sampled
    }

    void historyIsBounded()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 5);
        for (int i = 0; i < 200; ++i)
            monitor.sampleNow();
        QVERIFY(monitor.history().size() >= 5);
        // At most the capacity rounded up to whole blocks, plus the block being filled.
        QVERIFY(monitor.history().size() <= 2 * SampleHistory::kBlockSize);
    }
};

SPOON_TEST_GUILESS_MAIN(TestProcessMonitor)
#include "tst_processmonitor.moc"
