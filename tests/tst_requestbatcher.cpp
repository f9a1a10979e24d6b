#include "llm/requestbatcher.h"

#include <QSignalSpy>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestRequestBatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void leavesWhenFull()
    {
        RequestBatcher batcher(5, 10'000);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        QList<int> started;
        for (int i = 0; i < 4; ++i)
            batcher.enqueue([&started, i] { started.append(i); });
        QCOMPARE(started.size(), 0);
        batcher.enqueue([&started] { started.append(4); });
        QCOMPARE(started, (QList<int>{0, 1, 2, 3, 4}));
        QCOMPARE(released.count(), 1);
        QCOMPARE(released.first().first().toInt(), 5);
    }

    void leavesWhenItsTimerFires()
    {
        RequestBatcher batcher(5, 200);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        int started = 0;
        QElapsedTimer clock;
        clock.start();
        batcher.enqueue([&started] { ++started; });
        batcher.enqueue([&started] { ++started; });
        QVERIFY(released.wait(2000));
        QCOMPARE(started, 2);
        QCOMPARE(released.first().first().toInt(), 2);
        QVERIFY(clock.elapsed() >= 150);
    }

    void eachBatchHasItsOwnClock()
    {
        RequestBatcher batcher(2, 100'000);
        int started = 0;
        for (int i = 0; i < 5; ++i)
            batcher.enqueue([&started] { ++started; });
        QCOMPARE(started, 4); // two full batches left; the fifth waits for company
        QCOMPARE(batcher.waiting(), 1);
        QCOMPARE(batcher.batchesReleased(), quint64(2));
    }

    void withdrawnRequestsNeverStart()
    {
        RequestBatcher batcher(3, 100);
        QSignalSpy released(&batcher, &RequestBatcher::batchReleased);
        bool ranWithdrawn = false;
        int ranOther = 0;
        const quint64 ticket = batcher.enqueue([&] { ranWithdrawn = true; });
        batcher.enqueue([&] { ++ranOther; });
        QVERIFY(batcher.withdraw(ticket));
        QVERIFY(!batcher.withdraw(ticket));
        QVERIFY(released.wait(2000));
        QVERIFY(!ranWithdrawn);
        QCOMPARE(ranOther, 1);
    }

    void sizeOneIsNoBatching()
    {
        RequestBatcher batcher(1, 1000);
        int started = 0;
        batcher.enqueue([&started] { ++started; });
        QCOMPARE(started, 1);
    }
};

SPOON_TEST_GUILESS_MAIN(TestRequestBatcher)
#include "tst_requestbatcher.moc"
