// Monitor costs: one full /proc sample, the history's window summaries, and its memory; and the
// cost of the percentiles the console shows (QuantileSketch, a registry histogram's observe).
#include "config/config.h"
#include "monitor/alertengine.h"
#include "monitor/processsampler.h"
#include "monitor/samplehistory.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"
#include "telemetry/quantilesketch.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

using namespace spoon;

namespace {

constexpr qsizetype kDayAtOneHertz = 86'400;

SampleHistory &fullDayHistory()
{
    static SampleHistory history = [] {
        SampleHistory h(kDayAtOneHertz);
        ProcessSample s;
        for (qsizetype i = 0; i < kDayAtOneHertz + 1000; ++i) { // wrapped, as after a day
            s.monotonicMs = i * 1000;
            s.cpuPercent = double(i % 97);
            s.rssBytes = quint64(100 + i % 50) << 20;
            s.memoryPercent = 0.5;
            s.diskReadBytes += 4096;
            h.append(s);
        }
        return h;
    }();
    return history;
}

// One sample as the monitor takes it at 1 Hz: the fast tier every time, the slow tier
// (status, meminfo, fd count) every fifth time. Compare with the seed's collect_metrics().
void BM_ProcessSample(benchmark::State &state)
{
    ProcessSampler sampler;
    for (auto _ : state)
        benchmark::DoNotOptimize(sampler.sample());
}
BENCHMARK(BM_ProcessSample)->MinTime(1.0);

// The same while the dashboard shows its charts: /proc/stat and net/dev every sample too.
void BM_ProcessSampleChartsShown(benchmark::State &state)
{
    ProcessSampler sampler;
    sampler.setChartsShown(true);
    for (auto _ : state)
        benchmark::DoNotOptimize(sampler.sample());
}
BENCHMARK(BM_ProcessSampleChartsShown)->MinTime(1.0);

// Every figure read every time: all seven sources.
void BM_ProcessSampleAllSources(benchmark::State &state)
{
    ProcessSampler sampler(QStringLiteral("/proc"), QStringLiteral("self"),
                           ProcessSampler::systemClock(), ProcessSampler::thisMachine(), 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(sampler.sample());
}
BENCHMARK(BM_ProcessSampleAllSources)->MinTime(1.0);

// One alert tick as the engine runs it on every sample: every rule's input read from a
// registry as full as a busy console's (process gauges, LLM series of four provider/model
// pairs, caches, pools; about 70 families), each rule's window advanced and judged. The
// rules are the six of the config repeated with other thresholds, 50 in all; the window is
// a minute, so every gauge rule averages 60 points.
void BM_AlertTick(benchmark::State &state)
{
    MetricsRegistry registry;
    const GaugeMetric *gauges[] = {
        &metric::kProcessCpuPercent,    &metric::kSystemCpuPercent,
        &metric::kProcessResidentBytes, &metric::kProcessPeakResidentBytes,
        &metric::kProcessSwapBytes,     &metric::kProcessVirtualBytes,
        &metric::kProcessMemoryPercent, &metric::kSystemMemoryTotalBytes,
        &metric::kProcessThreads,       &metric::kProcessOpenFds};
    for (const GaugeMetric *gauge : gauges)
        registry.gauge(*gauge).set(42);
    // Other families the alert rules do not read, as many as a running console has: eight
    // labelled counters and twenty gauges.
    const CounterMetric *otherCounters[] = {&metric::kAgentSteps,        &metric::kAgentToolCalls,
                                            &metric::kAgentToolErrors,   &metric::kAgentCleanups,
                                            &metric::kAgentHistoryFolds, &metric::kMcpCalls,
                                            &metric::kMcpFailures,       &metric::kMcpStarts};
    const GaugeMetric *otherGauges[] = {&metric::kSystemMemoryAvailableBytes,
                                        &metric::kProcessDiskIoAvailable,
                                        &metric::kProcessDiskReadRate,
                                        &metric::kProcessDiskWriteRate,
                                        &metric::kSystemNetSentRate,
                                        &metric::kSystemNetReceivedRate,
                                        &metric::kLlmTokensPerSecond,
                                        &metric::kLlmInFlight,
                                        &metric::kLlmBatchWaiting,
                                        &metric::kCacheEntries,
                                        &metric::kCacheCapacity,
                                        &metric::kAlertsActive,
                                        &metric::kDbConnectionsOpen,
                                        &metric::kDbConnectionsInUse,
                                        &metric::kDbConnectionsIdle,
                                        &metric::kDbWaiters,
                                        &metric::kHttpInFlight,
                                        &metric::kHttpQueued,
                                        &metric::kComputeQueueDepth,
                                        &metric::kComputeBusyWorkers};
    for (const char *provider : {"openai", "anthropic", "deepseek", "local"}) {
        const MetricLabels labels{{"provider", provider}, {"model", "m"}};
        registry.counter(metric::kLlmRequests, labels).add(100);
        registry.counter(metric::kLlmFailures, {{"provider", provider}, {"kind", "http"}}).add(3);
        registry.histogram(metric::kLlmLatencySeconds, {0.5, 1, 2, 5, 10}, labels).observe(1.5);
        for (const CounterMetric *counter : otherCounters)
            registry.counter(*counter, labels);
    }
    for (int i = 0; i < 20; ++i)
        registry.gauge(*otherGauges[i]).set(i);

    Config config = Config::defaults();
    const QList<AlertRule> six = alertRulesFromConfig(config);
    QList<AlertRule> rules;
    for (int i = 0; rules.size() < state.range(0); ++i) {
        AlertRule rule = six[i % six.size()];
        rule.name += QString::number(i);
        rule.threshold *= 1.0 + i / 100.0;
        rules.append(rule);
    }
    AlertEngine engine(registry, rules);
    Counter &requests = *const_cast<Counter *>(
        registry.findCounter(metric::kLlmRequests, {{"provider", "openai"}, {"model", "m"}}));
    qint64 now = 1'700'000'000'000;
    for (int i = 0; i < 120; ++i) // windows full, as after two minutes
        engine.evaluate(now += 1000);
    for (auto _ : state) {
        requests.add(1);
        engine.evaluate(now += 1000);
    }
    state.counters["rules"] = double(rules.size());
}
BENCHMARK(BM_AlertTick)->Arg(50)->Unit(benchmark::kMicrosecond);

void BM_HistoryAppend(benchmark::State &state)
{
    SampleHistory history(kDayAtOneHertz);
    ProcessSample s;
    for (auto _ : state) {
        s.monotonicMs += 1000;
        history.append(s);
    }
}
BENCHMARK(BM_HistoryAppend);

void BM_HistorySummary(benchmark::State &state)
{
    const SampleHistory &history = fullDayHistory();
    const qint64 windowMs = state.range(0) * 1000;
    for (auto _ : state)
        benchmark::DoNotOptimize(history.summary(windowMs));
    state.counters["samples"] = double(history.summary(windowMs).sampleCount);
}
BENCHMARK(BM_HistorySummary)
    ->Arg(60)
    ->Arg(300)
    ->Arg(3600)
    ->Arg(86'400)
    ->Unit(benchmark::kMicrosecond);

// Not a timing: the memory a full day of history holds, reported as counters.
void BM_HistoryMemory(benchmark::State &state)
{
    const SampleHistory &history = fullDayHistory();
    for (auto _ : state)
        benchmark::DoNotOptimize(history.memoryBytes());
    state.counters["bytes_total"] = double(history.memoryBytes());
    state.counters["bytes_per_sample"] = double(history.memoryBytes()) / double(kDayAtOneHertz);
}
BENCHMARK(BM_HistoryMemory)->Iterations(1);

// Log-normal latencies around 0.8 s, as LLM calls have them; a fixed seed.
const std::vector<double> &latencies()
{
    static const std::vector<double> values = [] {
        std::mt19937_64 random(23);
        std::lognormal_distribution<double> d(std::log(0.8), 1.0);
        std::vector<double> v(4096);
        for (double &x : v)
            x = d(random);
        return v;
    }();
    return values;
}

// One value into a sketch past its exact part (the steady state).
void BM_SketchAdd(benchmark::State &state)
{
    const std::vector<double> &values = latencies();
    QuantileSketch sketch;
    size_t i = 0;
    for (auto _ : state)
        sketch.add(values[i++ % values.size()]);
    benchmark::DoNotOptimize(sketch.count());
}
BENCHMARK(BM_SketchAdd);

// p99 of a sketch holding range(0) values: exact up to 128, buckets beyond.
void BM_SketchQuantile(benchmark::State &state)
{
    const std::vector<double> &values = latencies();
    QuantileSketch sketch;
    for (qint64 i = 0; i < state.range(0); ++i)
        sketch.add(values[size_t(i) % values.size()]);
    for (auto _ : state)
        benchmark::DoNotOptimize(sketch.quantile(0.99));
    state.counters["bytes"] = double(sketch.bytesUsed());
}
BENCHMARK(BM_SketchQuantile)->Arg(100)->Arg(100'000);

// What the LLM panel does for an hour's window: merge 720 readings' sketches (5 s each, 3
// calls each), then p50, p95 and p99.
void BM_SketchWindowOfAnHour(benchmark::State &state)
{
    const std::vector<double> &values = latencies();
    std::vector<QuantileSketch> intervals(720);
    for (size_t i = 0; i < intervals.size(); ++i) {
        for (size_t k = 0; k < 3; ++k)
            intervals[i].add(values[(i * 3 + k) % values.size()]);
    }
    for (auto _ : state) {
        QuantileSketch window;
        for (const QuantileSketch &interval : intervals)
            window.merge(interval);
        benchmark::DoNotOptimize(window.quantile(0.5) + window.quantile(0.95) +
                                 window.quantile(0.99));
    }
}
BENCHMARK(BM_SketchWindowOfAnHour)->Unit(benchmark::kMicrosecond);

// A registry histogram's observe: Prometheus buckets, the sketch and the recent values.
void BM_HistogramObserve(benchmark::State &state)
{
    const std::vector<double> &values = latencies();
    Histogram histogram({0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 60});
    size_t i = 0;
    for (auto _ : state)
        histogram.observe(values[i++ % values.size()]);
    benchmark::DoNotOptimize(histogram.count());
}
BENCHMARK(BM_HistogramObserve);

} // namespace

BENCHMARK_MAIN();
