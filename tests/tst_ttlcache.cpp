#include "cache/ttlcache.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <list>
#include <map>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
struct ManualClock
{
    const qint64 *now;
    qint64 nowMs() const { return *now; }
};

CacheKey key(int n)
{
    return CacheKey::ofBytes(QByteArray::number(n));
}

enum KeyShape
{
    Digests,
    OneHome,
    OneHomeOneTag
};

// The table's home chunk comes from the first word's low bits and the tag from its top 7,
// so keys that differ only in later words collide on purpose.
CacheKey shapedKey(KeyShape shape, int n)
{
    if (shape == Digests)
        return key(n);
    std::array<quint64, 4> words{};
    words[0] = shape == OneHome ? quint64(n % 128) << 57 : 0;
    words[1] = quint64(n) + 1;
    return CacheKey::fromDigest(
        QByteArrayView(reinterpret_cast<const char *>(words.data()), sizeof(words)));
}
} // namespace

class TestTtlCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hitsMissesAndStats()
    {
        TtlCache<QString> cache(10, 3600'000);
        QVERIFY(!cache.get(key(1)));
        cache.put(key(1), QStringLiteral("one"));
        QCOMPARE(*cache.get(key(1)), QStringLiteral("one"));
        QCOMPARE(*cache.get(key(1)), QStringLiteral("one"));
        const CacheStats stats = cache.stats();
        QCOMPARE(stats.hits, quint64(2));
        QCOMPARE(stats.misses, quint64(1));
        QCOMPARE(stats.size, 1);
        QCOMPARE(stats.capacity, 10);
        QCOMPARE(stats.hitRate(), 2.0 / 3.0);
    }

    // As the seed's CachedTool: the oldest put goes first, and a hit does not change that.
    void evictsTheOldestPut()
    {
        TtlCache<int> cache(3, 0);
        cache.put(key(1), 1);
        cache.put(key(2), 2);
        cache.put(key(3), 3);
        QVERIFY(cache.get(key(1)));
        cache.put(key(4), 4);
        QVERIFY(!cache.contains(key(1)));
        QVERIFY(cache.contains(key(2)));
        cache.put(key(2), 22); // a put again makes 2 the newest; 3 is now the oldest
        cache.put(key(5), 5);
        QVERIFY(!cache.contains(key(3)));
        QCOMPARE(*cache.get(key(2)), 22);
        QVERIFY(cache.contains(key(4)));
        QVERIFY(cache.contains(key(5)));
        QCOMPARE(cache.stats().evictions, quint64(2));
        QCOMPARE(cache.size(), 3);
    }

    // Put order is expiry order, so a put drops what has expired before it evicts anything.
    void aPutDropsExpiredEntriesFirst()
    {
        qint64 now = 0;
        TtlCache<int, ManualClock> cache(3, 1000, ManualClock{&now});
        cache.put(key(1), 1);
        now = 400;
        cache.put(key(2), 2);
        now = 1000;
        cache.put(key(3), 3); // 1 has expired: it goes, nothing is evicted
        QCOMPARE(cache.size(), 2);
        QVERIFY(!cache.contains(key(1)));
        QCOMPARE(cache.stats().expirations, quint64(1));
        cache.put(key(4), 4);
        QCOMPARE(cache.stats().evictions, quint64(0));
        now = 2000;
        cache.put(key(5), 5); // 2, 3 and 4 have all expired
        QCOMPARE(cache.size(), 1);
        QCOMPARE(cache.stats().expirations, quint64(4));
        QCOMPARE(*cache.get(key(5)), 5);
    }

    void getOrPutMakesOnlyOnAMiss()
    {
        qint64 now = 0;
        TtlCache<QString, ManualClock> cache(2, 1000, ManualClock{&now});
        int made = 0;
        const auto make = [&made] { return QStringLiteral("made %1").arg(++made); };
        QCOMPARE(cache.getOrPut(key(1), make), QStringLiteral("made 1"));
        QCOMPARE(cache.getOrPut(key(1), make), QStringLiteral("made 1"));
        QCOMPARE(made, 1);
        now = 1000; // expired: made again
        QCOMPARE(cache.getOrPut(key(1), make), QStringLiteral("made 2"));
        cache.getOrPut(key(2), make);
        cache.getOrPut(key(3), make); // full: 1 goes
        QVERIFY(!cache.contains(key(1)));
        const CacheStats stats = cache.stats();
        QCOMPARE(stats.hits, quint64(1));
        QCOMPARE(stats.misses, quint64(4));
        QCOMPARE(stats.expirations, quint64(1));
        QCOMPARE(stats.evictions, quint64(1));
        QCOMPARE(cache.size(), 2);
    }

    // The engine's clock: refreshed by its own thread, never ahead of the kernel's.
    void theTickClockAdvances()
    {
        const TickClock clock;
        const qint64 start = clock.nowMs();
        QVERIFY(start > 0);
        QTRY_VERIFY_WITH_TIMEOUT(clock.nowMs() > start, 20 * TickClock::kTickMs);
        QVERIFY(clock.nowMs() <= QDeadlineTimer::current(Qt::CoarseTimer).deadline() + 1);
    }

    // Unread, the ticker stops after a quiet spell (an idle process wakes for nothing); the
    // next read starts it again and gets the time of that moment, not the time it stopped.
    void theTickClockRestsWhenUnread()
    {
        const TickClock clock;
        QVERIFY(clock.nowMs() > 0);
        QVERIFY(TickClock::isTicking());
        QTRY_VERIFY_WITH_TIMEOUT(!TickClock::isTicking(),
                                 (TickClock::kQuietTicks + 5) * TickClock::kTickMs);
        const qint64 before = QDeadlineTimer::current(Qt::CoarseTimer).deadline();
        const qint64 read = clock.nowMs();
        QVERIFY(TickClock::isTicking());
        // CLOCK_MONOTONIC_COARSE trails the precise clock by at most a jiffy (4-10 ms).
        QVERIFY2(read >= before - 20, qPrintable(QStringLiteral("%1 < %2").arg(read).arg(before)));
        QVERIFY(read <= QDeadlineTimer::current(Qt::CoarseTimer).deadline() + 1);
        // And it keeps ticking while read.
        QTRY_VERIFY_WITH_TIMEOUT(clock.nowMs() > read, 20 * TickClock::kTickMs);
    }

    void expiresAfterTheTtl()
    {
        qint64 now = 1000;
        TtlCache<int, ManualClock> cache(10, 3600'000, ManualClock{&now});
        cache.put(key(1), 1);
        now += 3599'999;
        QVERIFY(cache.get(key(1)));
        now += 1; // the TTL counts from put, not from the last get (as the seed's CachedTool)
        QVERIFY(!cache.get(key(1)));
        QCOMPARE(cache.stats().expirations, quint64(1));
        QCOMPARE(cache.size(), 0);
        // A put refreshes the entry's age.
        cache.put(key(2), 2);
        now += 3000'000;
        cache.put(key(2), 22);
        now += 3000'000;
        QCOMPARE(*cache.get(key(2)), 22);
    }

    void replaceKeepsOneEntry()
    {
        TtlCache<int> cache(2, 0);
        cache.put(key(1), 1);
        cache.put(key(1), 11);
        QCOMPARE(cache.size(), 1);
        QCOMPARE(*cache.get(key(1)), 11);
    }

    void removeAndClear()
    {
        TtlCache<int> cache(5, 0);
        for (int i = 0; i < 5; ++i)
            cache.put(key(i), i);
        QVERIFY(cache.remove(key(2)));
        QVERIFY(!cache.remove(key(2)));
        QCOMPARE(cache.size(), 4);
        QCOMPARE(cache.clear(), 4);
        QCOMPARE(cache.size(), 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!cache.contains(key(i)));
        cache.put(key(9), 9); // usable again after clear
        QCOMPARE(*cache.get(key(9)), 9);
    }

    void matchesAReferenceModel_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("keySpace");
        QTest::addColumn<int>("keyShape");
        QTest::newRow("capacity 1") << 1 << 4 << int(Digests);
        QTest::newRow("small, heavy churn") << 8 << 64 << int(Digests);
        QTest::newRow("medium") << 100 << 300 << int(Digests);
        QTest::newRow("mostly hits") << 500 << 520 << int(Digests);
        // Every key's home is one chunk, so runs overflow into the next chunks and erases
        // must undo the overflow counts; with one tag too, every slot's tag matches.
        QTest::newRow("one home chunk") << 100 << 300 << int(OneHome);
        QTest::newRow("one home chunk, one tag") << 100 << 300 << int(OneHomeOneTag);
    }

    void matchesAReferenceModel()
    {
        // An obviously correct insertion-order cache (std::list + std::map) checked against
        // the real one over random operations, so tag matching, chunk overflow, erasing
        // and the put-order links all get exercised.
        QFETCH(int, capacity);
        QFETCH(int, keySpace);
        QFETCH(int, keyShape);
        const auto keyOf = [keyShape](int n) { return shapedKey(KeyShape(keyShape), n); };
        TtlCache<int> cache(capacity, 0);
        std::list<int> order; // front = newest put
        std::map<int, int> values;
        QRandomGenerator random(5);
        for (int op = 0; op < 50000; ++op) {
            const int k = random.bounded(keySpace);
            const int choice = random.bounded(10);
            if (choice < 5) {
                const int *got = cache.get(keyOf(k));
                const auto it = values.find(k);
                QCOMPARE(got != nullptr, it != values.end());
                if (got)
                    QCOMPARE(*got, it->second);
            } else if (choice < 9) {
                cache.put(keyOf(k), op);
                if (values.count(k)) {
                    order.remove(k);
                } else if (int(values.size()) == capacity) {
                    values.erase(order.back());
                    order.pop_back();
                }
                values[k] = op;
                order.push_front(k);
            } else {
                QCOMPARE(cache.remove(keyOf(k)), values.erase(k) == 1);
                order.remove(k);
            }
            QCOMPARE(cache.size(), qsizetype(values.size()));
        }
        for (int k = 0; k < keySpace; ++k) // nothing lost or kept by mistake at the end
            QCOMPARE(cache.contains(keyOf(k)), values.count(k) == 1);
    }

    void countsIntoTheRegistry()
    {
        MetricsRegistry registry;
        TtlCache<int> cache(2, 0);
        cache.publish(registry, "llm");
        cache.put(key(1), 1);
        cache.get(key(1));
        cache.get(key(2));
        cache.put(key(2), 2);
        cache.put(key(3), 3);
        const MetricLabels llm{{"cache", "llm"}};
        QCOMPARE(registry.value(metric::kCacheHits, llm), 1.0);
        QCOMPARE(registry.value(metric::kCacheMisses, llm), 1.0);
        QCOMPARE(registry.value(metric::kCacheEvictions, llm), 1.0);
        QCOMPARE(registry.value(metric::kCacheEntries, llm), 2.0);
        QCOMPARE(cache.stats().hits, quint64(1)); // the same figures, read back
    }

    void publishedSeriesGoWithTheCache()
    {
        MetricsRegistry registry;
        {
            TtlCache<int> cache(2, 0);
            cache.publish(registry, "tools");
            QVERIFY(registry.value(metric::kCacheEntries, {{"cache", "tools"}}).has_value());
        }
        QVERIFY(!registry.value(metric::kCacheEntries, {{"cache", "tools"}}).has_value());
        // A snapshot (what the dashboard and exporter read) no longer lists the cache's series,
        // so nothing reads a destroyed cache.
        for (const MetricFamilySnapshot &family : registry.snapshot()) {
            for (const MetricSample &sample : family.samples)
                QVERIFY2(std::find(sample.labels.begin(), sample.labels.end(),
                                   std::pair<QByteArray, QByteArray>("cache", "tools")) ==
                             sample.labels.end(),
                         family.name.constData());
        }
    }

    void keysAreCanonical()
    {
        const QJsonObject a{{QStringLiteral("b"), 1}, {QStringLiteral("a"), QJsonArray{1, 2}}};
        QJsonObject b;
        b.insert(QStringLiteral("a"), QJsonArray{1, 2});
        b.insert(QStringLiteral("b"), 1);
        QCOMPARE(CacheKey::ofJson(a), CacheKey::ofJson(b));
        QVERIFY(!(CacheKey::ofJson(a) == CacheKey::ofJson(QJsonObject{{QStringLiteral("b"), 2}})));
        const CacheKey k = CacheKey::ofBytes("x");
        QCOMPARE(CacheKey::fromHex(k.toHex()), k);
        QCOMPARE(k.toHex().size(), 64);
    }
};

SPOON_TEST_GUILESS_MAIN(TestTtlCache)
#include "telemetry/metricnames.h"
#include "tst_ttlcache.moc"
