#include "monitor/procparsers.h"

#include <QFile>
#include <QtTest>

#include "support/fixtures.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {
QByteArray fixture(const QString &name)
{
    return spoon::test::readFixture(QStringLiteral("proc/") + name);
}
} // namespace

class TestProcParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("comm");
        QTest::addColumn<char>("state");
        QTest::addColumn<quint64>("utime");
        QTest::addColumn<quint64>("stime");
        QTest::addColumn<qint64>("threads");
        QTest::addColumn<quint64>("vsize");
        QTest::addColumn<qint64>("rssPages");
        QTest::newRow("normal") << "stat_normal" << QByteArray("spoon-console") << 'S'
                                << quint64(150) << quint64(42) << qint64(7) << quint64(325763072)
                                << qint64(4567);
        // The name holds spaces and ')' itself; only the last ')' ends it (proc(5)).
        QTest::newRow("name with spaces and parentheses")
            << "stat_odd_comm" << QByteArray("my (odd) proc) S") << 'R' << quint64(3000)
            << quint64(1000) << qint64(12) << quint64(1073741824) << qint64(2048);
    }

    void stat()
    {
        QFETCH(QString, file);
        const auto parsed = proc::parseProcStat(fixture(file));
        QVERIFY(parsed.has_value());
        QTEST(parsed->comm, "comm");
        QTEST(parsed->state, "state");
        QTEST(parsed->utimeTicks, "utime");
        QTEST(parsed->stimeTicks, "stime");
        QTEST(parsed->numThreads, "threads");
        QTEST(parsed->vsizeBytes, "vsize");
        QTEST(parsed->rssPages, "rssPages");
    }

    void statRejectsBrokenText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("truncated") << fixture(QStringLiteral("stat_truncated"));
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no parentheses") << QByteArray("123 name S 1 2 3");
        QTest::newRow("letters for numbers")
            << QByteArray("1 (x) S 1 1 1 0 -1 0 0 0 0 0 abc def 0 0 20 0 1 0 1 1 1");
    }

    void statRejectsBrokenText()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!proc::parseProcStat(text).has_value());
    }

    void status()
    {
        const auto parsed = proc::parseProcStatus(fixture(QStringLiteral("status_normal")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->vmRssBytes, quint64(18268) * 1024);
        QCOMPARE(parsed->vmSizeBytes, quint64(318128) * 1024);
        QCOMPARE(parsed->threads, qint64(7));
        QCOMPARE(parsed->vmHwmBytes, quint64(19000) * 1024);
        QCOMPARE(parsed->vmSwapBytes, quint64(0));
    }

    void statusOfKernelThreadHasNoMemory()
    {
        const auto parsed = proc::parseProcStatus(fixture(QStringLiteral("status_kernel_thread")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->vmRssBytes, quint64(0));
        QCOMPARE(parsed->threads, qint64(1));
        QVERIFY(!proc::parseProcStatus(QByteArray("garbage\n")).has_value());
    }

    void io()
    {
        const auto parsed = proc::parseProcIo(fixture(QStringLiteral("io_normal")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->readBytes, quint64(4096));
        QCOMPARE(parsed->writeBytes, quint64(1052672));
        QCOMPARE(parsed->rchar, quint64(1948302));
        QCOMPARE(parsed->wchar, quint64(58123));
    }

    void ioUnreadableGivesNothing()
    {
        // An unreadable /proc/self/io reads as empty text (EACCES under some sandboxes).
        QVERIFY(!proc::parseProcIo(QByteArray()).has_value());
        QVERIFY(!proc::parseProcIo(QByteArray("rchar: 1\nwchar: 2\n")).has_value());
    }

    void netDev()
    {
        const auto parsed = proc::parseNetDev(fixture(QStringLiteral("netdev_normal")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->size(), 2);
        QCOMPARE(parsed->at(0).name, QByteArray("lo"));
        QCOMPARE(parsed->at(1).name, QByteArray("eth0"));
        QCOMPARE(parsed->at(1).rxBytes, quint64(98765432));
        QCOMPARE(parsed->at(1).txBytes, quint64(1234567));
        QVERIFY(!proc::parseNetDev(fixture(QStringLiteral("netdev_garbage"))).has_value());
        QVERIFY(!proc::parseNetDev(QByteArray()).has_value());
    }

    void netDevWithoutSpaceAfterColon()
    {
        // Large counters on old kernels run into the colon: "eth0:123 ...".
        const QByteArray text = "Inter-|   Receive |  Transmit\n face |bytes |bytes\n"
                                "eth0:4294967296 1 0 0 0 0 0 0 77 1 0 0 0 0 0 0\n";
        const auto parsed = proc::parseNetDev(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->at(0).rxBytes, quint64(4294967296));
        QCOMPARE(parsed->at(0).txBytes, quint64(77));
    }

    void statm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("size");
        QTest::addColumn<quint64>("resident");
        QTest::newRow("linux") << QByteArray("63507 13845 9011 1 0 7812 0\n") << true
                               << quint64(63507) << quint64(13845);
        QTest::newRow("extra spaces") << QByteArray("  5  3  ") << true << quint64(5) << quint64(3);
        QTest::newRow("one field") << QByteArray("63507\n") << false << quint64(0) << quint64(0);
        QTest::newRow("words") << QByteArray("a b c") << false << quint64(0) << quint64(0);
        QTest::newRow("trailing letters")
            << QByteArray("5 3x") << false << quint64(0) << quint64(0);
        QTest::newRow("negative") << QByteArray("-1 2") << false << quint64(0) << quint64(0);
        QTest::newRow("empty") << QByteArray() << false << quint64(0) << quint64(0);
    }

    void statm()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(quint64, size);
        QFETCH(quint64, resident);
        const auto parsed = proc::parseProcStatm(text);
        QCOMPARE(parsed.has_value(), ok);
        if (ok) {
            QCOMPARE(parsed->sizePages, size);
            QCOMPARE(parsed->residentPages, resident);
        }
    }

    void memInfo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<quint64>("total");
        QTest::addColumn<quint64>("available");
        QTest::newRow("MemAvailable")
            << "meminfo_normal" << quint64(24600000) * 1024 << quint64(20000000) * 1024;
        // Before Linux 3.14: free + buffers + cached.
        QTest::newRow("old kernel") << "meminfo_old_kernel" << quint64(2048000) * 1024
                                    << quint64(512000 + 100000 + 300000) * 1024;
    }

    void memInfo()
    {
        QFETCH(QString, file);
        const auto parsed = proc::parseMemInfo(fixture(file));
        QVERIFY(parsed.has_value());
        QTEST(parsed->totalBytes, "total");
        QTEST(parsed->availableBytes, "available");
        QVERIFY(!proc::parseMemInfo(QByteArray("MemFree: 1 kB\n")).has_value());
    }

    void systemStat()
    {
        const auto parsed = proc::parseSystemStat(fixture(QStringLiteral("stat_system")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->cpuCount, 2);
        QCOMPARE(parsed->user, quint64(10132153));
        QCOMPARE(parsed->idle, quint64(46828483));
        QCOMPARE(parsed->steal, quint64(0));
        QCOMPARE(parsed->total(),
                 quint64(10132153 + 290696 + 3084719 + 46828483 + 16683 + 0 + 25195 + 0));
        QVERIFY(!proc::parseSystemStat(QByteArray("intr 1 2 3\n")).has_value());
    }

    void realProcFilesParse()
    {
        // The parsers also agree with this kernel's real files.
        for (const char *path : {"/proc/self/stat", "/proc/self/status", "/proc/meminfo",
                                 "/proc/net/dev", "/proc/stat"}) {
            QFile file(QString::fromLatin1(path));
            QVERIFY2(file.open(QIODevice::ReadOnly), path);
            const QByteArray text = file.readAll();
            bool ok = false;
            if (QByteArrayView(path) == "/proc/self/stat")
                ok = proc::parseProcStat(text).has_value();
            else if (QByteArrayView(path) == "/proc/self/status")
                ok = proc::parseProcStatus(text).has_value();
            else if (QByteArrayView(path) == "/proc/meminfo")
                ok = proc::parseMemInfo(text).has_value();
            else if (QByteArrayView(path) == "/proc/net/dev")
                ok = proc::parseNetDev(text).has_value();
            else
                ok = proc::parseSystemStat(text).has_value();
            QVERIFY2(ok, path);
        }
    }
};

SPOON_TEST_GUILESS_MAIN(TestProcParsers)
#include "tst_procparsers.moc"
