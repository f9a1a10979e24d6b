// Monitor costs: one full /proc sample, the history's window summaries, and its memory.
#include "monitor/processsampler.h"
#include "monitor/samplehistory.h"

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

// Every figure read every time: all seven sources.
void BM_ProcessSampleAllSources(benchmark::State &state)
{
    ProcessSampler sampler(QStringLiteral("/proc"), QStringLiteral("self"),
                           ProcessSampler::systemClock(), ProcessSampler::thisMachine(), 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(sampler.sample());
}
BENCHMARK(BM_ProcessSampleAllSources)->MinTime(1.0);

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
