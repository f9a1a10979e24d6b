// Windowed LLM figures from the registry, as the LLM panel shows them: the series LlmStats
// keeps, read back by provider and model over a window of a clock the test sets.
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/llmusage.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QtTest>

#include <random>

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
        // The window's two answers, not the one before it, nor the inside of a bucket.
        QCOMPARE(t.latency.quantile(0.5), 2.0);
        QCOMPARE(t.latency.quantile(0.99), 4.0);
        QCOMPARE(t.timeToFirstToken.min(), 0.3);

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
        QCOMPARE(points[0].p99, 0.2);
        QCOMPARE(points[1].ms, kStart + 30 * kSecond);
        QCOMPARE(points[1].p50, 9.0);
        QCOMPARE(points[1].p99, 9.0);
    }

    // A window's percentiles are its own calls': exact for a few, within 1 % for many, and
    // never outside their [min, max], though faster and slower calls came before it and the
    // window spans several readings and the time since the last.
    void windowPercentilesStayWithinItsCalls_data()
    {
        QTest::addColumn<QList<double>>("latencies");
        std::mt19937_64 random(23);
        std::lognormal_distribution<double> logNormal(std::log(0.8), 1.0);
        std::uniform_real_distribution<double> uniform(0.05, 5.0);
        std::bernoulli_distribution fast(0.4);
        QList<double> lognormals, uniforms, bimodal;
        for (int i = 0; i < 1000; ++i) {
            lognormals.append(logNormal(random));
            uniforms.append(uniform(random));
            bimodal.append(fast(random) ? 0.002 + uniform(random) / 1000 : 3 + uniform(random));
        }
        QTest::newRow("405 ms and 2,048 ms") << QList<double>{0.405, 2.048};
        QTest::newRow("slowest 6.19 s") << QList<double>{1.2, 0.9, 6.19, 1.4, 0.7, 2.2};
        QTest::newRow("refused in about 1 ms") << QList<double>{0.001, 0.0012, 0.0009, 0.001};
        QTest::newRow("single value") << QList<double>(300, 0.7);
        QTest::newRow("uniform") << uniforms;
        QTest::newRow("log-normal") << lognormals;
        QTest::newRow("bimodal") << bimodal;
    }

    void windowPercentilesStayWithinItsCalls()
    {
        QFETCH(QList<double>, latencies);
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &series = stats.series(QStringLiteral("openai"), QStringLiteral("m"));
        for (int i = 0; i < 200; ++i)
            answer(series, 0.0001, i % 2 ? 0.0001 : 60.0, 1, 1); // before the window
        usage.record(kStart);
        // Five parts: four end with a reading, the last is still since the last reading.
        const qsizetype part = (latencies.size() + 4) / 5;
        for (qsizetype start = 0, n = 1; start < latencies.size(); start += part, ++n) {
            for (double latency : latencies.mid(start, part))
                answer(series, latency / 2, latency, 1, 1);
            if (n < 5)
                usage.record(kStart + n * LlmUsageTracker::kMinIntervalMs);
        }
        const qint64 now = kStart + 6 * LlmUsageTracker::kMinIntervalMs;
        const LlmTotals t = usage.window(kStart + 1, now).series.value(QStringLiteral("openai\nm"));
        QCOMPARE(t.latencyCount(), quint64(latencies.size()));
        QList<double> sorted = latencies;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(t.latency.min(), sorted.first());
        QCOMPARE(t.latency.max(), sorted.last());
        for (double q : {0.5, 0.95, 0.99}) {
            const double exact =
                sorted[qsizetype(QuantileSketch::rankOf(q, quint64(sorted.size()))) - 1];
            const double got = t.latency.quantile(q);
            QVERIFY2(got >= sorted.first() && got <= sorted.last(),
                     qPrintable(QString::number(got)));
            QVERIFY2(qAbs(got - exact) <= QuantileSketch::kRelativeAccuracy * exact * (1 + 1e-9),
                     qPrintable(QString::number(got) + u' ' + QString::number(exact)));
            const double firstToken = t.timeToFirstToken.quantile(q);
            QVERIFY(firstToken >= sorted.first() / 2 && firstToken <= sorted.last() / 2);
        }
        const QList<LlmLatencyPoint> points = usage.latencyOverTime(kStart + 1, now, 6);
        QVERIFY(!points.isEmpty());
        for (const LlmLatencyPoint &p : points) {
            for (double value : {p.p50, p.p95, p.p99})
                QVERIFY2(value >= sorted.first() && value <= sorted.last(),
                         qPrintable(QString::number(value)));
        }
    }

    // More calls between two readings than a histogram keeps: the count is still every call,
    // the percentiles those of the latest, so still inside the window's range.
    void aBusyIntervalKeepsItsCountAndItsRange()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &series = stats.series(QStringLiteral("openai"), QStringLiteral("m"));
        answer(series, 0.1, 30.0, 1, 1); // before the window
        usage.record(kStart);
        const int calls = 3 * int(Histogram::kRecentCapacity);
        for (int i = 0; i < calls; ++i)
            answer(series, 0.1, 0.5 + i / double(calls), 1, 1);
        usage.record(kStart + LlmUsageTracker::kMinIntervalMs);
        const LlmTotals t = usage.window(kStart + 1, kStart + 10 * kSecond)
                                .series.value(QStringLiteral("openai\nm"));
        QCOMPARE(t.latencyCount(), quint64(calls));
        QCOMPARE(t.firstTokenCount(), quint64(calls));
        for (double q : {0.0, 0.5, 0.99, 1.0}) {
            const double got = t.latency.quantile(q);
            QVERIFY2(got >= 0.5 && got < 1.5, qPrintable(QString::number(got)));
        }
    }

    // A provider refusing in about 1 ms no longer looks like one answering in under 50 ms.
    void aRefusingProviderLooksApartFromAWorkingOne()
    {
        MetricsRegistry registry;
        LlmStats stats(registry);
        LlmUsageTracker usage(registry);
        LlmSeries &refusing = stats.series(QStringLiteral("local"), QStringLiteral("m"));
        LlmSeries &working = stats.series(QStringLiteral("openai"), QStringLiteral("m"));
        for (int i = 0; i < 20; ++i) {
            refusing.requests.add();
            refusing.failures(LlmError::Kind::Network).add();
            refusing.latency.observe(0.001);
            answer(working, 0.01, 0.02 + i * 0.001, 1, 1);
        }
        const LlmReading now = usage.readNow(kStart);
        const LlmTotals r = now.series.value(QStringLiteral("local\nm"));
        const LlmTotals w = now.series.value(QStringLiteral("openai\nm"));
        QCOMPARE(r.latency.quantile(0.99), 0.001);
        QVERIFY(w.latency.quantile(0.5) > 10 * r.latency.quantile(0.99));
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
        const LlmReading reading = llmReadingFromCalls(calls, kStart + 60 * kSecond);
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
        QCOMPARE(openai.latency.quantile(0.5), 1.0);
        QCOMPARE(openai.latency.quantile(0.99), 4.0);
        QCOMPARE(openai.timeToFirstToken.quantile(0.5), 0.25);

        const QList<LlmLatencyPoint> points =
            llmLatencyFromCalls(calls, kStart, kStart + 60 * kSecond, 2);
        QCOMPARE(points.size(), 2); // one slice per half minute, each with answers
        QCOMPARE(points[0].ms, kStart + 30 * kSecond);
        QCOMPARE(points[0].p99, 4.0);
        QCOMPARE(points[1].p50, 2.0);
    }
};

SPOON_TEST_GUILESS_MAIN(TestLlmUsage)
#include "tst_llmusage.moc"
