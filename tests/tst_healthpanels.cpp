// The LLM panel and the caches-and-pools panel, offscreen, on registries the test fills
// through the engine's own parts (LlmStats, TtlCache, ComputePool).
#include "cachespanel.h"
#include "llmpanel.h"
#include "metriccard.h"

#include "agent/turnlimiter.h"
#include "cache/ttlcache.h"
#include "compute/computepool.h"
#include "config/config.h"
#include "llm/llmstats.h"
#include "llm/llmusage.h"
#include "llm/requestbatcher.h"
#include "storage/store.h"
#include "storage/telemetrystore.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

Config withPrices()
{
    Config config = Config::defaults();
    ProviderConfig openai{};
    openai.name = QStringLiteral("openai");
    openai.priceInputPerMillion = 2.0;
    openai.priceOutputPerMillion = 8.0;
    config.providers.append(openai);
    ProviderConfig local{};
    local.name = QStringLiteral("local");
    local.priceInputPerMillion = -1;
    local.priceOutputPerMillion = -1;
    config.providers.append(local);
    return config;
}

} // namespace

class TestHealthPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLlmPanelShowsEachProviderAndModel()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        const Config config = withPrices();
        LlmSeries &openai = stats.series(QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        for (int i = 0; i < 4; ++i) {
            openai.requests.add();
            openai.successes.add();
            openai.latency.observe(1.0 + i);
            openai.timeToFirstToken.observe(0.3);
            openai.promptTokens.add(250'000);
            openai.completionTokens.add(50'000);
        }
        openai.requests.add();
        openai.failures(LlmError::Kind::RateLimited).add();
        LlmSeries &local = stats.series(QStringLiteral("local"), QStringLiteral("llama"));
        local.requests.add();
        local.cacheHits.add();

        LlmPanel panel(usage, config);
        panel.resize(480, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setWindowIndex(1); // 5 min: everything above is in it
        panel.refresh();
        QCOMPARE(panel.table()->columnCount(), 2);
        const QString gpt = QStringLiteral("gpt-4o");
        QCOMPARE(panel.cell(LlmPanel::TokensIn, QStringLiteral("openai"), gpt),
                 QLocale().toString(1'000'000));
        QCOMPARE(panel.cell(LlmPanel::TokensOut, QStringLiteral("openai"), gpt),
                 QLocale().toString(200'000));
        // 1 M in at 2 and 0.2 M out at 8 per million: 3.6.
        QCOMPARE(panel.cell(LlmPanel::Cost, QStringLiteral("openai"), gpt),
                 QLocale().toString(3.6, 'f', 4));
        QCOMPARE(panel.cell(LlmPanel::Cost, QStringLiteral("local"), QStringLiteral("llama")),
                 QStringLiteral("—")); // no price, no cost
        QCOMPARE(panel.cell(LlmPanel::RequestsPerMinute, QStringLiteral("openai"), gpt),
                 QLocale().toString(1.0, 'f', 1)); // 5 calls over 5 minutes
        const QString errors = panel.cell(LlmPanel::Errors, QStringLiteral("openai"), gpt);
        QVERIFY2(errors.contains(QStringLiteral("rate_limited")), qPrintable(errors));
        QCOMPARE(panel.cell(LlmPanel::CacheHits, QStringLiteral("local"), QStringLiteral("llama")),
                 QStringLiteral("1"));
        const QString latency =
            panel.cell(LlmPanel::LatencyPercentiles, QStringLiteral("openai"), gpt);
        // p50 / p95 / p99 of 1, 2, 3 and 4 s: calls' own times, none above the slowest.
        const QLocale locale;
        QCOMPARE(latency, QStringLiteral("%1 s / %2 s / %2 s")
                              .arg(locale.toString(2.0, 'f', 2), locale.toString(4.0, 'f', 2)));
        QCOMPARE(panel.latencyCard()->headline(),
                 QStringLiteral("%1 s").arg(locale.toString(4.0, 'f', 2)));
        QVERIFY(panel.summary().contains(QStringLiteral("6 calls")));
        QVERIFY(panel.summary().contains(QLocale().toString(3.6, 'f', 4)));
        QVERIFY(panel.latencyCard()->headline() != QStringLiteral("—"));
    }

    // The week comes from the store's LLM calls, and is offered only once there is a store.
    void theWeekComesFromTheStoredCalls()
    {
        QTemporaryDir folder;
        DatabaseTarget target;
        target.sqlitePath = folder.filePath(QStringLiteral("store.db"));
        Store store(target, {1, 2, 60000, 10000});
        QVERIFY(test::awaitFuture(store.open()).ok());
        TelemetryStore telemetry(store.pool(), 30);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 3; ++i) {
            LlmCallRecord r;
            r.provider = QStringLiteral("openai");
            r.model = QStringLiteral("gpt-4o");
            r.startedMs = now - 3 * 86'400'000LL + i; // three days ago: before this run
            r.latencyMs = 2000;
            r.firstTokenMs = 400;
            r.tokensIn = 1000;
            r.tokensOut = 100;
            telemetry.recordLlmCall(r);
        }
        QCOMPARE(test::awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);

        MetricsRegistry registry;
        LlmUsageTracker usage(registry);
        const Config config = withPrices();
        LlmPanel panel(usage, config);
        auto *windows = panel.findChild<QComboBox *>(QStringLiteral("llmWindow"));
        QVERIFY(windows);
        auto *model = qobject_cast<QStandardItemModel *>(windows->model());
        QVERIFY(!model->item(4)->isEnabled()); // no store yet
        QSignalSpy loaded(&panel, &LlmPanel::storedCallsLoaded);
        panel.setCallSource(&telemetry);
        QVERIFY(model->item(4)->isEnabled());
        panel.setWindowIndex(4);
        QVERIFY(panel.drawsFromStore());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        const QString gpt = QStringLiteral("gpt-4o");
        QCOMPARE(panel.cell(LlmPanel::TokensIn, QStringLiteral("openai"), gpt),
                 QLocale().toString(3000));
        QVERIFY(panel.summary().contains(QStringLiteral("3 calls")));
        // 3000 in at 2 and 300 out at 8 per million: 0.0084.
        QCOMPARE(panel.cell(LlmPanel::Cost, QStringLiteral("openai"), gpt),
                 QLocale().toString(0.0084, 'f', 4));
        // With a store the last day comes from it too; the three-day-old calls are not in it.
        panel.setWindowIndex(3);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 2, 30000);
        QCOMPARE(panel.summary(), QStringLiteral("No LLM call in this window."));
    }

    void anEmptyWindowSaysSo()
    {
        MetricsRegistry registry;
        LlmUsageTracker usage(registry);
        const Config config = Config::defaults();
        LlmPanel panel(usage, config);
        panel.refresh();
        QCOMPARE(panel.table()->columnCount(), 0);
        QCOMPARE(panel.summary(), QStringLiteral("No LLM call in this window."));
        QCOMPARE(panel.latencyCard()->headline(), QStringLiteral("—"));
    }

    void eachCacheGetsACardWithItsHitRate()
    {
        MetricsRegistry registry;
        TtlCache<int> llmCache(10, 0);
        llmCache.publish(registry, "llm");
        TtlCache<int> toolCache(4, 0);
        toolCache.publish(registry, "tool:http_request");
        const CacheKey a = CacheKey::ofBytes("a");
        llmCache.put(a, 1);
        llmCache.get(a);
        llmCache.get(a);
        llmCache.get(a);
        llmCache.get(CacheKey::ofBytes("missing"));
        for (int i = 0; i < 6; ++i)
            toolCache.put(CacheKey::ofBytes(QByteArray::number(i)), i); // 2 evicted

        CachesPanel panel(registry);
        panel.resize(700, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.sample(1'790'000'000'000);
        QCOMPARE(panel.cacheNames(),
                 (QStringList{QStringLiteral("llm"), QStringLiteral("tool:http_request")}));
        MetricCard *llm = panel.cacheCard(QStringLiteral("llm"));
        QVERIFY(llm);
        QCOMPARE(llm->headline(), QLocale().toString(75.0, 'f', 1) + QStringLiteral(" %"));
        QVERIFY2(llm->summary().startsWith(QStringLiteral("1 of 10 entries")),
                 qPrintable(llm->summary()));
        MetricCard *tool = panel.cacheCard(QStringLiteral("tool:http_request"));
        QVERIFY(tool);
        QCOMPARE(tool->headline(), QStringLiteral("—")); // no lookup yet
        QVERIFY2(tool->summary().contains(QStringLiteral("4 of 4 entries · 2 evicted")),
                 qPrintable(tool->summary()));
    }

    // The engine's caches are named for what they hold, in words a translator sees (the card
    // showed the registry label, "TOOLS" in every language); one hit is no "1 hits".
    void theEnginesCachesAreNamedForWhatTheyHold()
    {
        MetricsRegistry registry;
        TtlCache<int> toolCache(4, 0);
        toolCache.publish(registry, "tools");
        const CacheKey a = CacheKey::ofBytes("a");
        toolCache.put(a, 1);
        toolCache.get(a);
        CachesPanel panel(registry);
        panel.show(); // cards are made when drawn
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.sample(1'790'000'000'000);
        MetricCard *card = panel.cacheCard(QStringLiteral("tools"));
        QVERIFY(card);
        auto *title = card->findChild<QLabel *>(QStringLiteral("cardTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), CachesPanel::tr("Tool results"));
        QVERIFY(!card->legend().contains(QStringLiteral("1 hits")));
        QVERIFY(!card->legend().contains(QStringLiteral("1 lookups")));
        QVERIFY2(card->legend().contains(QStringLiteral("1")), qPrintable(card->legend()));
    }

    void thePoolsShowTheirFigures()
    {
        MetricsRegistry registry;
        ComputePool compute(3, &registry);
        CachesPanel panel(registry);
        panel.sample(1'790'000'000'000);
        QVERIFY2(panel.poolText(QStringLiteral("compute"))
                     .startsWith(QStringLiteral("0 of 3 workers busy")),
                 qPrintable(panel.poolText(QStringLiteral("compute"))));
        QVERIFY(panel.poolText(QStringLiteral("http")).contains(QStringLiteral("in flight")));
        TurnLimiter turns(2, &registry);
        turns.enqueue();
        turns.enqueue();
        QVERIFY(turns.tryTake(1));
        turns.enqueue();
        panel.sample(1'790'000'001'000);
        QCOMPARE(panel.poolText(QStringLiteral("agents")),
                 QStringLiteral("1 of 2 turns running · 2 waiting for a slot"));
        QVERIFY(panel.poolText(QStringLiteral("database")).contains(QStringLiteral("waiting")));

        // The batcher's figures (docs/llm.md names them) show beside the pools.
        RequestBatcher batcher(5, 60'000);
        batcher.publish(registry);
        batcher.enqueue(QStringLiteral("demo/m"), [] {}); // an idle lane: leaves at once
        batcher.enqueue(QStringLiteral("demo/m"), [] {}); // waits for its batch
        panel.sample(1'790'000'002'000);
        QCOMPARE(panel.poolText(QStringLiteral("batcher")),
                 QStringLiteral("batches sent: 1 · requests that waited in a batch: 0, that "
                                "left at once: 1 · waiting now: 1"));
    }

    // Query percentiles are queries' own times, not the inside of a wide bucket.
    void theDatabasePercentilesAreQueriesTimes()
    {
        MetricsRegistry registry;
        Histogram &queries = registry.histogram(metric::kDbQuerySeconds, {0.005, 0.05, 0.5});
        for (double seconds : {0.002, 0.003, 0.004, 0.030})
            queries.observe(seconds);
        CachesPanel panel(registry);
        panel.sample(1'790'000'000'000);
        const QLocale locale;
        const QString text = panel.poolText(QStringLiteral("database"));
        QVERIFY2(
            text.contains(QStringLiteral("p50 %1 ms, p95 %2 ms")
                              .arg(locale.toString(3.0, 'f', 1), locale.toString(30.0, 'f', 1))),
            qPrintable(text));
    }
};

SPOON_TEST_MAIN(TestHealthPanels)
#include "tst_healthpanels.moc"
