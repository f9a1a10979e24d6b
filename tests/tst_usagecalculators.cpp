#include "monitor/usagecalculators.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
constexpr qint64 kSecond = 1'000'000'000;

QList<proc::NetInterfaceCounters>
interfaces(std::initializer_list<std::tuple<const char *, quint64, quint64>> list)
{
    QList<proc::NetInterfaceCounters> result;
    for (const auto &[name, rx, tx] : list)
        result.append(proc::NetInterfaceCounters{QByteArray(name), rx, tx});
    return result;
}
} // namespace

class TestUsageCalculators : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void processCpu_data()
    {
        QTest::addColumn<quint64>("ticksUsed");
        QTest::addColumn<qint64>("wallNs");
        QTest::addColumn<double>("expected");
        // 100 ticks per second; 4 cores.
        QTest::newRow("idle") << quint64(0) << kSecond << 0.0;
        QTest::newRow("half a core") << quint64(50) << kSecond << 50.0;
        QTest::newRow("one core") << quint64(100) << kSecond << 100.0;
        QTest::newRow("two cores, as psutil counts") << quint64(400) << 2 * kSecond << 200.0;
        QTest::newRow("tick overshoot clamps at all cores") << quint64(500) << kSecond << 400.0;
    }

    void processCpu()
    {
        QFETCH(quint64, ticksUsed);
        QFETCH(qint64, wallNs);
        QFETCH(double, expected);
        ProcessCpuUsage usage(100, 4);
        QCOMPARE(usage.update(1000, 5 * kSecond), 0.0); // first reading only primes
        QCOMPARE(usage.update(1000 + ticksUsed, 5 * kSecond + wallNs), expected);
    }

    void processCpuCounterGoingBackwardsReadsZero()
    {
        ProcessCpuUsage usage(100, 2);
        usage.update(5000, kSecond);
        QCOMPARE(usage.update(10, 2 * kSecond), 0.0);
        // and counting resumes from the new base
        QCOMPARE(usage.update(60, 3 * kSecond), 50.0);
    }

    void processCpuIgnoresTimeStandingStill()
    {
        ProcessCpuUsage usage(100, 1);
        usage.update(0, kSecond);
        QCOMPARE(usage.update(100, kSecond), 0.0);
    }

    void systemCpu()
    {
        SystemCpuUsage usage;
        proc::SystemCpuTimes t{};
        t.user = 100;
        t.idle = 900;
        QCOMPARE(usage.update(t), 0.0);
        t.user += 30;
        t.system += 20;
        t.idle += 50; // 50 busy of 100
        QCOMPARE(usage.update(t), 50.0);
        t.iowait = 0;
        t.idle -= 10; // idle going backwards must not make busy > 100 %
        t.user += 10;
        const double busy = usage.update(t);
        QVERIFY(busy >= 0.0 && busy <= 100.0);
    }

    void counterTracker()
    {
        CounterTracker tracker;
        QCOMPARE(tracker.update(1000, 0).total, quint64(0));
        auto reading = tracker.update(3048, kSecond);
        QCOMPARE(reading.total, quint64(2048));
        QCOMPARE(reading.perSecond, 2048.0);
        // The kernel counter goes backwards (a reset): nothing is added, no negative rate.
        reading = tracker.update(100, 2 * kSecond);
        QCOMPARE(reading.total, quint64(2048));
        QCOMPARE(reading.perSecond, 0.0);
        reading = tracker.update(612, 4 * kSecond);
        QCOMPARE(reading.total, quint64(2560));
        QCOMPARE(reading.perSecond, 256.0);
    }

    void networkInterfaceAppearingMidRun()
    {
        NetworkTracker tracker;
        tracker.update(interfaces({{"lo", 1000, 1000}, {"eth0", 5000, 7000}}), 0);
        auto reading =
            tracker.update(interfaces({{"lo", 1100, 1100}, {"eth0", 5400, 7200}}), kSecond);
        QCOMPARE(reading.receivedTotal, quint64(500));
        QCOMPARE(reading.sentTotal, quint64(300));
        // A VPN comes up with counters already large: they are not traffic of this interval.
        reading = tracker.update(
            interfaces({{"lo", 1100, 1100}, {"eth0", 5400, 7200}, {"tun0", 900000, 800000}}),
            2 * kSecond);
        QCOMPARE(reading.receivedTotal, quint64(500));
        QCOMPARE(reading.receivedPerSecond, 0.0);
        reading = tracker.update(
            interfaces({{"lo", 1100, 1100}, {"eth0", 5400, 7200}, {"tun0", 901000, 800500}}),
            3 * kSecond);
        QCOMPARE(reading.receivedTotal, quint64(1500));
        QCOMPARE(reading.sentTotal, quint64(800));
        QCOMPARE(reading.receivedPerSecond, 1000.0);
    }

    void networkInterfaceResetOrRemoved()
    {
        NetworkTracker tracker;
        tracker.update(interfaces({{"eth0", 5000, 5000}, {"wlan0", 100, 100}}), 0);
        // eth0 re-created (counters back near zero), wlan0 gone.
        const auto reading = tracker.update(interfaces({{"eth0", 10, 20}}), kSecond);
        QCOMPARE(reading.receivedTotal, quint64(0));
        QCOMPARE(reading.sentTotal, quint64(0));
        const auto next = tracker.update(interfaces({{"eth0", 110, 70}}), 2 * kSecond);
        QCOMPARE(next.receivedTotal, quint64(100));
        QCOMPARE(next.sentTotal, quint64(50));
    }
};

SPOON_TEST_GUILESS_MAIN(TestUsageCalculators)
#include "tst_usagecalculators.moc"
