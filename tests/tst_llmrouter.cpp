// The router: cache, batcher, coalescing and the fallback chain, with real local servers.
#include "config/configloader.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/requestbatcher.h"
#include "llm/retrypolicy.h"
#include "net/httppool.h"
#include "net/httpserver.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include "support/llmcallrun.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;

namespace {

// A demo endpoint that also counts what reached it.
struct Endpoint
{
    Endpoint()
    {
        demo.setTokensPerSecond(0);
        demo.listen();
    }
    QString url() const { return demo.baseUrl() + QStringLiteral("/v1"); }
    DemoServer demo;
};

struct Router
{
    Router(const QByteArray &configJson, QProcessEnvironment env)
        : loaded(ConfigLoader::parse(configJson, QStringLiteral("test.json"), env))
        , pool(HttpPoolLimits{}, &registry)
        , stats(registry)
        , router(loaded.config, pool, stats)
    {
        router.setRetryPolicy(RetryPolicy(1, 10, 20));
    }
    ConfigLoadResult loaded;
    MetricsRegistry registry;
    HttpPool pool;
    LlmStats stats;
    LlmRouter router;
};

QByteArray config(const QString &primary, const QString &backup, const char *llm = "{}")
{
    return QStringLiteral(
               R"({"providers": {"primary": {"base_url": "%1", "model": "p-model", "needs_key": true},
                                             "backup": {"base_url": "%2", "model": "b-model", "needs_key": true}},
                              "llm_settings": {"default_provider": "primary", "fallback_chain": ["backup"]},
                              "performance": {"llm": %3}})")
        .arg(primary, backup, QString::fromLatin1(llm))
        .toUtf8();
}

QProcessEnvironment keys()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PRIMARY_API_KEY"), QStringLiteral("k-primary-0123456789abcdef"));
    env.insert(QStringLiteral("BACKUP_API_KEY"), QStringLiteral("k-backup-0123456789abcdef"));
    return env;
}

} // namespace

class TestLlmRouter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void secondIdenticalRequestComesFromTheCache()
    {
        Endpoint primary, backup;
        Router r(config(primary.url(), backup.url()), keys());
        QVERIFY2(r.loaded.isValid(), qPrintable(r.loaded.diagnostics.value(0).toString()));
        const CallOutcome first = runCall(r.router.send(ask(QStringLiteral("hello"))));
        QVERIFY(!first.error.isError());
        QVERIFY(!first.response.cached);
        const CallOutcome second = runCall(r.router.send(ask(QStringLiteral("hello"))));
        QVERIFY(!second.error.isError());
        QVERIFY(second.response.cached);
        QCOMPARE(second.response.text, first.response.text);
        QCOMPARE(second.streamed,
                 first.response.text); // a cached answer still streams to the caller
        QCOMPARE(primary.demo.requestsServed(), 1);
        QCOMPARE(r.registry.value(metric::kLlmCacheHits,
                                  {{"provider", "primary"}, {"model", "spoon-demo"}}),
                 1.0);
        QCOMPARE(r.router.cache().stats().hits, quint64(1));
    }

    void whatBypassesTheCache_data()
    {
        QTest::addColumn<QByteArray>("llm");
        QTest::addColumn<bool>("cacheAllowed");
        QTest::addColumn<bool>("noCache");
        QTest::addColumn<double>("secondTemperature");
        QTest::addColumn<int>("requests");
        QTest::newRow("same request, cache on") << QByteArray("{}") << true << false << -1.0 << 1;
        QTest::newRow("cache_enabled false in config")
            << QByteArray("{\"cache_enabled\": false}") << true << false << -1.0 << 2;
        QTest::newRow("the agent's cache_enabled false")
            << QByteArray("{}") << false << false << -1.0 << 2;
        QTest::newRow("--no-cache") << QByteArray("{}") << true << true << -1.0 << 2;
        QTest::newRow("another temperature is another key")
            << QByteArray("{}") << true << false << 0.9 << 2;
    }

    void whatBypassesTheCache()
    {
        QFETCH(QByteArray, llm);
        QFETCH(bool, cacheAllowed);
        QFETCH(bool, noCache);
        QFETCH(double, secondTemperature);
        Endpoint primary, backup;
        Router r(config(primary.url(), backup.url(), llm.constData()), keys());
        ChatRequest request = ask(QStringLiteral("same"));
        request.cacheAllowed = cacheAllowed;
        QVERIFY(
            !runCall(r.router.send(request, RouteOptions{{}, {}, noCache, {}})).error.isError());
        request.temperature = secondTemperature;
        QVERIFY(
            !runCall(r.router.send(request, RouteOptions{{}, {}, noCache, {}})).error.isError());
        QTEST(primary.demo.requestsServed(), "requests");
    }

    void incompleteAnswersAreNotCached()
    {
        Endpoint primary, backup;
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("no_done=1,times=1")));
        Router r(config(primary.url(), backup.url()), keys());
        const CallOutcome cut = runCall(r.router.send(ask(QStringLiteral("x"))));
        QVERIFY(cut.finished);
        QCOMPARE(cut.error.kind, LlmError::Kind::TruncatedStream);
        QVERIFY(cut.response.incomplete);
        QVERIFY(!cut.streamed.isEmpty()); // an answer came, only its end did not
        const CallOutcome whole = runCall(r.router.send(ask(QStringLiteral("x"))));
        QVERIFY(!whole.error.isError());
        QVERIFY(!whole.response.cached);
        QCOMPARE(primary.demo.requestsServed(), 2);
    }

    void fallbackChainAnswersWhenTheFirstFails()
    {
        Endpoint primary, backup;
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("status=503")));
        Router r(config(primary.url(), backup.url()), keys());
        LlmCall *call = r.router.send(ask(QStringLiteral("hello")));
        QSignalSpy switched(call, &LlmCall::providerSwitched);
        const CallOutcome outcome = runCall(call);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
        QCOMPARE(outcome.response.provider, QStringLiteral("backup"));
        QCOMPARE(outcome.response.fallbacks, QStringList{QStringLiteral("primary")});
        QCOMPARE(outcome.response.retries, 1); // the primary's one retry
        QCOMPARE(primary.demo.requestsServed(), 2);
        QCOMPARE(switched.count(), 1);
        QCOMPARE(switched.first().at(0).toString(), QStringLiteral("primary"));
        QCOMPARE(switched.first().at(1).toString(), QStringLiteral("backup"));
        QCOMPARE(r.registry.value(metric::kLlmFallbacks, {{"from", "primary"}, {"to", "backup"}}),
                 1.0);
    }

    void noFallbackOnceTokensWereStreamed()
    {
        Endpoint primary, backup;
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("drop_after=5")));
        Router r(config(primary.url(), backup.url()), keys());
        const CallOutcome outcome = runCall(r.router.send(ask(QStringLiteral("hello"))));
        QVERIFY(outcome.error.isError());
        QVERIFY(outcome.response.incomplete);
        QCOMPARE(backup.demo.requestsServed(), 0); // switching would repeat the text
    }

    void missingKeyFallsBack()
    {
        Endpoint primary, backup;
        QProcessEnvironment env;
        env.insert(QStringLiteral("BACKUP_API_KEY"), QStringLiteral("k-backup-0123456789abcdef"));
        Router r(config(primary.url(), backup.url()), env);
        const CallOutcome outcome = runCall(r.router.send(ask(QStringLiteral("hello"))));
        QVERIFY(!outcome.error.isError());
        QCOMPARE(outcome.response.provider, QStringLiteral("backup"));
        QCOMPARE(primary.demo.requestsServed(), 0);
    }

    void explicitProviderHasNoFallback()
    {
        Endpoint primary, backup;
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("status=500")));
        Router r(config(primary.url(), backup.url()), keys());
        const CallOutcome outcome = runCall(r.router.send(
            ask(QStringLiteral("hello")), RouteOptions{QStringLiteral("primary"), {}, false, {}}));
        QCOMPARE(outcome.error.httpStatus, 500);
        QCOMPARE(backup.demo.requestsServed(), 0);
    }

    // batch_size and batch_timeout are upper bounds: the first request leaves at once, the
    // ones that come while it runs gather, and leave when it ends (the lane falls idle).
    void unstreamedRequestsLeaveInBatches()
    {
        Endpoint primary, backup;
        // A batch that waited for its timer would take 60 s: the test would time out.
        Router r(config(primary.url(), backup.url(), "{\"batch_size\": 3, \"batch_timeout\": 60}"),
                 keys());
        QSignalSpy batches(&r.router.batcher(), &RequestBatcher::batchReleased);
        QList<LlmCall *> calls;
        for (int i = 0; i < 3; ++i)
            calls.append(r.router.send(ask(QStringLiteral("q%1").arg(i), false)));
        QCOMPARE(batches.count(), 1); // the first, alone, at once
        QCOMPARE(batches.first().first().toInt(), 1);
        QCOMPARE(r.router.batcher().waiting(), 2); // the others gather while it runs
        const QList<CallOutcome> outcomes = runCalls(calls);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(outcomes[i].finished);
            QVERIFY(!outcomes[i].error.isError());
            QVERIFY(outcomes[i].response.text.contains(
                QStringLiteral("q%1").arg(i))); // each its own answer
        }
        QCOMPARE(batches.count(), 2);
        QCOMPARE(batches.last().first().toInt(), 2);
        QCOMPARE(r.router.batcher().running(), 0);

        // A lone one, its lane idle again, does not wait either.
        LlmCall *lone = r.router.send(ask(QStringLiteral("alone"), false));
        QCOMPARE(batches.count(), 3);
        QCOMPARE(r.router.batcher().waiting(), 0);
        QVERIFY(!runCall(lone).error.isError());
    }

    // Fifty callers at once: batches of batch_size or fewer, each caller with its own answer,
    // and a caller whose request fails gets its own error.
    void fiftyCallersAreServedInBatches()
    {
        Endpoint primary, backup;
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("status=400,times=1")));
        Router r(config(primary.url(), backup.url(), "{\"batch_size\": 5, \"batch_timeout\": 60}"),
                 keys());
        QSignalSpy batches(&r.router.batcher(), &RequestBatcher::batchReleased);
        QList<LlmCall *> calls;
        for (int i = 0; i < 50; ++i)
            calls.append(r.router.send(ask(QStringLiteral("caller %1").arg(i), false),
                                       RouteOptions{QStringLiteral("primary"), {}, false, {}}));
        const QList<CallOutcome> outcomes = runCalls(calls);
        int failed = 0;
        for (int i = 0; i < 50; ++i) {
            QVERIFY(outcomes[i].finished);
            if (outcomes[i].error.isError()) {
                QCOMPARE(outcomes[i].error.httpStatus, 400);
                ++failed;
                continue;
            }
            QVERIFY2(outcomes[i].response.text.contains(QStringLiteral("caller %1").arg(i)),
                     qPrintable(outcomes[i].response.text));
        }
        QCOMPARE(failed, 1);
        int released = 0;
        for (const QList<QVariant> &batch : std::as_const(batches)) {
            QVERIFY(batch.first().toInt() <= 5);
            released += batch.first().toInt();
        }
        QCOMPARE(released, 50);
        QVERIFY(batches.count() >= 10);
        QCOMPARE(primary.demo.requestsServed(), 50);
    }

    void streamedRequestsSkipTheBatcher()
    {
        Endpoint primary, backup;
        Router r(config(primary.url(), backup.url(), "{\"batch_size\": 5, \"batch_timeout\": 10}"),
                 keys());
        // The batch would wait 10 s; a streamed request never joins it.
        LlmCall *call = r.router.send(ask(QStringLiteral("now")));
        QCOMPARE(r.router.batcher().waiting(), 0);
        const CallOutcome outcome = runCall(call);
        QVERIFY(!outcome.error.isError());
        QCOMPARE(r.router.batcher().waiting(), 0);
        QCOMPARE(r.router.batcher().batchesReleased(), quint64(0));
    }

    void identicalUnstreamedRequestsShareOneCall()
    {
        Endpoint primary, backup;
        Router r(config(primary.url(), backup.url(), "{\"batch_size\": 1}"), keys());
        QList<LlmCall *> calls;
        for (int i = 0; i < 4; ++i)
            calls.append(r.router.send(ask(QStringLiteral("same question"), false)));
        int cached = 0;
        for (const CallOutcome &outcome : runCalls(calls)) {
            QVERIFY(outcome.finished);
            QVERIFY(!outcome.error.isError());
            cached += outcome.response.cached;
        }
        QCOMPARE(primary.demo.requestsServed(), 1);
        QCOMPARE(cached, 3);
    }

    void noProviderAtAll()
    {
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{});
        LlmStats stats(registry);
        const Config config = Config::defaults();
        LlmRouter router(config, pool, stats);
        QCOMPARE(router.defaultProvider(), QString());
        const CallOutcome outcome = runCall(router.send(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::NoProvider);
    }

    void demoEndpointAnswersWhenNothingElseCan()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{});
        LlmStats stats(registry);
        const Config config = Config::defaults();
        LlmRouter router(config, pool, stats);
        router.setDemoEndpoint(demo.baseUrl());
        QCOMPARE(router.defaultProvider(), QStringLiteral("demo"));
        const CallOutcome outcome = runCall(router.send(ask(QStringLiteral("hi"))));
        QVERIFY(!outcome.error.isError());
        QCOMPARE(outcome.response.provider, QStringLiteral("demo"));
    }

    void cancelWhileWaitingForABatch()
    {
        Endpoint primary, backup;
        // The first one runs for a while, so that the second waits for company.
        primary.demo.addFault(*DemoFault::parse(QStringLiteral("delay_ms=60000,times=1")));
        Router r(config(primary.url(), backup.url(), "{\"batch_size\": 5, \"batch_timeout\": 60}"),
                 keys());
        LlmCall *running = r.router.send(ask(QStringLiteral("first"), false));
        LlmCall *call = r.router.send(ask(QStringLiteral("later"), false));
        QSignalSpy finished(call, &LlmCall::finished);
        QCOMPARE(r.router.batcher().waiting(), 1);
        call->cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).value<LlmError>().kind, LlmError::Kind::Cancelled);
        // Withdrawn from its batch: nothing is left for the batch timer to send.
        QCOMPARE(r.router.batcher().waiting(), 0);
        QCOMPARE(r.router.batcher().batchesReleased(), quint64(1)); // the first one's
        // Cancelling the running one frees its lane: the next one leaves at once.
        QTRY_COMPARE(primary.demo.requestsServed(), 1);
        QSignalSpy runningFinished(running, &LlmCall::finished);
        running->cancel();
        QTRY_COMPARE(runningFinished.count(), 1);
        QCOMPARE(runningFinished.first().at(1).value<LlmError>().kind, LlmError::Kind::Cancelled);
        QCOMPARE(r.router.batcher().running(), 0);
        LlmCall *next = r.router.send(ask(QStringLiteral("next"), false));
        QCOMPARE(r.router.batcher().waiting(), 0);
        QVERIFY(!runCall(next).error.isError());
    }
};

SPOON_TEST_GUILESS_MAIN(TestLlmRouter)
#include "tst_llmrouter.moc"
