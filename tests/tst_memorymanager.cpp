// The memory manager: every registered part gives back what it can, RSS is read before and
// after, and the memory_critical alert starts a cleanup by itself.
#include "agent/agentcatalog.h"
#include "engine.h"
#include "llm/llmrouter.h"
#include "monitor/alertengine.h"
#include "monitor/memorymanager.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QSignalSpy>
#include <QtTest>

#include "support/markingtranslator.h"
#include "support/testenvironment.h"

using namespace spoon;

class TestMemoryManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPartGivesBackAndTheCleanupSaysWhat()
    {
        MetricsRegistry registry;
        MemoryManager memory(registry);
        int calls = 0;
        memory.addPart(QStringLiteral("cache A"), [&] {
            ++calls;
            return qint64(12);
        });
        memory.addPart(QStringLiteral("cache B"), [&] {
            ++calls;
            return qint64(0);
        });
        QSignalSpy cleaned(&memory, &MemoryManager::cleanedUp);
        memory.cleanup(QStringLiteral("manual"));
        QCOMPARE(calls, 2); // the parts give back at once, on this thread
        // The heap is trimmed off this thread: the result comes back later, through the loop.
        QCOMPARE(cleaned.size(), 0);
        QVERIFY(cleaned.wait(10'000));
        const MemoryCleanup done = cleaned.first().first().value<MemoryCleanup>();
        QCOMPARE(done.dropped.size(), 2);
        QCOMPARE(done.dropped.first(), (std::pair<QString, qint64>{QStringLiteral("cache A"), 12}));
        QVERIFY(done.rssBefore > 0 && done.rssAfter > 0);
        QCOMPARE(cleaned.size(), 1);
        QVERIFY(done.describe().contains(QStringLiteral("cache A 12")));
        QCOMPARE(registry.value(metric::kMemoryCleanups).value_or(0), 1.0);
        const Alert event = done.toAlert();
        QCOMPARE(event.rule, QStringLiteral("memory_cleanup"));
        QVERIFY(!event.isActive());
        QCOMPARE(event.message, done.describe());
    }

    // describe() shows in the status bar and, as an alert, in the toast and the Alerts tab.
    void theCleanupTextIsTranslated()
    {
        MetricsRegistry registry;
        MemoryManager memory(registry);
        QSignalSpy cleaned(&memory, &MemoryManager::cleanedUp);
        memory.cleanup(QStringLiteral("manual"));
        QVERIFY(cleaned.wait(10'000));
        const MemoryCleanup done = cleaned.first().first().value<MemoryCleanup>();
        const QString english = done.describe();
        QVERIFY(english.startsWith(QStringLiteral("Memory cleanup (manual): RSS ")));
        QVERIFY(english.endsWith(QStringLiteral("; let go: nothing")));
        const MarkingTranslator translator("spoon::MemoryCleanup", QStringLiteral("T:"));
        const QString translated = done.describe();
        QVERIFY2(translated.startsWith(QStringLiteral("T:Memory cleanup (manual): RSS ")),
                 qPrintable(translated));
        QVERIFY2(translated.endsWith(QStringLiteral("; let go: T:nothing")),
                 qPrintable(translated));
        QCOMPARE(done.toAlert().message, translated);
    }

    void aPartWhoseOwnerIsGoneIsSkipped()
    {
        MetricsRegistry registry;
        MemoryManager memory(registry);
        int calls = 0;
        {
            QObject owner;
            memory.addPart(
                QStringLiteral("gone"),
                [&] {
                    ++calls;
                    return qint64(1);
                },
                &owner);
        }
        QSignalSpy cleaned(&memory, &MemoryManager::cleanedUp);
        memory.cleanup(QStringLiteral("manual"));
        QVERIFY(cleaned.wait(10'000));
        QVERIFY(cleaned.first().first().value<MemoryCleanup>().dropped.isEmpty());
        QCOMPARE(calls, 0);
    }

    // Grow the LLM cache past a small limit: the critical alert fires, the cleanup empties
    // the caches and RSS falls.
    void theCriticalLevelCleansUpAndRssFalls()
    {
        const quint64 baseline = MemoryManager::residentBytesNow();
        QVERIFY(baseline > 0);
        constexpr quint64 kMiB = 1024 * 1024;
        Config config = Config::defaults();
        // Critical at 90 % of (baseline + 100 MiB): about 90 MiB of growth crosses it.
        config.performance.agents.memoryLimitMb = int(baseline / kMiB) + 100;
        config.monitoring.thresholds.memoryPercent = 100;
        config.monitoring.thresholds.cpuPercent = 100000;
        config.monitoring.alerts.rules[QStringLiteral("memory_critical")].window = 1;
        config.monitoring.alerts.rules[QStringLiteral("memory_warning")].window = 1;
        config.performance.llm.cacheSize = 1000;
        Engine engine(config);
        QSignalSpy fired(&engine.alerts(), &AlertEngine::alertFired);
        QSignalSpy cleaned(&engine.memory(), &MemoryManager::cleanedUp);
        engine.monitor().sampleNow();
        QCOMPARE(cleaned.size(), 0); // below the limit: nothing to do

        for (int i = 0; i < 100; ++i) {
            ChatResponse response;
            response.text = QString(1024 * 1024, QChar(u'a' + i % 26)); // 2 MiB each
            engine.llm().cache().put(CacheKey::ofBytes(QByteArray::number(i)), response);
        }
        QCOMPARE(engine.llm().cache().size(), 100);
        engine.monitor().sampleNow();
        QTRY_COMPARE(cleaned.size(), 1);
        const MemoryCleanup done = cleaned.first().first().value<MemoryCleanup>();
        QCOMPARE(done.reason, QStringLiteral("critical"));
        QCOMPARE(engine.llm().cache().size(), 0);
        QCOMPARE(done.dropped.first(),
                 (std::pair<QString, qint64>{QStringLiteral("LLM cache entries"), 100}));
        bool criticalFired = false;
        for (const QList<QVariant> &args : std::as_const(fired))
            criticalFired |= args.first().value<Alert>().rule == QStringLiteral("memory_critical");
        QVERIFY(criticalFired);
#if !defined(__SANITIZE_ADDRESS__)
        // (AddressSanitizer keeps freed memory in quarantine, so RSS only falls without it.)
        QVERIFY2(done.rssAfter + 100 * kMiB < done.rssBefore,
                 qPrintable(QStringLiteral("RSS %1 -> %2").arg(done.rssBefore).arg(done.rssAfter)));
#endif
    }
};

SPOON_TEST_GUILESS_MAIN(TestMemoryManager)
#include "tst_memorymanager.moc"
