// The batcher's limits are upper bounds: a request whose lane is idle leaves at once; others
// gather only while their lane has requests waiting or running.
#include "llm/requestbatcher.h"
#include "telemetry/metricnames.h"

#include <QSignalSpy>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
const QString kLane = QStringLiteral("demo\x1f"
                                     "model");
}

class TestRequestBatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aLoneRequestLeavesAtOnce()
    {
        RequestBatcher batcher(5, 100'000);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        bool started = false;
        batcher.enqueue(kLane, [&started] { started = true; });
        QVERIFY(started); // not after the batch timeout
        QCOMPARE(released.count(), 1);
        QCOMPARE(released.first().first().toInt(), 1);
        QCOMPARE(batcher.running(), 1);
        QCOMPARE(batcher.requestsSentAtOnce(), quint64(1));
    }

    // While one runs, the next ones gather; a full batch leaves at once.
    void requestsGatherWhileOneRunsAndLeaveWhenFull()
    {
        RequestBatcher batcher(3, 100'000);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        QList<int> started;
        for (int i = 0; i < 3; ++i)
            batcher.enqueue(kLane, [&started, i] { started.append(i); });
        QCOMPARE(started, (QList<int>{0})); // the first alone; two wait for company
        QCOMPARE(batcher.waiting(), 2);
        batcher.enqueue(kLane, [&started] { started.append(3); });
        QCOMPARE(started, (QList<int>{0, 1, 2, 3}));
        QCOMPARE(released.count(), 2);
        QCOMPARE(released.last().first().toInt(), 3);
        QCOMPARE(batcher.running(), 4);
        QCOMPARE(batcher.waiting(), 0);
    }

    // Fifty callers at once: every batch holds batch_size or fewer, and everyone starts.
    void manyCallersLeaveInBatchesOfAtMostTheSize_data()
    {
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<int>("callers");
        QTest::newRow("5 of 50") << 5 << 50;
        QTest::newRow("3 of 10") << 3 << 10;
        QTest::newRow("1 of 7") << 1 << 7;
    }
    void manyCallersLeaveInBatchesOfAtMostTheSize()
    {
        QFETCH(int, batchSize);
        QFETCH(int, callers);
        RequestBatcher batcher(batchSize, 100'000);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        QList<quint64> tickets;
        int started = 0;
        for (int i = 0; i < callers; ++i)
            tickets.append(batcher.enqueue(kLane, [&started] { ++started; }));
        // What is left waits for its batch to fill, its timer or its lane to fall idle.
        for (const quint64 ticket : std::as_const(tickets))
            batcher.done(ticket);
        QCOMPARE(started, callers);
        int total = 0;
        for (const QList<QVariant> &batch : std::as_const(released)) {
            QVERIFY(batch.first().toInt() >= 1);
            QVERIFY2(batch.first().toInt() <= batchSize, qPrintable(batch.first().toString()));
            total += batch.first().toInt();
        }
        QCOMPARE(total, callers);
        QCOMPARE(batcher.running(), 0);
        QCOMPARE(batcher.waiting(), 0);
    }

    void aBatchLeavesWhenItsTimerFires()
    {
        RequestBatcher batcher(5, 200);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        int started = 0;
        batcher.enqueue(kLane, [&started] { ++started; }); // runs, and keeps running
        QElapsedTimer clock;
        clock.start();
        batcher.enqueue(kLane, [&started] { ++started; });
        batcher.enqueue(kLane, [&started] { ++started; });
        QCOMPARE(started, 1);
        QVERIFY(released.wait(5000));
        QCOMPARE(started, 3);
        QCOMPARE(released.last().first().toInt(), 2);
        QVERIFY(clock.elapsed() >= 150); // a timer never fires early
    }

    // Nothing left to gather for: when the lane's last running request ends, what waits
    // goes.
    void aBatchLeavesWhenItsLaneFallsIdle()
    {
        RequestBatcher batcher(5, 100'000);
        int started = 0;
        const quint64 first = batcher.enqueue(kLane, [&started] { ++started; });
        batcher.enqueue(kLane, [&started] { ++started; });
        QCOMPARE(started, 1);
        batcher.done(first);
        QCOMPARE(started, 2);
        QCOMPARE(batcher.waiting(), 0);
    }

    void lanesDoNotWaitForEachOther()
    {
        RequestBatcher batcher(5, 100'000);
        QStringList started;
        batcher.enqueue(kLane, [&started] { started.append(QStringLiteral("a")); });
        batcher.enqueue(QStringLiteral("demo\x1f"
                                       "other"),
                        [&started] { started.append(QStringLiteral("b")); });
        batcher.enqueue(QStringLiteral("backup\x1f"
                                       "model"),
                        [&started] { started.append(QStringLiteral("c")); });
        QCOMPARE(started,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    void withdrawnRequestsNeverStart()
    {
        RequestBatcher batcher(3, 100);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        bool ranWithdrawn = false;
        int ranOther = 0;
        batcher.enqueue(kLane, [&] { ++ranOther; }); // runs
        const quint64 ticket = batcher.enqueue(kLane, [&] { ranWithdrawn = true; });
        batcher.enqueue(kLane, [&] { ++ranOther; });
        QVERIFY(batcher.withdraw(ticket));
        QVERIFY(!batcher.withdraw(ticket));
        QVERIFY(released.wait(5000));
        QVERIFY(!ranWithdrawn);
        QCOMPARE(ranOther, 2);
        // A running request cannot be withdrawn; done() is how it leaves.
        QVERIFY(!batcher.withdraw(1));
    }

    // A request that fails as it starts reports done() from inside its release; the batch
    // it came with still starts whole.
    void aReleaseMayEndAtOnce()
    {
        RequestBatcher batcher(2, 100'000);
        RequestBatcher *b = &batcher;
        int started = 0;
        const quint64 first = batcher.enqueue(kLane, [&started] { ++started; });
        quint64 second = 0;
        second = batcher.enqueue(kLane, [&started, &second, first, b] {
            ++started;
            b->done(first);
            b->done(second);
        });
        batcher.enqueue(kLane, [&started] { ++started; }); // fills the batch: both leave
        QCOMPARE(started, 3);
        QCOMPARE(batcher.running(), 1);
        QCOMPARE(batcher.waiting(), 0);
    }

    void itsFiguresAreInTheRegistry()
    {
        MetricsRegistry registry;
        RequestBatcher batcher(2, 100'000);
        batcher.publish(registry);
        const quint64 first = batcher.enqueue(kLane, [] {});
        batcher.enqueue(kLane, [] {});
        QCOMPARE(registry.value(metric::kLlmBatchWaiting), 1.0);
        batcher.done(first);
        QCOMPARE(registry.value(metric::kLlmBatches), 2.0);
        QCOMPARE(registry.value(metric::kLlmBatchRequests, {{"sent", "at_once"}}), 1.0);
        QCOMPARE(registry.value(metric::kLlmBatchRequests, {{"sent", "in_batch"}}), 1.0);
        QCOMPARE(registry.value(metric::kLlmBatchWaiting), 0.0);
    }
};

SPOON_TEST_GUILESS_MAIN(TestRequestBatcher)
#include "tst_requestbatcher.moc"
