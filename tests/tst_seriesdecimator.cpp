#include "dashboardframe.h"
#include "monitor/samplehistory.h"
#include "seriesdecimator.h"
#include "timeserieschart.h"

#include <QtTest>

#include <cmath>

#include "support/testenvironment.h"

using namespace spoon;

class TestSeriesDecimator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fewPointsPassThrough()
    {
        SeriesDecimator decimator(100, -10, 0);
        for (int i = -9; i <= 0; ++i)
            decimator.add(i, i * 2.0);
        const QList<QPointF> points = decimator.finish();
        QCOMPARE(points.size(), 10);
        QCOMPARE(points.first(), QPointF(-9, -18));
        QCOMPARE(points.last(), QPointF(0, 0));
    }

    void boundedByTwoPointsPerBucket()
    {
        SeriesDecimator decimator(50, -3600, 0);
        for (int i = -3599; i <= 0; ++i)
            decimator.add(i, std::sin(i / 10.0));
        const QList<QPointF> points = decimator.finish();
        QVERIFY(points.size() <= 100);
        QVERIFY(points.size() >= 50);
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY2(points.at(i - 1).x() <= points.at(i).x(), "points stay in time order");
    }

    void spikesSurvive()
    {
        SeriesDecimator decimator(10, -1000, 0);
        for (int i = -999; i <= 0; ++i)
            decimator.add(i, i == -500 ? 99.0 : (i == -250 ? -5.0 : 1.0));
        const QList<QPointF> points = decimator.finish();
        bool sawSpike = false;
        bool sawDip = false;
        for (const QPointF &p : points) {
            sawSpike = sawSpike || p.y() == 99.0;
            sawDip = sawDip || p.y() == -5.0;
        }
        QVERIFY(sawSpike);
        QVERIFY(sawDip);
    }

    void niceCeiling_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("ceiling");
        QTest::newRow("zero") << 0.0 << 1.0;
        QTest::newRow("7") << 7.0 << 8.0;
        QTest::newRow("9") << 9.0 << 10.0;
        QTest::newRow("12") << 12.0 << 20.0;
        QTest::newRow("21") << 21.0 << 40.0;
        QTest::newRow("41") << 41.0 << 60.0;
        QTest::newRow("61") << 61.0 << 80.0;
        QTest::newRow("81") << 81.0 << 100.0;
        QTest::newRow("100") << 100.0 << 100.0;
        QTest::newRow("0.3") << 0.3 << 0.4;
    }

    void niceCeiling()
    {
        QFETCH(double, value);
        QFETCH(double, ceiling);
        QCOMPARE(TimeSeriesChart::niceCeiling(value), ceiling);
        // The middle tick of a value axis (3 ticks) is a whole figure from 10 up.
        if (ceiling >= 10)
            QCOMPARE(std::fmod(ceiling / 2, 1.0), 0.0);
    }

    void frameFromHistory()
    {
        SampleHistory history(3600);
        for (int i = 0; i < 120; ++i) {
            ProcessSample s;
            s.monotonicMs = 1'000'000 + i * 1000;
            s.cpuPercent = i % 10;
            s.rssBytes = quint64(100 + i) * 1024 * 1024;
            s.diskReadBytes = quint64(i) * 2048;               // 2 KiB/s
            s.netReceivedBytes = quint64(i) * 3 * 1024 * 1024; // 3 MiB/s
            history.append(s);
        }
        const DashboardFrame frame = DashboardFrame::build(history, 60'000, 1000.0, 400);
        // Samples newer than 60 s before the newest: 60 of them, at -59 .. 0 s.
        QCOMPARE(frame.cpu.size(), 60);
        QCOMPARE(frame.cpu.first().x(), -59.0);
        QCOMPARE(frame.cpu.last().x(), 0.0);
        QCOMPARE(frame.cpuMax, 9.0);
        QCOMPARE(frame.rssMaxMb, 219.0);
        QCOMPARE(frame.diskUnit.label, QStringLiteral("KiB/s"));
        QCOMPARE(frame.diskRead.size(), 60); // the sample before the window pairs the first
        QCOMPARE(frame.diskRead.last().y(), 2.0);
        QCOMPARE(frame.netUnit.label, QStringLiteral("MiB/s"));
        QCOMPARE(frame.netMax, 3.0);
        QCOMPARE(frame.netSent.last().y(), 0.0);
    }

    void emptyHistoryGivesEmptyFrame()
    {
        SampleHistory history(10);
        const DashboardFrame frame = DashboardFrame::build(history, 60'000, 1000.0, 400);
        QVERIFY(frame.cpu.isEmpty());
        QCOMPARE(frame.diskUnit.label, QStringLiteral("B/s"));
    }
};

SPOON_TEST_GUILESS_MAIN(TestSeriesDecimator)
#include "tst_seriesdecimator.moc"
