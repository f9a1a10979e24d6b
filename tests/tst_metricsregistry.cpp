#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <algorithm>
#include <stdexcept>

#include "support/testenvironment.h"

using namespace spoon;

template <typename Name>
concept CanAskForGauge = requires(MetricsRegistry &r, const Name &name)
{
    r.gauge(name);
};
template <typename Name>
concept CanAskForCounter = requires(MetricsRegistry &r, const Name &name)
{
    r.counter(name);
};
template <typename Name>
concept CanReadValueOf = requires(const MetricsRegistry &r, const Name &name)
{
    r.value(name);
};

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameSeriesForSameNameAndLabels()
    {
        MetricsRegistry registry;
        Counter &a =
            registry.counter(metric::kLlmRequests, {{"provider", "openai"}, {"model", "m"}});
        Counter &b =
            registry.counter(metric::kLlmRequests, {{"model", "m"}, {"provider", "openai"}});
        QCOMPARE(&a, &b);
        Counter &other = registry.counter(metric::kLlmRequests, {{"provider", "anthropic"}});
        QVERIFY(&a != &other);
        a.add();
        a.add(2);
        QCOMPARE(
            registry.findCounter(metric::kLlmRequests, {{"provider", "openai"}, {"model", "m"}})
                ->value(),
            3.0);
        QCOMPARE(registry.findCounter(metric::kLlmRequests, {{"provider", "nobody"}}), nullptr);
    }

    void gaugeSetAndAdd()
    {
        MetricsRegistry registry;
        Gauge &g = registry.gauge(metric::kHttpInFlight);
        g.set(5);
        g.add(-2);
        QCOMPARE(registry.gaugeValue(metric::kHttpInFlight), 3.0);
        QCOMPARE(registry.gaugeValue(metric::kHttpQueued, -1.0), -1.0);
    }

    // One name with two types was a runtime error (std::logic_error); a descriptor now carries
    // its type, so the mistake no longer compiles, and neither does a name written as a string.
    void oneNameTwoTypesDoesNotCompile()
    {
        static_assert(CanAskForGauge<GaugeMetric>);
        static_assert(!CanAskForGauge<CounterMetric>);
        static_assert(!CanAskForGauge<HistogramMetric>);
        static_assert(!CanAskForGauge<const char *>);
        static_assert(!CanAskForGauge<QByteArray>);
        static_assert(CanAskForCounter<CounterMetric>);
        static_assert(!CanAskForCounter<GaugeMetric>);
        static_assert(!CanAskForCounter<const char *>);
        static_assert(!CanReadValueOf<const char *>);
        static_assert(!CanReadValueOf<QByteArray>);
        // Only `struct metric` makes descriptors.
        static_assert(!std::is_constructible_v<GaugeMetric, const char *, MetricUnit, const char *,
                                               const char *>);
        MetricsRegistry registry;
        registry.counter(metric::kLlmRequests);
        QVERIFY(registry.findGauge(metric::kHttpInFlight) == nullptr);
    }

    void histogramBucketsAreCumulative()
    {
        MetricsRegistry registry;
        Histogram &h = registry.histogram(metric::kLlmLatencySeconds, {0.1, 0.5, 1.0});
        for (double v : {0.05, 0.1, 0.3, 0.7, 2.0})
            h.observe(v);
        const std::vector<quint64> counts = h.cumulativeCounts();
        QCOMPARE(counts, (std::vector<quint64>{2, 3, 4, 5}));
        QCOMPARE(h.count(), quint64(5));
        QCOMPARE(h.sum(), 0.05 + 0.1 + 0.3 + 0.7 + 2.0);
    }

    // What the console shows: the value a call had (nearest rank, within 1 %), never the
    // inside of a wide bucket, so never above the slowest call nor below the fastest.
    void histogramQuantile_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("expected");
        const QList<double> twoCalls{0.405, 2.048};
        QTest::newRow("two calls, p50") << twoCalls << 0.5 << 0.405;
        QTest::newRow("two calls, p95") << twoCalls << 0.95 << 2.048;
        QTest::newRow("two calls, p99") << twoCalls << 0.99 << 2.048;
        QTest::newRow("slowest 6.19 s, p99") << QList<double>{1.0, 6.19} << 0.99 << 6.19;
        const QList<double> refused{0.0011, 0.0009, 0.001};
        QTest::newRow("refused in 1 ms, p50") << refused << 0.5 << 0.001;
        QTest::newRow("refused in 1 ms, p99") << refused << 0.99 << 0.0011;
        QList<double> thousand;
        for (int i = 1; i <= 1000; ++i)
            thousand.append(i / 1000.0);
        QTest::newRow("1,000 calls, p0") << thousand << 0.0 << 0.001;
        QTest::newRow("1,000 calls, p50") << thousand << 0.5 << 0.5;
        QTest::newRow("1,000 calls, p99") << thousand << 0.99 << 0.99;
        QTest::newRow("1,000 calls, p100") << thousand << 1.0 << 1.0;
    }

    void histogramQuantile()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, q);
        QFETCH(double, expected);
        Histogram h({0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10});
        for (double v : values)
            h.observe(v);
        const double got = h.quantile(q);
        QVERIFY2(qAbs(got - expected) <= QuantileSketch::kRelativeAccuracy * expected,
                 qPrintable(QString::number(got)));
        QVERIFY(got >= *std::min_element(values.begin(), values.end()));
        QVERIFY(got <= *std::max_element(values.begin(), values.end()));
    }

    // A reader builds an interval's sketch from what came since it last looked.
    void sketchSinceHoldsTheObservationsAfter()
    {
        Histogram h({1.0});
        for (int i = 1; i <= 10; ++i)
            h.observe(i);
        quint64 upTo = 0;
        QuantileSketch since = h.sketchSince(4, &upTo);
        QCOMPARE(upTo, quint64(10));
        QCOMPARE(since.count(), quint64(6));
        QCOMPARE(since.min(), 5.0);
        QCOMPARE(since.max(), 10.0);
        QVERIFY(h.sketchSince(upTo, &upTo).isEmpty());
        // More than it keeps: the latest of them, so still inside the interval's range.
        for (int i = 1; i <= 1000; ++i)
            h.observe(100 + i);
        since = h.sketchSince(10, &upTo);
        QCOMPARE(upTo, quint64(1010));
        QCOMPARE(since.count(), quint64(Histogram::kRecentCapacity));
        QCOMPARE(since.max(), 1100.0);
        QVERIFY(since.min() > 100.0);
        QCOMPARE(h.sketch().count(), quint64(1010));
    }

    void emptyHistogramQuantileIsZero()
    {
        Histogram h({1.0});
        QCOMPARE(h.quantile(0.99), 0.0);
    }

    void concurrentUpdatesAreNotLost()
    {
        MetricsRegistry registry;
        Counter &counter = registry.counter(metric::kAgentSteps);
        Histogram &histogram = registry.histogram(metric::kMonitorSampleSeconds, {1.0});
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
        registry.gauge(metric::kHttpInFlight).set(1.5);
        registry.counter(metric::kHttpErrors, {{"k", "v"}}).add(2);
        registry.histogram(metric::kDbQuerySeconds, {1.0}).observe(0.2);
        const QList<MetricFamilySnapshot> families = registry.snapshot();
        QCOMPARE(families.size(), 3);
        QCOMPARE(families.at(0).name, QByteArray(metric::kHttpInFlight.name()));
        QCOMPARE(families.at(0).help, QByteArray(metric::kHttpInFlight.help()));
        QVERIFY(families.at(0).is(metric::kHttpInFlight));
        QVERIFY(!families.at(1).is(metric::kHttpInFlight));
        QCOMPARE(families.at(0).samples.at(0).value, 1.5);
        QCOMPARE(families.at(1).type, MetricType::Counter);
        QCOMPARE(families.at(1).samples.at(0).labels.at(0).second, QByteArray("v"));
        QVERIFY(families.at(2).samples.at(0).histogram != nullptr);
        QCOMPARE(families.at(2).samples.at(0).histogram->count(), quint64(1));
    }
};

SPOON_TEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
