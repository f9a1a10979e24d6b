#include "config/configloader.h"
#include "engine.h"
#include "storage/alertstore.h"
#include "storage/store.h"
#include "storage/telemetrystore.h"
#include "telemetry/metricnames.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kMinute = 60'000;
constexpr qint64 kDay = 24 * 60 * kMinute;
// A fixed day, so no test depends on the clock.
constexpr qint64 kNoon = 1'790'000'000'000 - 1'790'000'000'000 % kDay + kDay / 2;
} // namespace

class TestTelemetryStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        SPOON_REQUIRE_BACKEND(backend);
    }

    void llmCallsAreKeptWithEveryField()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        TelemetryStore telemetry(store.pool(), 30);
        LlmCallRecord ok{
            u"openai"_s, u"gpt-4o-mini"_s, u"react"_s, kNoon, 180, 900, 120, 48, false, 1,
            true,        QString()};
        LlmCallRecord cached{
            u"openai"_s, u"gpt-4o-mini"_s, QString(), kNoon + 1, 0, 0, -1, -1, true, 0,
            false,       QString()};
        LlmCallRecord failed{u"anthropic"_s, QString(), u"react"_s, kNoon + 2,   -1, 30000, -1, -1,
                             false,          3,         false,      u"timeout"_s};
        for (const LlmCallRecord &r : {ok, cached, failed})
            telemetry.recordLlmCall(r);
        QCOMPARE(telemetry.pendingRows(), 3);
        QCOMPARE(awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);
        QCOMPARE(telemetry.pendingRows(), 0);

        const StoreResult<QList<LlmCallRecord>> read = awaitFuture(telemetry.llmCalls(kNoon));
        QVERIFY2(read.ok(), qPrintable(read.error.message));
        QCOMPARE(read.value.size(), 3);
        const LlmCallRecord &a = read.value[0];
        QCOMPARE(a.provider, ok.provider);
        QCOMPARE(a.model, ok.model);
        QCOMPARE(a.agent, ok.agent);
        QCOMPARE(a.startedMs, ok.startedMs);
        QCOMPARE(a.firstTokenMs, 180);
        QCOMPARE(a.latencyMs, 900);
        QCOMPARE(a.tokensIn, 120);
        QCOMPARE(a.tokensOut, 48);
        QCOMPARE(a.retries, 1);
        QVERIFY(a.fallback && !a.cacheHit && a.errorKind.isEmpty());
        QVERIFY(read.value[1].cacheHit);
        QCOMPARE(read.value[1].tokensIn, -1);
        QCOMPARE(read.value[2].errorKind, u"timeout"_s);
        QCOMPARE(read.value[2].firstTokenMs, -1);
        QCOMPARE(awaitFuture(telemetry.llmCalls(kNoon + 2)).value.size(), 1);
    }

    void alertEpisodesAreKeptAndAcknowledged()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        AlertStore alerts(store.pool());
        Alert cpu;
        cpu.rule = u"cpu_percent"_s;
        cpu.type = u"cpu_high"_s;
        cpu.value = cpu.peak = 91;
        cpu.threshold = 80;
        cpu.windowSeconds = 60;
        cpu.message = u"Process CPU 91.0 % is above 80 % (1 min average)"_s;
        cpu.startedMs = kNoon;
        Alert memory = cpu;
        memory.rule = u"memory_critical"_s;
        memory.level = AlertLevel::Critical;
        memory.startedMs = kNoon + kMinute;
        QCOMPARE(awaitFuture(alerts.recordFired(cpu)).kind, SqlError::Kind::None);
        QCOMPARE(awaitFuture(alerts.recordFired(memory)).kind, SqlError::Kind::None);
        cpu.peak = 97;
        cpu.endedMs = kNoon + 5 * kMinute;
        QCOMPARE(awaitFuture(alerts.recordResolved(cpu)).kind, SqlError::Kind::None);
        QCOMPARE(awaitFuture(alerts.recordAcknowledged(cpu.rule, cpu.startedMs, kNoon + 10)).kind,
                 SqlError::Kind::None);

        StoreResult<QList<Alert>> read = awaitFuture(alerts.recent(10));
        QVERIFY2(read.ok(), qPrintable(read.error.message));
        QCOMPARE(read.value.size(), 2);
        const Alert &newest = read.value.first();
        QCOMPARE(newest.rule, memory.rule);
        QCOMPARE(newest.level, AlertLevel::Critical);
        QVERIFY(newest.isActive());
        const Alert &past = read.value.last();
        QCOMPARE(past.type, cpu.type);
        QCOMPARE(past.message, cpu.message);
        QCOMPARE(past.value, 91.0);
        QCOMPARE(past.peak, 97.0);
        QCOMPARE(past.threshold, 80.0);
        QCOMPARE(past.windowSeconds, 60.0);
        QCOMPARE(past.endedMs, cpu.endedMs);
        QCOMPARE(past.acknowledgedMs, kNoon + 10);

        // A run that ended with an alert active leaves it to the next to close; this run's
        // own active alerts stay active.
        Alert thisRun = cpu;
        thisRun.startedMs = kNoon + kDay + 1;
        thisRun.endedMs = 0;
        QCOMPARE(awaitFuture(alerts.recordFired(thisRun)).kind, SqlError::Kind::None);
        AlertStore nextRun(store.pool());
        QCOMPARE(awaitFuture(nextRun.closeOrphans(kNoon + kDay)).kind, SqlError::Kind::None);
        read = awaitFuture(nextRun.recent(10));
        QCOMPARE(read.value.size(), 3);
        QVERIFY(read.value.first().isActive());
        QCOMPARE(read.value.at(1).endedMs, kNoon + kDay);
        const StoreResult<qint64> pruned = awaitFuture(alerts.pruneEndedBefore(kNoon + kDay));
        QCOMPARE(pruned.value, 1); // the CPU alert; the memory one ended at the cutoff
        QCOMPARE(awaitFuture(alerts.recent(10)).value.size(), 2);
    }

    void samplesRollUpPerMinute()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        TelemetryStore telemetry(store.pool(), 30);
        const QString cpu = QString::fromLatin1(metric::kProcessCpuPercent.name());
        // One minute: 10, 20, 60; the next: 5. Samples of another figure interleave.
        telemetry.addSample(cpu, kNoon, 10);
        telemetry.addSample(u"other"_s, kNoon, 1);
        telemetry.addSample(cpu, kNoon + 20'000, 20);
        telemetry.addSample(cpu, kNoon + 59'999, 60);
        QCOMPARE(telemetry.pendingRows(), 0); // the minute is still open
        telemetry.addSample(cpu, kNoon + kMinute, 5);
        QCOMPARE(telemetry.pendingRows(), 1); // closed by the first sample of the next
        QCOMPARE(awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);

        const QList<MetricRollup> rows = awaitFuture(telemetry.rollups(cpu, 0)).value;
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].minuteMs, kNoon);
        QCOMPARE(rows[0].average, 30.0);
        QCOMPARE(rows[0].minimum, 10.0);
        QCOMPARE(rows[0].maximum, 60.0);
        QCOMPARE(rows[1].minuteMs, kNoon + kMinute);
        QCOMPARE(rows[1].average, 5.0);
        QCOMPARE(awaitFuture(telemetry.rollups(u"other"_s, 0)).value.size(), 1);

        // The same minute written again (a restart within it) keeps the later figures.
        telemetry.addSample(cpu, kNoon + kMinute + 1, 7);
        QCOMPARE(awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);
        const QList<MetricRollup> again = awaitFuture(telemetry.rollups(cpu, 0)).value;
        QCOMPARE(again.size(), 2);
        QCOMPARE(again[1].average, 7.0);
    }

    // history.retention_days reaches the engine's telemetry store, which prunes by it.
    void theEnginePrunesByTheConfiguredRetention()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        if (backend != DatabaseBackend::Sqlite)
            QSKIP("the wiring is the same for both");
        QTemporaryDir folder;
        const ConfigLoadResult loaded = ConfigLoader::parse(
            u"{\"history\": {\"retention_days\": 2}, \"performance\": {\"database\": "
            u"{\"url\": \"sqlite://%1\"}}}"_s.arg(folder.filePath(u"store.db"_s))
                .toUtf8(),
            u"test.json"_s, QProcessEnvironment());
        QVERIFY(loaded.isValid());
        Engine engine(loaded.config);
        QSignalSpy opened(engine.store(), &Store::opened);
        engine.openStore();
        QVERIFY(!opened.isEmpty() || opened.wait(30000));
        QVERIFY(engine.telemetry());
        QCOMPARE(engine.telemetry()->retentionDays(), 2);
        engine.telemetry()->addSample(u"x"_s, kNoon - 3 * kDay, 1);
        engine.telemetry()->addSample(u"x"_s, kNoon - kDay, 2);
        QCOMPARE(awaitFuture(engine.telemetry()->flush()).kind, SqlError::Kind::None);
        QCOMPARE(awaitFuture(engine.telemetry()->prune(kNoon)).value, 1);
    }

    void oldRowsArePruned()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        TelemetryStore telemetry(store.pool(), 7);
        telemetry.addSample(u"x"_s, kNoon - 8 * kDay, 1);
        telemetry.addSample(u"x"_s, kNoon - 6 * kDay, 2);
        LlmCallRecord old;
        old.provider = u"demo"_s;
        old.startedMs = kNoon - 8 * kDay;
        telemetry.recordLlmCall(old);
        QCOMPARE(awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);
        const StoreResult<qint64> pruned = awaitFuture(telemetry.prune(kNoon));
        QVERIFY2(pruned.ok(), qPrintable(pruned.error.message));
        QCOMPARE(pruned.value, 2);
        const QList<MetricRollup> left = awaitFuture(telemetry.rollups(u"x"_s, 0)).value;
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().average, 2.0);
        QVERIFY(awaitFuture(telemetry.llmCalls(0)).value.isEmpty());
    }
};

SPOON_TEST_GUILESS_MAIN(TestTelemetryStore)
#include "telemetry/metricnames.h"
#include "tst_telemetrystore.moc"
