// QuantileSketch against the exact nearest-rank quantiles of generated latencies: within 1 %,
// exact while it keeps the values, never outside [min, max], the same merged as added.
#include "telemetry/quantilesketch.h"

#include <QtTest>

#include "support/testenvironment.h"

#include <algorithm>
#include <cmath>
#include <random>

using namespace spoon;

namespace {

const double kQuantiles[] = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0};

// The quantile QuantileSketch aims at: the value at the nearest rank of the sorted values.
double exactQuantile(QList<double> sorted, double q)
{
    return sorted[qsizetype(QuantileSketch::rankOf(q, quint64(sorted.size()))) - 1];
}

template <typename Draw> QList<double> generate(int count, quint64 seed, Draw draw)
{
    std::mt19937_64 random(seed);
    QList<double> values;
    values.reserve(count);
    for (int i = 0; i < count; ++i)
        values.append(draw(random));
    return values;
}

QList<double> uniform(int count, double low, double high, quint64 seed = 1)
{
    std::uniform_real_distribution<double> d(low, high);
    return generate(count, seed, [&](std::mt19937_64 &r) { return d(r); });
}

// Latencies as calls have them: a median of `median` seconds and a long right tail.
QList<double> logNormal(int count, double median, double sigma, quint64 seed = 2)
{
    std::lognormal_distribution<double> d(std::log(median), sigma);
    return generate(count, seed, [&](std::mt19937_64 &r) { return d(r); });
}

// Cache hits or refusals near 2 ms beside answers near 3 s.
QList<double> bimodal(int count, quint64 seed = 3)
{
    std::bernoulli_distribution fast(0.4);
    std::lognormal_distribution<double> near2ms(std::log(0.002), 0.2);
    std::lognormal_distribution<double> near3s(std::log(3.0), 0.3);
    return generate(count, seed,
                    [&](std::mt19937_64 &r) { return fast(r) ? near2ms(r) : near3s(r); });
}

QuantileSketch sketchOf(const QList<double> &values, int chunk)
{
    QuantileSketch sketch;
    if (chunk == 0) {
        for (double v : values)
            sketch.add(v);
        return sketch;
    }
    for (qsizetype start = 0; start < values.size(); start += chunk) {
        QuantileSketch part;
        for (double v : values.mid(start, chunk))
            part.add(v);
        sketch.merge(part);
    }
    return sketch;
}

} // namespace

class TestQuantileSketch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantilesAreWithinOnePercentAndInsideMinMax_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<int>("chunk"); // 0: added one by one; else merged from parts this big

        // The cases: two calls; a slowest call of 6.19 s; refusals in about 1 ms.
        QList<double> slowest = logNormal(300, 0.8, 0.5, 4);
        slowest.removeIf([](double v) { return v >= 6.19; });
        slowest.append(6.19);
        const struct
        {
            const char *name;
            QList<double> values;
        } sets[] = {
            {"405 ms and 2,048 ms", {0.405, 2.048}},
            {"slowest 6.19 s", slowest},
            {"refused in about 1 ms", uniform(500, 0.0008, 0.0012, 5)},
            {"uniform, 10", uniform(10, 0.05, 5.0)},
            {"uniform, 100,000", uniform(100'000, 0.05, 5.0)},
            {"log-normal, 100,000", logNormal(100'000, 0.8, 1.0)},
            {"bimodal, 100,000", bimodal(100'000)},
            {"single value, once", {0.7}},
            {"single value, 1,000 times", QList<double>(1000, 0.7)},
            {"a nanosecond to 3 hours",
             generate(20'000, 6,
                      [](std::mt19937_64 &r) {
                          return std::pow(10.0, std::uniform_real_distribution<>(-9.0, 4.0)(r));
                      })},
            {"zeros beside answers", QList<double>(300, 0.0) + uniform(300, 0.1, 2.0)},
        };
        for (const auto &set : sets) {
            for (int chunk : {0, 7, 500}) {
                QTest::addRow("%s, %s", set.name,
                              chunk == 0 ? "added"
                                         : qPrintable(QStringLiteral("merged by %1").arg(chunk)))
                    << set.values << chunk;
            }
        }
    }

    void quantilesAreWithinOnePercentAndInsideMinMax()
    {
        QFETCH(QList<double>, values);
        QFETCH(int, chunk);
        const QuantileSketch sketch = sketchOf(values, chunk);
        const QuantileSketch added = sketchOf(values, 0);
        QList<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sketch.count(), quint64(values.size()));
        QCOMPARE(sketch.min(), sorted.first());
        QCOMPARE(sketch.max(), sorted.last());
        for (double q : kQuantiles) {
            const double exact = exactQuantile(sorted, q);
            const double got = sketch.quantile(q);
            const QByteArray where = "q " + QByteArray::number(q) + ": got " +
                                     QByteArray::number(got, 'g', 17) + ", exact " +
                                     QByteArray::number(exact, 'g', 17);
            QVERIFY2(got >= sorted.first() && got <= sorted.last(), where.constData());
            // The bound itself, give or take rounding in the logarithm.
            QVERIFY2(std::abs(got - exact) <=
                         QuantileSketch::kRelativeAccuracy * exact * (1 + 1e-9),
                     where.constData());
            if (values.size() <= qsizetype(QuantileSketch::kExactCapacity))
                QCOMPARE(got, exact);         // few values: kept, so exact
            QCOMPARE(got, added.quantile(q)); // merging loses nothing
        }
    }

    void aSmallWindowIsExactAndALargeOneIsNot()
    {
        QuantileSketch sketch;
        for (double v : uniform(int(QuantileSketch::kExactCapacity), 0.1, 1.0))
            sketch.add(v);
        QVERIFY(sketch.isExact());
        sketch.add(0.5);
        QVERIFY(!sketch.isExact());
    }

    void emptyGivesZero()
    {
        const QuantileSketch sketch;
        QVERIFY(sketch.isEmpty());
        QCOMPARE(sketch.quantile(0.99), 0.0);
        QCOMPARE(QuantileSketch::rankOf(0.5, 0), quint64(0));
    }

    // Durations of zero, and a clock that stepped back, share the zero bucket: off by at most
    // their distance to 0, and still inside [min, max].
    void valuesAtOrBelowZeroShareTheZeroBucket()
    {
        QList<double> values = QList<double>(100, -0.001) + QList<double>(100, 0.0) +
                               QList<double>(100, QuantileSketch::kSmallest / 2) +
                               QList<double>(100, 1.0);
        QuantileSketch sketch;
        for (double v : values)
            sketch.add(v);
        QVERIFY(!sketch.isExact());
        std::sort(values.begin(), values.end());
        for (double q : kQuantiles) {
            const double exact = exactQuantile(values, q);
            const double got = sketch.quantile(q);
            QVERIFY(got >= -0.001 && got <= 1.0);
            QVERIFY2(std::abs(got - exact) <=
                         std::max(std::abs(exact), 1.0) * QuantileSketch::kRelativeAccuracy,
                     qPrintable(QString::number(got)));
            if (exact <= QuantileSketch::kSmallest)
                QVERIFY(std::abs(got - exact) <= std::max(QuantileSketch::kSmallest, -exact));
        }
        QCOMPARE(sketch.quantile(0.5), 0.0);
    }

    void nanIsIgnored()
    {
        QuantileSketch sketch;
        sketch.add(std::nan(""));
        sketch.add(0.25);
        QCOMPARE(sketch.count(), quint64(1));
        QCOMPARE(sketch.quantile(0.5), 0.25);
    }

    void rankIsTheNearestRank_data()
    {
        QTest::addColumn<double>("q");
        QTest::addColumn<quint64>("count");
        QTest::addColumn<quint64>("rank");
        QTest::newRow("p0 is the least") << 0.0 << quint64(10) << quint64(1);
        QTest::newRow("p50 of 2 is the first") << 0.5 << quint64(2) << quint64(1);
        QTest::newRow("p95 of 2 is the second") << 0.95 << quint64(2) << quint64(2);
        QTest::newRow("p7 of 100, though 0.07 * 100 > 7") << 0.07 << quint64(100) << quint64(7);
        QTest::newRow("p99 of 100") << 0.99 << quint64(100) << quint64(99);
        QTest::newRow("p99 of 101") << 0.99 << quint64(101) << quint64(100);
        QTest::newRow("p100 is the most") << 1.0 << quint64(10) << quint64(10);
    }

    void rankIsTheNearestRank()
    {
        QFETCH(double, q);
        QFETCH(quint64, count);
        QFETCH(quint64, rank);
        QCOMPARE(QuantileSketch::rankOf(q, count), rank);
    }

    // The memory the header states: 8 bytes per bucket between the lowest and highest value.
    void memoryFollowsTheRangeNotTheCount_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("buckets");
        QTest::newRow("1 ms to 60 s") << 0.001 << 60.0 << 551;
        // Just above kSmallest to beyond kLargest: the most there can be.
        QTest::newRow("everything") << 1.000001e-9 << 1e12 << 2074;
    }

    void memoryFollowsTheRangeNotTheCount()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, buckets);
        QuantileSketch sketch;
        sketch.add(low);
        sketch.add(high);
        for (double v : logNormal(100'000, std::sqrt(low * high), 1.0))
            sketch.add(std::clamp(v, low, high));
        QVERIFY(sketch.bytesUsed() <= sizeof(QuantileSketch) + size_t(buckets) * sizeof(quint64));
        QVERIFY(sketch.bytesUsed() >
                sizeof(QuantileSketch) + size_t(buckets - 2) * sizeof(quint64));
    }
};

SPOON_TEST_GUILESS_MAIN(TestQuantileSketch)
#include "tst_quantilesketch.moc"
