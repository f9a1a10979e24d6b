// Windowed LLM figures from the registry, as the LLM panel shows them: the series LlmStats
// keeps, read back by provider and model over a window of a clock the test sets.
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/llmusage.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
constexpr qint64 kStart = 1'790'000'000'000;
constexpr qint64 kSecond = 1000;

void answer(LlmSeries &series, double firstToken, double latency, int in, int out)
{
    series.requests.add();
    series.successes.add();
    series.timeToFirstToken.observe(firstToken);
    series.latency.observe(latency);
    series.promptTokens.add(in);
    series.completionTokens.add(out);
}
} // namespace

class TestLlmUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aWindowCountsOnlyWhatHappenedInIt()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &openai = stats.series(QStringLiteral("openai"), QStringLiteral("gpt-4o"));
        answer(openai, 0.2, 1.0, 100, 10); // before the window
        usage.record(kStart);
        answer(openai, 0.3, 2.0, 200, 20);
        answer(openai, 0.4, 4.0, 300, 30);
        openai.failures(LlmError::Kind::Timeout).add();
        openai.requests.add();
        openai.retries.add(2);
        openai.cacheHits.add();
        openai.requests.add();
        stats.recordFallback(QStringLiteral("openai"), QStringLiteral("anthropic"));
        usage.record(kStart + 10 * kSecond);

        const LlmReading window = usage.window(kStart + kSecond, kStart + 20 * kSecond);
        const LlmTotals t = window.series.value(QStringLiteral("openai\ngpt-4o"));
        QCOMPARE(t.requests, 4.0);
        QCOMPARE(t.successes, 2.0);
        QCOMPARE(t.promptTokens, 500.0);
        QCOMPARE(t.completionTokens, 50.0);
        QCOMPARE(t.retries, 2.0);
        QCOMPARE(t.cacheHits, 1.0);
        QCOMPARE(t.failures.value(QStringLiteral("timeout")), 1.0);
        QCOMPARE(t.failureCount(), 1.0);
        QCOMPARE(t.latencyCount(), quint64(2));
        QCOMPARE(t.latencySum, 6.0);
        QCOMPARE(window.fallbacksFrom.value(QStringLiteral("openai")), 1.0);
        // Both answers of the window fall in the (1.5, 2] and (3, 5] buckets.
        const double p50 = Histogram::quantileOf(usage.latencyBounds(), t.latency, 0.5);
        QVERIFY2(p50 > 1.5 && p50 <= 2.0, qPrintable(QString::number(p50)));
        const double p99 = Histogram::quantileOf(usage.latencyBounds(), t.latency, 0.99);
        QVERIFY2(p99 > 3.0 && p99 <= 5.0, qPrintable(QString::number(p99)));

        // A window older than every reading counts since start.
        const LlmReading all = usage.window(kStart - 60 * kSecond, kStart + 20 * kSecond);
        QCOMPARE(all.series.value(QStringLiteral("openai\ngpt-4o")).requests, 5.0);
    }

    void providersAndModelsStayApart()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        answer(stats.series(QStringLiteral("openai"), QStringLiteral("a")), 0.1, 1, 1, 1);
        answer(stats.series(QStringLiteral("openai"), QStringLiteral("b")), 0.1, 1, 1, 1);
        answer(stats.series(QStringLiteral("anthropic"), QStringLiteral("a")), 0.1, 1, 1, 1);
        const LlmReading now = usage.readNow(kStart);
        QCOMPARE(now.series.keys(),
                 (QStringList{QStringLiteral("anthropic\na"), QStringLiteral("openai\na"),
                              QStringLiteral("openai\nb")}));
        QCOMPARE(llmSeriesProvider(QStringLiteral("openai\nb")), QStringLiteral("openai"));
        QCOMPARE(llmSeriesModel(QStringLiteral("openai\nb")), QStringLiteral("b"));
    }

    void anIdleConsoleKeepsNoReadings()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &series = stats.series(QStringLiteral("openai"), QStringLiteral("m"));
        answer(series, 0.1, 1, 1, 1);
        for (int i = 0; i < 100; ++i)
            usage.record(kStart + i * 10 * kSecond);
        QCOMPARE(usage.readingsKept(), size_t(1));
        // Busy, at most one reading per interval.
        for (int i = 0; i < 100; ++i) {
            answer(series, 0.1, 1, 1, 1);
            usage.record(kStart + 2'000 * kSecond + i * kSecond);
        }
        QCOMPARE(usage.readingsKept(), size_t(1 + 100 * kSecond / LlmUsageTracker::kMinIntervalMs));
    }

    void latencyOverTimeHasAPointWhereAnswersCame()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &series = stats.series(QStringLiteral("openai"), QStringLiteral("m"));
        usage.record(kStart);
        answer(series, 0.1, 0.2, 1, 1); // fast at first
        usage.record(kStart + 10 * kSecond);
        for (int i = 0; i < 10; ++i)
            answer(series, 0.1, 9, 1, 1); // then slow
        usage.record(kStart + 30 * kSecond);
        const QList<LlmLatencyPoint> points =
            usage.latencyOverTime(kStart, kStart + 40 * kSecond, 4);
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].ms, kStart + 10 * kSecond);
        QVERIFY(points[0].p50 <= 0.25);
        QCOMPARE(points[1].ms, kStart + 30 * kSecond);
        QVERIFY(points[1].p50 > 7.5 && points[1].p99 <= 10);
        QVERIFY(points[1].p50 <= points[1].p95 && points[1].p95 <= points[1].p99);
    }

    // The store's rows give the same figures (for windows longer than this run).
    void storedCallsGiveTheSameFigures()
    {
        auto record = [](const char *provider, qint64 startedMs, qint64 latencyMs,
                         const char *error = "") {
            LlmCallRecord r;
            r.provider = QString::fromLatin1(provider);
            r.model = QStringLiteral("m");
            r.startedMs = startedMs;
            r.firstTokenMs = latencyMs / 4;
            r.latencyMs = latencyMs;
            r.tokensIn = 100;
            r.tokensOut = 10;
            r.errorKind = QString::fromLatin1(error);
            return r;
        };
        QList<LlmCallRecord> calls{record("openai", kStart, 1000),
                                   record("openai", kStart + kSecond, 4000),
                                   record("openai", kStart + 2 * kSecond, 30000, "timeout"),
                                   record("anthropic", kStart + 30 * kSecond, 2000)};
        calls[1].retries = 2;
        calls[1].fallback = true;
        LlmCallRecord cached = record("anthropic", kStart + 31 * kSecond, 1);
        cached.cacheHit = true;
        calls << cached;
        const LlmReading reading =
            llmReadingFromCalls(calls, kStart + 60 * kSecond, llmLatencyBuckets());
        const LlmTotals openai = reading.series.value(QStringLiteral("openai\nm"));
        QCOMPARE(openai.requests, 3.0);
        QCOMPARE(openai.successes, 2.0);
        QCOMPARE(openai.failures.value(QStringLiteral("timeout")), 1.0);
        QCOMPARE(openai.retries, 2.0);
        QCOMPARE(openai.promptTokens, 300.0);
        QCOMPARE(openai.latencyCount(), quint64(2)); // the failed call has no latency
        QCOMPARE(openai.latencySum, 5.0);
        QCOMPARE(reading.fallbacksFrom.value(QStringLiteral("openai")), 1.0);
        const LlmTotals anthropic = reading.series.value(QStringLiteral("anthropic\nm"));
        QCOMPARE(anthropic.cacheHits, 1.0);
        QCOMPARE(anthropic.latencyCount(), quint64(1)); // a cache hit is not a latency
        const double p50 = Histogram::quantileOf(llmLatencyBuckets(), openai.latency, 0.5);
        QVERIFY2(p50 > 0.75 && p50 <= 1.0, qPrintable(QString::number(p50)));

        const QList<LlmLatencyPoint> points =
            llmLatencyFromCalls(calls, kStart, kStart + 60 * kSecond, 2, llmLatencyBuckets());
        QCOMPARE(points.size(), 2); // one slice per half minute, each with answers
        QCOMPARE(points[0].ms, kStart + 30 * kSecond);
        QVERIFY(points[0].p99 > 3.0 && points[0].p99 <= 5.0);
        QVERIFY(points[1].p50 > 1.5 && points[1].p50 <= 2.0);
    }
};

SPOON_TEST_GUILESS_MAIN(TestLlmUsage)
#include "tst_llmusage.moc"
