#include "monitor/samplehistory.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <deque>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

ProcessSample sampleAt(qint64 ms, double cpu, quint64 rssKiB, double memPercent, quint64 counter)
{
    ProcessSample s;
    s.monotonicMs = ms;
    s.wallClockMs = 1'700'000'000'000 + ms;
    s.cpuPercent = cpu;
    s.rssBytes = rssKiB * 1024;
    s.memoryPercent = memPercent;
    s.diskReadBytes = counter;
    s.diskWriteBytes = 2 * counter;
    s.netSentBytes = 3 * counter;
    s.netReceivedBytes = 4 * counter;
    return s;
}

// The seed's get_performance_summary(), by brute force over what the history should hold.
WindowSummary bruteForce(const std::deque<ProcessSample> &held, qint64 windowMs, bool heldAll)
{
    WindowSummary summary;
    if (held.empty())
        return summary;
    const qint64 cutoff = held.back().monotonicMs - windowMs;
    std::vector<ProcessSample> in;
    const ProcessSample *before = nullptr;
    for (const ProcessSample &s : held) {
        if (s.monotonicMs > cutoff)
            in.push_back(s);
        else
            before = &s;
    }
    summary.sampleCount = int(in.size());
    double sumCpu = 0, sumMem = 0;
    float minCpu = float(in.front().cpuPercent), maxCpu = minCpu;
    quint64 maxRss = 0;
    for (const ProcessSample &s : in) {
        sumCpu += float(s.cpuPercent);
        sumMem += float(s.memoryPercent);
        minCpu = std::min(minCpu, float(s.cpuPercent));
        maxCpu = std::max(maxCpu, float(s.cpuPercent));
        maxRss = std::max(maxRss, s.rssBytes);
    }
    summary.cpuAvg = sumCpu / in.size();
    summary.cpuMin = minCpu;
    summary.cpuMax = maxCpu;
    summary.memoryAvgPercent = sumMem / in.size();
    summary.memoryPeakMb = double(maxRss) / 1024 / 1024;
    summary.memoryCurrentMb = double(in.back().rssBytes) / 1024 / 1024;
    const quint64 base = before ? before->diskReadBytes : (heldAll ? 0 : in.front().diskReadBytes);
    summary.diskReadInWindowBytes = in.back().diskReadBytes - base;
    summary.diskReadTotalBytes = in.back().diskReadBytes;
    return summary;
}

} // namespace

class TestSampleHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyHistorySummaryIsEmpty()
    {
        SampleHistory history(10);
        QVERIFY(history.summary(60'000).isEmpty());
        QCOMPARE(history.size(), 0);
    }

    void seedSummaryFields()
    {
        SampleHistory history(100);
        // Four samples a second apart: cpu 10, 20, 30, 40; rss 100..400 MiB.
        for (int i = 1; i <= 4; ++i)
            history.append(sampleAt(i * 1000, i * 10.0, quint64(i) * 100 * 1024, i * 1.0,
                                    quint64(i) * 1024 * 1024));
        const WindowSummary all = history.summary(60'000);
        QCOMPARE(all.sampleCount, 4);
        QCOMPARE(all.cpuAvg, 25.0);
        QCOMPARE(all.cpuMin, 10.0);
        QCOMPARE(all.cpuMax, 40.0);
        QCOMPARE(all.memoryCurrentMb, 400.0);
        QCOMPARE(all.memoryPeakMb, 400.0);
        QCOMPARE(all.memoryAvgPercent, 2.5);
        QCOMPARE(all.diskReadTotalBytes, quint64(4) * 1024 * 1024);
        QCOMPARE(all.diskWriteTotalBytes, quint64(8) * 1024 * 1024);
        QCOMPARE(all.diskReadInWindowBytes, quint64(4) * 1024 * 1024);

        // The window (4000 - 1500, 4000] holds the samples at 3 s and 4 s.
        const WindowSummary recent = history.summary(1'500);
        QCOMPARE(recent.sampleCount, 2);
        QCOMPARE(recent.cpuAvg, 35.0);
        QCOMPARE(recent.cpuMin, 30.0);
        QCOMPARE(recent.diskReadInWindowBytes, quint64(2) * 1024 * 1024);
        QCOMPARE(recent.netReceivedInWindowBytes, quint64(8) * 1024 * 1024);
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("samples");
        QTest::newRow("tiny, wraps many times") << 1 << 500;
        QTest::newRow("less than a block") << 63 << 400;
        QTest::newRow("exactly a block") << 64 << 400;
        QTest::newRow("a block and one") << 65 << 400;
        QTest::newRow("not yet full") << 1000 << 700;
        QTest::newRow("full and wrapped") << 1000 << 5000;
    }

    void matchesBruteForce()
    {
        QFETCH(int, capacity);
        QFETCH(int, samples);
        SampleHistory history(capacity);
        std::deque<ProcessSample> all;
        QRandomGenerator random(42);
        quint64 counter = 0;
        for (int i = 0; i < samples; ++i) {
            counter += random.bounded(1000);
            const ProcessSample s =
                sampleAt(1000 + i * 1000, random.bounded(400.0),
                         quint64(random.bounded(1, 1 << 20)), random.bounded(100.0), counter);
            history.append(s);
            all.push_back(s);
        }
        // The history keeps at least `capacity` samples and never more than it was given.
        QVERIFY(history.size() >= std::min(capacity, samples));
        QVERIFY(history.size() <= samples);
        std::deque<ProcessSample> held(all.end() - history.size(), all.end());
        const bool heldAll = history.size() == samples;
        for (qint64 window :
             {1'000LL, 5'000LL, 60'000LL, 63'000LL, 64'000LL, 65'000LL, 300'000LL, 10'000'000LL}) {
            const WindowSummary got = history.summary(window);
            const WindowSummary want = bruteForce(held, window, heldAll);
            const QByteArray where = "window " + QByteArray::number(window);
            QVERIFY2(got.sampleCount == want.sampleCount, where.constData());
            QVERIFY2(qAbs(got.cpuAvg - want.cpuAvg) < 1e-6, where.constData());
            QVERIFY2(got.cpuMin == want.cpuMin, where.constData());
            QVERIFY2(got.cpuMax == want.cpuMax, where.constData());
            QVERIFY2(qAbs(got.memoryPeakMb - want.memoryPeakMb) < 1e-9, where.constData());
            QVERIFY2(qAbs(got.memoryCurrentMb - want.memoryCurrentMb) < 1e-9, where.constData());
            QVERIFY2(qAbs(got.memoryAvgPercent - want.memoryAvgPercent) < 1e-6, where.constData());
            QVERIFY2(got.diskReadTotalBytes == want.diskReadTotalBytes, where.constData());
            QVERIFY2(got.diskReadInWindowBytes == want.diskReadInWindowBytes, where.constData());
        }
    }

    void visitsWindowInOrder()
    {
        SampleHistory history(200);
        for (int i = 0; i < 300; ++i)
            history.append(sampleAt(i * 1000, i, 1, 1, 0));
        QList<qint64> seen;
        history.forEachSince(289'000, [&](const HistoryPoint &p) { seen.append(p.monotonicMs); });
        QCOMPARE(seen, (QList<qint64>{290'000, 291'000, 292'000, 293'000, 294'000, 295'000, 296'000,
                                      297'000, 298'000, 299'000}));
    }

    void clockStepBackwardsKeepsOrder()
    {
        SampleHistory history(10);
        history.append(sampleAt(5000, 1, 1, 1, 0));
        history.append(sampleAt(4000, 2, 1, 1, 0)); // a monotonic clock never does this
        QCOMPARE(history.latest().monotonicMs, 5000);
        QCOMPARE(history.summary(1).sampleCount, 2);
    }

    void generationCountsAppends()
    {
        SampleHistory history(4);
        for (int i = 0; i < 10; ++i)
            history.append(sampleAt(i, 0, 0, 0, 0));
        QCOMPARE(history.generation(), quint64(10));
    }

    void dayAtOneHertzFitsBudget()
    {
        // DESIGN.md: 24 h at 1 Hz in <= 8 MB.
        SampleHistory history(86'400);
        QVERIFY2(history.memoryBytes() <= 8u * 1024 * 1024,
                 qPrintable(QString::number(history.memoryBytes())));
        QVERIFY(sizeof(HistoryPoint) <= 72); // the budget the comment in samplehistory.h gives
    }
};

SPOON_TEST_GUILESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
