#include "monitor/processsampler.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <time.h>
#include <unistd.h>

#include "support/fixtures.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

// The units the fixtures count in, whatever machine runs the test.
constexpr ProcessSampler::Machine kFixtureMachine{100, 4096, 4};

// A fake /proc tree in a temporary folder, written file by file as a test needs.
class FakeProc
{
public:
    FakeProc()
    {
        QDir root(m_dir.path());
        root.mkpath(QStringLiteral("self/fd"));
        root.mkpath(QStringLiteral("net"));
        for (const char *fd : {"0", "1", "2"})
            write(QStringLiteral("self/fd/") + QLatin1String(fd), "");
        copy(QStringLiteral("stat_normal"), QStringLiteral("self/stat"));
        copy(QStringLiteral("status_normal"), QStringLiteral("self/status"));
        copy(QStringLiteral("io_normal"), QStringLiteral("self/io"));
        copy(QStringLiteral("netdev_normal"), QStringLiteral("net/dev"));
        copy(QStringLiteral("meminfo_normal"), QStringLiteral("meminfo"));
        copy(QStringLiteral("stat_system"), QStringLiteral("stat"));
    }

    QString root() const { return m_dir.path(); }

    void write(const QString &relative, const QByteArray &text)
    {
        QFile file(m_dir.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    }

    void copy(const QString &fixture, const QString &relative)
    {
        write(relative, spoon::test::readFixture(QStringLiteral("proc/") + fixture));
    }

    void remove(const QString &relative) { QFile::remove(m_dir.filePath(relative)); }

    void setCpuTicks(quint64 utime, quint64 stime)
    {
        write(QStringLiteral("self/stat"),
              QStringLiteral("1 (spoon-console) S 1 1 1 0 -1 0 0 0 0 0 %1 %2 0 0 20 0 7 0 1 "
                             "325763072 4567\n")
                  .arg(utime)
                  .arg(stime)
                  .toLatin1());
    }

    void setNet(const QByteArray &rows)
    {
        write(QStringLiteral("net/dev"),
              "Inter-|   Receive  |  Transmit\n face |bytes |bytes\n" + rows);
    }

    void setIo(quint64 read, quint64 written)
    {
        write(QStringLiteral("self/io"),
              QStringLiteral("rchar: 0\nwchar: 0\nsyscr: 0\nsyscw: 0\nread_bytes: %1\n"
                             "write_bytes: %2\ncancelled_write_bytes: 0\n")
                  .arg(read)
                  .arg(written)
                  .toLatin1());
    }

private:
    QTemporaryDir m_dir;
};

struct ManualClock
{
    qint64 ns = 1'000'000'000;
    ProcessSampler::Clock clock()
    {
        return {[this] { return ns; }, [this] { return 1'700'000'000'000 + ns / 1'000'000; }};
    }
};

QByteArray netRow(const char *name, quint64 rx, quint64 tx)
{
    return QStringLiteral("%1: %2 0 0 0 0 0 0 0 %3 0 0 0 0 0 0 0\n")
        .arg(QLatin1String(name))
        .arg(rx)
        .arg(tx)
        .toLatin1();
}

constexpr qint64 kSecond = 1'000'000'000;

} // namespace

class TestProcessSampler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryFigure()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine);
        const ProcessSample s = sampler.sample();
        // From stat: rss in pages, vsize in bytes, the same figures status shows.
        QCOMPARE(s.rssBytes, quint64(4567) * kFixtureMachine.pageSize);
        QCOMPARE(s.vmsBytes, quint64(318128) * 1024);
        QCOMPARE(s.threads, 7);
        QCOMPARE(s.peakRssBytes, quint64(19000) * 1024); // VmHWM, from status
        QCOMPARE(s.swapBytes, quint64(0));
        QCOMPARE(s.openFds, 3);
        QCOMPARE(s.memoryTotalBytes, quint64(24600000) * 1024);
        QCOMPARE(s.memoryAvailableBytes, quint64(20000000) * 1024);
        QVERIFY(qAbs(s.memoryPercent - 100.0 * 18268 / 24600000) < 1e-9);
        QVERIFY(s.diskIoAvailable);
        QCOMPARE(s.cpuPercent, 0.0); // first sample primes the delta
        QCOMPARE(s.netSentBytes, quint64(0));
        QCOMPARE(s.monotonicMs, 1000);
    }

    void cpuFollowsTheMachinesClockTick_data()
    {
        QTest::addColumn<int>("ticksPerSecond");
        QTest::addColumn<double>("percent");
        // 100 ticks of CPU over 2 s of wall time.
        QTest::newRow("USER_HZ 100") << 100 << 50.0;
        QTest::newRow("USER_HZ 250") << 250 << 20.0;
        QTest::newRow("USER_HZ 1000") << 1000 << 5.0;
    }
    void cpuFollowsTheMachinesClockTick()
    {
        QFETCH(int, ticksPerSecond);
        QFETCH(double, percent);
        FakeProc proc;
        ManualClock time;
        ProcessSampler::Machine machine = kFixtureMachine;
        machine.ticksPerSecond = ticksPerSecond;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), machine);
        proc.setCpuTicks(100, 0);
        sampler.sample();
        time.ns += 2 * kSecond;
        proc.setCpuTicks(150, 50);
        QCOMPARE(sampler.sample().cpuPercent, percent);
    }

    void cpuAndRatesBetweenSamples()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine);
        sampler.setChartsShown(true); // the network every sample
        proc.setCpuTicks(100, 0);
        proc.setIo(0, 0);
        proc.setNet(netRow("eth0", 1000, 1000));
        sampler.sample();

        time.ns += 2 * kSecond;
        proc.setCpuTicks(150, 50); // 100 ticks at 100 Hz = 1 s of CPU in 2 s
        proc.setIo(8192, 4096);
        proc.setNet(netRow("eth0", 5000, 3000));
        const ProcessSample s = sampler.sample();
        QCOMPARE(s.cpuPercent, 50.0);
        QCOMPARE(s.diskReadBytes, quint64(8192));
        QCOMPARE(s.diskWriteBytes, quint64(4096));
        QCOMPARE(s.diskReadPerSecond, 4096.0);
        QCOMPARE(s.netReceivedBytes, quint64(4000));
        QCOMPARE(s.netSentPerSecond, 1000.0);
    }

    void unreadableIoIsReportedNotFatal()
    {
        FakeProc proc;
        proc.remove(QStringLiteral("self/io"));
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine);
        ProcessSample s = sampler.sample();
        QVERIFY(!s.diskIoAvailable);
        QCOMPARE(s.diskReadBytes, quint64(0));
        QVERIFY(s.rssBytes > 0); // everything else still read

        // When the file becomes readable later, it is picked up.
        proc.setIo(100, 100);
        time.ns += kSecond;
        s = sampler.sample();
        QVERIFY(s.diskIoAvailable);
    }

    void counterGoingBackwardsDoesNotGoNegative()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine);
        proc.setIo(10000, 10000);
        proc.setCpuTicks(1000, 0);
        sampler.sample();
        time.ns += kSecond;
        proc.setIo(10, 10);
        proc.setCpuTicks(10, 0);
        const ProcessSample s = sampler.sample();
        QCOMPARE(s.diskReadBytes, quint64(0));
        QCOMPARE(s.diskReadPerSecond, 0.0);
        QCOMPARE(s.cpuPercent, 0.0);
    }

    void interfaceAppearingMidRun()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine);
        sampler.setChartsShown(true); // the network every sample
        proc.setNet(netRow("lo", 100, 100));
        sampler.sample();
        time.ns += kSecond;
        proc.setNet(netRow("lo", 200, 200) + netRow("wg0", 50'000'000, 60'000'000));
        ProcessSample s = sampler.sample();
        QCOMPARE(s.netReceivedBytes, quint64(100));
        QCOMPARE(s.netSentBytes, quint64(100));
        time.ns += kSecond;
        proc.setNet(netRow("lo", 200, 200) + netRow("wg0", 50'000'500, 60'000'000));
        s = sampler.sample();
        QCOMPARE(s.netReceivedBytes, quint64(600));
        QCOMPARE(s.netReceivedPerSecond, 500.0);
    }

    void malformedFileKeepsLastGoodFigures()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine,
                               1);
        const ProcessSample first = sampler.sample();
        proc.write(QStringLiteral("self/status"), "garbage");
        proc.write(QStringLiteral("meminfo"), "");
        time.ns += kSecond;
        const ProcessSample second = sampler.sample();
        QCOMPARE(second.peakRssBytes, first.peakRssBytes);
        QCOMPARE(second.memoryTotalBytes, first.memoryTotalBytes);
        QCOMPARE(second.memoryAvailableBytes, first.memoryAvailableBytes);
        proc.write(QStringLiteral("self/stat"), "1 (x");
        time.ns += kSecond;
        QCOMPARE(sampler.sample().rssBytes, first.rssBytes);
    }

    void slowFiguresAreReadEveryNthSample()
    {
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine,
                               3);
        QList<quint64> available;
        for (int i = 0; i < 7; ++i) {
            proc.write(
                QStringLiteral("meminfo"),
                QStringLiteral("MemTotal: 1000 kB\nMemAvailable: %1 kB\n").arg(100 + i).toLatin1());
            time.ns += kSecond;
            available.append(sampler.sample().memoryAvailableBytes / 1024);
        }
        // Read on samples 0, 3 and 6; carried forward in between.
        QCOMPARE(available, (QList<quint64>{100, 100, 100, 103, 103, 103, 106}));
    }

    // The machine's CPU and the network (/proc/stat and net/dev cost the most) are read with
    // the slow figures, and every sample while the dashboard shows them.
    void machineCpuAndNetworkAreReadEveryNthSampleUnlessShown_data()
    {
        QTest::addColumn<bool>("shown");
        QTest::addColumn<QList<bool>>("read");
        QTest::newRow("not shown")
            << false << QList<bool>{true, false, false, true, false, false, true};
        QTest::newRow("shown") << true << QList<bool>{true, true, true, true, true, true, true};
    }
    void machineCpuAndNetworkAreReadEveryNthSampleUnlessShown()
    {
        QFETCH(bool, shown);
        QFETCH(QList<bool>, read);
        FakeProc proc;
        ManualClock time;
        ProcessSampler sampler(proc.root(), QStringLiteral("self"), time.clock(), kFixtureMachine,
                               3);
        sampler.setChartsShown(shown);
        QList<bool> changed;
        QList<bool> netRead;
        double last = -1;
        for (int i = 0; i < 7; ++i) {
            // Busy time grows faster each second, so each read gives a new share.
            const quint64 busy = quint64(10 * i * (i + 1));
            proc.setNet(netRow("eth0", quint64(1000 * i * (i + 1)), 0));
            proc.write(
                QStringLiteral("stat"),
                QStringLiteral("cpu  %1 0 0 %2 0 0 0 0 0 0\n").arg(busy).arg(1000 * i).toLatin1());
            time.ns += kSecond;
            const ProcessSample sample = sampler.sample();
            changed.append(i == 0 || sample.systemCpuPercent != last);
            last = sample.systemCpuPercent;
            netRead.append(sample.netReceivedBytes == quint64(1000 * i * (i + 1)));
        }
        QCOMPARE(changed, read);
        QCOMPARE(netRead, read);
    }

    void realProcessHasPlausibleFigures()
    {
        ProcessSampler sampler;
        sampler.sample();
        // Use 200 ms of CPU (not of wall time, which a busy machine would stretch) so the
        // second sample has something to measure.
        const auto cpuNs = [] {
            timespec now{};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
            return qint64(now.tv_sec) * kSecond + now.tv_nsec;
        };
        const qint64 start = cpuNs();
        volatile double sink = 0;
        while (cpuNs() - start < 200'000'000)
            sink = sink + 1.0;
        const ProcessSample s = sampler.sample();
        QVERIFY(s.rssBytes > 1024 * 1024);
        QVERIFY(s.vmsBytes >= s.rssBytes);
        QVERIFY(s.threads >= 1);
        QVERIFY(s.openFds >= 3);
        QVERIFY(s.memoryTotalBytes > s.memoryAvailableBytes);
        QVERIFY2(s.cpuPercent > 0.0 &&
                     s.cpuPercent <= 100.0 * ProcessSampler::thisMachine().onlineCpus,
                 qPrintable(QString::number(s.cpuPercent)));
        QVERIFY(s.wallClockMs > 1'600'000'000'000);
    }
};

SPOON_TEST_GUILESS_MAIN(TestProcessSampler)
#include "tst_processsampler.moc"
