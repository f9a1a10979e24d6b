// Monitor costs: one full /proc sample, the history's window summaries, and its memory.
#include "config/config.h"
#include "monitor/alertengine.h"
#include "monitor/processsampler.h"
#include "monitor/samplehistory.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <benchmark/benchmark.h>

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
    const char *gauges[] = {metric::kProcessCpuPercent,    metric::kSystemCpuPercent,
                            metric::kProcessResidentBytes, metric::kProcessPeakResidentBytes,
                            metric::kProcessSwapBytes,     metric::kProcessVirtualBytes,
                            metric::kProcessMemoryPercent, metric::kSystemMemoryTotalBytes,
                            metric::kProcessThreads,       metric::kProcessOpenFds};
    for (const char *name : gauges)
        registry.gauge(name, "g").set(42);
    for (const char *provider : {"openai", "anthropic", "deepseek", "local"}) {
        const MetricLabels labels{{"provider", provider}, {"model", "m"}};
        registry.counter(metric::kLlmRequests, "r", labels).add(100);
        registry.counter(metric::kLlmFailures, "f", {{"provider", provider}, {"kind", "http"}})
            .add(3);
        registry.histogram(metric::kLlmLatencySeconds, "l", {0.5, 1, 2, 5, 10}, labels)
            .observe(1.5);
        for (int i = 0; i < 8; ++i)
            registry.counter("spoon_bench_other_total_" + QByteArray::number(i), "o", labels);
    }
    for (int i = 0; i < 20; ++i)
        registry.gauge("spoon_bench_cache_" + QByteArray::number(i), "c").set(i);

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

} // namespace

BENCHMARK_MAIN();
