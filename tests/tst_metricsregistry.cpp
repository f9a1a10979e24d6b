#include "telemetry/metricsregistry.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <stdexcept>

#include "support/testenvironment.h"

using namespace spoon;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeriesForSameNameAndLabels()
    {
        MetricsRegistry registry;
        Counter &a =
            registry.counter("requests_total", "help", {{"provider", "openai"}, {"model", "m"}});
        Counter &b =
            registry.counter("requests_total", "help", {{"model", "m"}, {"provider", "openai"}});
        QCOMPARE(&a, &b);
        Counter &other = registry.counter("requests_total", "help", {{"provider", "anthropic"}});
        QVERIFY(&a != &other);
        a.add();
        a.add(2);
        QCOMPARE(registry.findCounter("requests_total", {{"provider", "openai"}, {"model", "m"}})
                     ->value(),
                 3.0);
        QCOMPARE(registry.findCounter("requests_total", {{"provider", "nobody"}}), nullptr);
    }

    void gaugeSetAndAdd()
    {
        MetricsRegistry registry;
        Gauge &g = registry.gauge("in_flight", "help");
        g.set(5);
        g.add(-2);
        QCOMPARE(registry.gaugeValue("in_flight"), 3.0);
        QCOMPARE(registry.gaugeValue("missing", -1.0), -1.0);
    }

    void oneNameTwoTypesIsAnError()
    {
        MetricsRegistry registry;
        registry.counter("x", "help");
        QVERIFY_THROWS_EXCEPTION(std::logic_error, registry.gauge("x", "help"));
    }

    void histogramBucketsAreCumulative()
    {
        MetricsRegistry registry;
        Histogram &h = registry.histogram("latency_seconds", "help", {0.1, 0.5, 1.0});
        for (double v : {0.05, 0.1, 0.3, 0.7, 2.0})
            h.observe(v);
        const std::vector<quint64> counts = h.cumulativeCounts();
        QCOMPARE(counts, (std::vector<quint64>{2, 3, 4, 5}));
        QCOMPARE(h.count(), quint64(5));
        QCOMPARE(h.sum(), 0.05 + 0.1 + 0.3 + 0.7 + 2.0);
    }

    void histogramQuantile_data()
    {
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("expected");
        // 100 observations spread evenly: 25 in each of four 1-second buckets.
        QTest::newRow("p50") << 0.5 << 2.0;
        QTest::newRow("p95") << 0.95 << 3.8;
        QTest::newRow("p99") << 0.99 << 3.96;
        QTest::newRow("p0") << 0.0 << 0.0;
    }

    void histogramQuantile()
    {
        QFETCH(double, q);
        QFETCH(double, expected);
        Histogram h({1.0, 2.0, 3.0, 4.0});
        for (int bucket = 0; bucket < 4; ++bucket) {
            for (int i = 0; i < 25; ++i)
                h.observe(bucket + 0.5);
        }
        QVERIFY2(qAbs(h.quantile(q) - expected) < 1e-9, qPrintable(QString::number(h.quantile(q))));
    }

    void emptyHistogramQuantileIsZero()
    {
        Histogram h({1.0});
        QCOMPARE(h.quantile(0.99), 0.0);
    }

    void concurrentUpdatesAreNotLost()
    {
        MetricsRegistry registry;
        Counter &counter = registry.counter("events_total", "help");
        Histogram &histogram = registry.histogram("h", "help", {1.0});
        QList<QFuture<void>> workers;
        for (int t = 0; t < 4; ++t) {
            workers.append(QtConcurrent::run([&] {
                for (int i = 0; i < 100000; ++i) {
                    counter.add();
                    histogram.observe(0.5);
                }
            }));
        }
        for (QFuture<void> &w : workers)
            w.waitForFinished();
        QCOMPARE(counter.value(), 400000.0);
        QCOMPARE(histogram.count(), quint64(400000));
    }

    void snapshotListsEverySeries()
    {
        MetricsRegistry registry;
        registry.gauge("g", "a gauge").set(1.5);
        registry.counter("c_total", "a counter", {{"k", "v"}}).add(2);
        registry.histogram("h", "a histogram", {1.0}).observe(0.2);
        const QList<MetricFamilySnapshot> families = registry.snapshot();
        QCOMPARE(families.size(), 3);
        QCOMPARE(families.at(0).name, QByteArray("g"));
        QCOMPARE(families.at(0).samples.at(0).value, 1.5);
        QCOMPARE(families.at(1).type, MetricType::Counter);
        QCOMPARE(families.at(1).samples.at(0).labels.at(0).second, QByteArray("v"));
        QVERIFY(families.at(2).samples.at(0).histogram != nullptr);
        QCOMPARE(families.at(2).samples.at(0).histogram->count(), quint64(1));
    }
};

SPOON_TEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
