// What the response_time rule measures, through the router against the demo endpoint: what
// the caller waited for, the first token of a stream and the whole of an unstreamed answer.
#include "engine.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "monitor/alertengine.h"
#include "net/httppool.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QtTest>

#include "support/llmcallrun.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;

namespace {

std::optional<double> ruleValue(const AlertEngine &alerts, const char *name)
{
    for (const AlertEngine::RuleStatus &status : alerts.ruleStatus()) {
        if (status.rule->name == QLatin1String(name))
            return status.value;
    }
    return std::nullopt;
}

} // namespace

class TestResponseTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCallerWaitsForTheFirstTokenOfAStream_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("streamed: to the first token") << true;
        QTest::newRow("unstreamed: to the whole answer") << false;
    }

    void theCallerWaitsForTheFirstTokenOfAStream()
    {
        QFETCH(bool, stream);
        DemoServer demo;
        demo.setTokensPerSecond(200); // a stream with a first token before its end
        QVERIFY(demo.listen());
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{});
        LlmStats stats(registry);
        const Config config = Config::defaults();
        LlmRouter router(config, pool, stats);
        router.setDemoEndpoint(demo.baseUrl());
        const CallOutcome outcome =
            runCall(router.send(ask(QStringLiteral("Show me a code example"), stream)));
        QVERIFY(!outcome.error.isError());
        const ChatResponse &answer = outcome.response;
        QVERIFY(answer.ttftMs >= 0);
        if (stream)
            QVERIFY(answer.ttftMs < answer.latencyMs);
        const Histogram *waited = registry.findHistogram(
            metric::kLlmResponseSeconds,
            {{"provider", answer.provider.toUtf8()}, {"model", answer.model.toUtf8()}});
        QVERIFY(waited);
        QCOMPARE(waited->count(), quint64(1));
        QCOMPARE(waited->sum(), double(stream ? answer.ttftMs : answer.latencyMs) / 1000.0);
    }

    // A fresh install asks the demo for a code example: the answer streams for longer than
    // the 5 s threshold, its first token comes at once, and nothing alerts.
    void aLongStreamedDemoAnswerRaisesNoAlert()
    {
        Engine engine(Config::defaults());
        QVERIFY(engine.ensureLlmEndpoint());
        QVERIFY(engine.usesDemoEndpoint());
        AlertEngine &alerts = engine.alerts();
        QSignalSpy fired(&alerts, &AlertEngine::alertFired);
        const auto tick = [&alerts] { alerts.evaluate(QDateTime::currentMSecsSinceEpoch()); };
        tick();
        LlmCall *call = engine.llm().send(ask(QStringLiteral("Show me a code example")));
        // The sample clock's ticks while the answer streams, one per token here.
        connect(call, &LlmCall::textDelta, &alerts, tick);
        const CallOutcome outcome = runCall(call);
        tick();
        QVERIFY(!outcome.error.isError());
        double threshold = 0;
        for (const AlertRule &rule : alerts.rules()) {
            if (rule.name == QLatin1String(alertrule::kResponseTime))
                threshold = rule.threshold;
        }
        QCOMPARE(threshold, 5.0); // the seed's default
        QVERIFY2(outcome.response.latencyMs > threshold * 1000,
                 "the demo's code answer no longer streams for longer than the threshold");
        const std::optional<double> value = ruleValue(alerts, alertrule::kResponseTime);
        QVERIFY(value);
        QCOMPARE(*value, double(outcome.response.ttftMs) / 1000.0);
        QVERIFY(fired.isEmpty());
    }
};

SPOON_TEST_GUILESS_MAIN(TestResponseTime)
#include "tst_responsetime.moc"
