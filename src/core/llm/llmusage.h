#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <deque>
#include <vector>

namespace spoon {

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
    QMap<QString, double> failures;        // by kind
    std::vector<quint64> timeToFirstToken; // cumulative bucket counts, +Inf last
    double timeToFirstTokenSum = 0;
    std::vector<quint64> latency; // cumulative bucket counts, +Inf last
    double latencySum = 0;

    double failureCount() const;
    quint64 latencyCount() const { return latency.empty() ? 0 : latency.back(); }
    quint64 firstTokenCount() const
    {
        return timeToFirstToken.empty() ? 0 : timeToFirstToken.back();
    }
    LlmTotals minus(const LlmTotals &earlier) const;
    void add(const LlmTotals &other);
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
// console keeps nothing; a window's figures are the reading now minus the last one at or
// before the window's start. Percentiles interpolate the increase of the histograms' buckets.
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
    const std::vector<double> &latencyBounds() const { return m_latencyBounds; }
    const std::vector<double> &firstTokenBounds() const { return m_firstTokenBounds; }
    size_t readingsKept() const { return m_readings.size(); }

private:
    const LlmReading *readingAt(qint64 ms) const;

    const MetricsRegistry &m_registry;
    std::deque<LlmReading> m_readings; // oldest first
    mutable std::vector<double> m_latencyBounds;
    mutable std::vector<double> m_firstTokenBounds;
};

struct LlmCallRecord;

// The same figures from stored LLM calls (TelemetryStore::llmCalls), for windows longer than
// this run: per provider and model, each call counted once; latencies go into `bounds`
// buckets so the panel reads both alike. A stored call names no provider it fell back from,
// so its fallback counts under the provider that answered.
LlmReading llmReadingFromCalls(const QList<LlmCallRecord> &calls, qint64 nowMs,
                               const std::vector<double> &bounds);
QList<LlmLatencyPoint> llmLatencyFromCalls(const QList<LlmCallRecord> &calls, qint64 sinceMs,
                                           qint64 nowMs, int steps,
                                           const std::vector<double> &bounds);

// Splits the key of LlmReading::series.
QString llmSeriesProvider(const QString &key);
QString llmSeriesModel(const QString &key);

} // namespace spoon
