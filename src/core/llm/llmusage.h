#pragma once

#include "telemetry/quantilesketch.h"

#include <QList>
#include <QMap>
#include <QString>

#include <deque>
#include <unordered_map>

namespace spoon {

class Histogram;
class MetricsRegistry;

// One provider and model's LLM figures, as totals since start or as a window's increase.
struct LlmTotals
{
    double requests = 0;
    double successes = 0;
    double retries = 0;
    double cacheHits = 0;
    double promptTokens = 0;
    double completionTokens = 0;
    QMap<QString, double> failures;  // by kind
    QuantileSketch timeToFirstToken; // seconds
    double timeToFirstTokenSum = 0;
    quint64 firstTokenObservations = 0; // the histogram's count: right even if the sketch is not
    QuantileSketch latency;             // seconds
    double latencySum = 0;
    quint64 latencyObservations = 0;

    double failureCount() const;
    quint64 latencyCount() const { return latencyObservations; }
    quint64 firstTokenCount() const { return firstTokenObservations; }
    // The counters' increase since `earlier`; the sketches stay this one's (a window's are
    // merged from its intervals, never subtracted, so its min and max stay exact).
    LlmTotals countersSince(const LlmTotals &earlier) const;
    void add(const LlmTotals &other); // sketches merge
};

// The LLM families of the registry (llm/llmstats.h) by provider and model, at one time.
struct LlmReading
{
    qint64 ms = 0;
    QMap<QString, LlmTotals> series;     // key: provider + '\n' + model
    QMap<QString, double> fallbacksFrom; // provider -> switches away from it
    double activity() const;             // a sum that grows whenever any call starts, ends or fails
};

struct LlmLatencyPoint
{
    qint64 ms; // the step's end
    double p50;
    double p95;
    double p99;
};

// Windowed LLM figures from the registry. On the sample clock it keeps a reading of the LLM
// families when any of them moved since the last (at most one per kMinIntervalMs), so an idle
// console keeps nothing. A reading holds the counters since start and, for latency and first
// token, the sketch of the observations since the reading before (Histogram::sketchSince). A
// window's counters are the registry now minus the last reading at or before the window's
// start; its sketches merge those of the later readings and of the time since the last one,
// so its percentiles are exact up to 128 calls, within 1 % beyond, and always within the
// [min, max] of its calls. A histogram keeps its latest 256 values only: should more than that
// end between two readings of one provider and model (50 calls a second), the interval's
// sketch holds the latest 256 (the answer count stays right). Memory: a reading's
// sketches hold its interval's values (8 bytes a call) up to 128, then buckets.
class LlmUsageTracker
{
public:
    static constexpr qint64 kMinIntervalMs = 5'000;
    static constexpr size_t kMaxReadings = 20'000; // a busy day at one per 5 s

    explicit LlmUsageTracker(const MetricsRegistry &registry);

    void record(qint64 nowMs);
    LlmReading readNow(qint64 nowMs) const;
    // Since `sinceMs` up to now; calls before the first reading count as since start.
    LlmReading window(qint64 sinceMs, qint64 nowMs) const;
    // p50/p95/p99 of all providers' latency in `steps` equal slices of the window; a slice
    // with no answer has no point.
    QList<LlmLatencyPoint> latencyOverTime(qint64 sinceMs, qint64 nowMs, int steps) const;
    size_t readingsKept() const { return m_readings.size(); }

private:
    using Seen = std::unordered_map<const Histogram *, quint64>;
    enum class Sketches
    {
        SinceStart,
        SinceLastReading
    };
    LlmReading read(qint64 nowMs, Sketches sketches, Seen *seenNow) const;
    std::deque<LlmReading>::const_iterator firstAfter(qint64 ms) const;

    const MetricsRegistry &m_registry;
    std::deque<LlmReading> m_readings; // oldest first; sketches of their interval
    Seen m_seen;                       // observations of each histogram up to the last reading
};

struct LlmCallRecord;

// The same figures from stored LLM calls (TelemetryStore::llmCalls), for windows longer than
// this run: per provider and model, each call counted once, its latencies in sketches as the
// registry's. A stored call names no provider it fell back from, so its fallback counts under
// the provider that answered.
LlmReading llmReadingFromCalls(const QList<LlmCallRecord> &calls, qint64 nowMs);
QList<LlmLatencyPoint> llmLatencyFromCalls(const QList<LlmCallRecord> &calls, qint64 sinceMs,
                                           qint64 nowMs, int steps);

// Splits the key of LlmReading::series.
QString llmSeriesProvider(const QString &key);
QString llmSeriesModel(const QString &key);

} // namespace spoon
