#include "llmusage.h"

#include "llmrouter.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <algorithm>

namespace spoon {

namespace {

std::vector<quint64> minusCounts(const std::vector<quint64> &now,
                                 const std::vector<quint64> &earlier)
{
    if (earlier.size() != now.size())
        return now;
    std::vector<quint64> delta(now.size());
    for (size_t i = 0; i < now.size(); ++i)
        delta[i] = now[i] >= earlier[i] ? now[i] - earlier[i] : 0;
    return delta;
}

void addCounts(std::vector<quint64> &into, const std::vector<quint64> &more)
{
    if (into.empty()) {
        into = more;
        return;
    }
    for (size_t i = 0; i < into.size() && i < more.size(); ++i)
        into[i] += more[i];
}

} // namespace

QString llmSeriesProvider(const QString &key)
{
    return key.section(QLatin1Char('\n'), 0, 0);
}

QString llmSeriesModel(const QString &key)
{
    return key.section(QLatin1Char('\n'), 1);
}

double LlmTotals::failureCount() const
{
    double total = 0;
    for (double count : failures)
        total += count;
    return total;
}

LlmTotals LlmTotals::minus(const LlmTotals &e) const
{
    LlmTotals d;
    d.requests = requests - e.requests;
    d.successes = successes - e.successes;
    d.retries = retries - e.retries;
    d.cacheHits = cacheHits - e.cacheHits;
    d.promptTokens = promptTokens - e.promptTokens;
    d.completionTokens = completionTokens - e.completionTokens;
    for (auto it = failures.cbegin(); it != failures.cend(); ++it) {
        const double delta = it.value() - e.failures.value(it.key());
        if (delta > 0)
            d.failures.insert(it.key(), delta);
    }
    d.timeToFirstToken = minusCounts(timeToFirstToken, e.timeToFirstToken);
    d.timeToFirstTokenSum = timeToFirstTokenSum - e.timeToFirstTokenSum;
    d.latency = minusCounts(latency, e.latency);
    d.latencySum = latencySum - e.latencySum;
    return d;
}

void LlmTotals::add(const LlmTotals &o)
{
    requests += o.requests;
    successes += o.successes;
    retries += o.retries;
    cacheHits += o.cacheHits;
    promptTokens += o.promptTokens;
    completionTokens += o.completionTokens;
    for (auto it = o.failures.cbegin(); it != o.failures.cend(); ++it)
        failures[it.key()] += it.value();
    addCounts(timeToFirstToken, o.timeToFirstToken);
    timeToFirstTokenSum += o.timeToFirstTokenSum;
    addCounts(latency, o.latency);
    latencySum += o.latencySum;
}

double LlmReading::activity() const
{
    double sum = 0;
    for (const LlmTotals &t : series)
        sum += t.requests + t.failureCount() + double(t.latencyCount()) + t.retries + t.cacheHits +
               double(t.firstTokenCount());
    for (double count : fallbacksFrom)
        sum += count;
    return sum;
}

LlmUsageTracker::LlmUsageTracker(const MetricsRegistry &registry)
    : m_registry(registry)
{}

LlmReading LlmUsageTracker::readNow(qint64 nowMs) const
{
    LlmReading reading;
    reading.ms = nowMs;
    for (const MetricFamilySnapshot &family : m_registry.snapshot()) {
        if (!family.name.startsWith("spoon_llm_"))
            continue;
        for (const MetricSample &sample : family.samples) {
            if (family.name == metric::kLlmFallbacks) {
                reading.fallbacksFrom[QString::fromUtf8(labelOf(sample.labels, "from"))] +=
                    sample.value;
                continue;
            }
            const QString key = QString::fromUtf8(labelOf(sample.labels, "provider")) +
                                QLatin1Char('\n') +
                                QString::fromUtf8(labelOf(sample.labels, "model"));
            LlmTotals &t = reading.series[key];
            const QByteArray &name = family.name;
            if (name == metric::kLlmRequests)
                t.requests = sample.value;
            else if (name == metric::kLlmSuccesses)
                t.successes = sample.value;
            else if (name == metric::kLlmRetries)
                t.retries = sample.value;
            else if (name == metric::kLlmCacheHits)
                t.cacheHits = sample.value;
            else if (name == metric::kLlmPromptTokens)
                t.promptTokens = sample.value;
            else if (name == metric::kLlmCompletionTokens)
                t.completionTokens = sample.value;
            else if (name == metric::kLlmFailures)
                t.failures[QString::fromUtf8(labelOf(sample.labels, "kind"))] = sample.value;
            else if (name == metric::kLlmLatencySeconds && sample.histogram) {
                t.latency = sample.histogram->cumulativeCounts();
                t.latencySum = sample.histogram->sum();
                m_latencyBounds = sample.histogram->upperBounds();
            } else if (name == metric::kLlmTimeToFirstToken && sample.histogram) {
                t.timeToFirstToken = sample.histogram->cumulativeCounts();
                t.timeToFirstTokenSum = sample.histogram->sum();
                m_firstTokenBounds = sample.histogram->upperBounds();
            }
        }
    }
    return reading;
}

void LlmUsageTracker::record(qint64 nowMs)
{
    if (!m_readings.empty() && nowMs - m_readings.back().ms < kMinIntervalMs)
        return;
    LlmReading reading = readNow(nowMs);
    const double before = m_readings.empty() ? 0.0 : m_readings.back().activity();
    if (reading.activity() == before)
        return; // nothing moved: an idle console keeps nothing
    m_readings.push_back(std::move(reading));
    if (m_readings.size() > kMaxReadings)
        m_readings.pop_front();
}

const LlmReading *LlmUsageTracker::readingAt(qint64 ms) const
{
    auto it = std::upper_bound(m_readings.begin(), m_readings.end(), ms,
                               [](qint64 t, const LlmReading &r) { return t < r.ms; });
    if (it == m_readings.begin())
        return nullptr;
    return &*std::prev(it);
}

LlmReading LlmUsageTracker::window(qint64 sinceMs, qint64 nowMs) const
{
    LlmReading now = readNow(nowMs);
    const LlmReading *baseline = readingAt(sinceMs);
    if (!baseline)
        return now;
    LlmReading delta;
    delta.ms = nowMs;
    for (auto it = now.series.cbegin(); it != now.series.cend(); ++it)
        delta.series.insert(it.key(), it.value().minus(baseline->series.value(it.key())));
    for (auto it = now.fallbacksFrom.cbegin(); it != now.fallbacksFrom.cend(); ++it)
        delta.fallbacksFrom.insert(it.key(), it.value() - baseline->fallbacksFrom.value(it.key()));
    return delta;
}

QList<LlmLatencyPoint> LlmUsageTracker::latencyOverTime(qint64 sinceMs, qint64 nowMs,
                                                        int steps) const
{
    QList<LlmLatencyPoint> points;
    if (steps <= 0 || nowMs <= sinceMs)
        return points;
    const LlmReading now = readNow(nowMs);
    auto allLatency = [](const LlmReading *reading) {
        LlmTotals sum;
        if (reading) {
            for (const LlmTotals &t : reading->series)
                addCounts(sum.latency, t.latency);
        }
        return sum.latency;
    };
    std::vector<quint64> previous = allLatency(readingAt(sinceMs));
    for (int i = 1; i <= steps; ++i) {
        const qint64 end = sinceMs + (nowMs - sinceMs) * i / steps;
        const std::vector<quint64> current = allLatency(i == steps ? &now : readingAt(end));
        const std::vector<quint64> delta = minusCounts(current, previous);
        if (!delta.empty() && delta.back() > 0) {
            points.append({end, Histogram::quantileOf(m_latencyBounds, delta, 0.5),
                           Histogram::quantileOf(m_latencyBounds, delta, 0.95),
                           Histogram::quantileOf(m_latencyBounds, delta, 0.99)});
        }
        previous = current;
    }
    return points;
}

namespace {

// Cumulative counts of `values` (seconds) over `bounds`, +Inf last, as a histogram keeps them.
std::vector<quint64> cumulativeOf(std::vector<double> values, const std::vector<double> &bounds)
{
    std::sort(values.begin(), values.end());
    std::vector<quint64> counts(bounds.size() + 1);
    for (size_t i = 0; i < bounds.size(); ++i)
        counts[i] =
            quint64(std::upper_bound(values.begin(), values.end(), bounds[i]) - values.begin());
    counts.back() = values.size();
    return counts;
}

} // namespace

LlmReading llmReadingFromCalls(const QList<LlmCallRecord> &calls, qint64 nowMs,
                               const std::vector<double> &bounds)
{
    LlmReading reading;
    reading.ms = nowMs;
    QHash<QString, std::vector<double>> latencies;
    QHash<QString, std::vector<double>> firstTokens;
    for (const LlmCallRecord &call : calls) {
        const QString key = call.provider + QLatin1Char('\n') + call.model;
        LlmTotals &t = reading.series[key];
        t.requests += 1;
        t.retries += call.retries;
        if (call.cacheHit)
            t.cacheHits += 1;
        if (call.tokensIn > 0)
            t.promptTokens += call.tokensIn;
        if (call.tokensOut > 0)
            t.completionTokens += call.tokensOut;
        if (call.fallback)
            reading.fallbacksFrom[call.provider] += 1;
        if (!call.errorKind.isEmpty()) {
            t.failures[call.errorKind] += 1;
            continue;
        }
        t.successes += 1;
        if (call.latencyMs >= 0 && !call.cacheHit) {
            latencies[key].push_back(double(call.latencyMs) / 1000.0);
            t.latencySum += double(call.latencyMs) / 1000.0;
        }
        if (call.firstTokenMs >= 0 && !call.cacheHit) {
            firstTokens[key].push_back(double(call.firstTokenMs) / 1000.0);
            t.timeToFirstTokenSum += double(call.firstTokenMs) / 1000.0;
        }
    }
    for (auto it = reading.series.begin(); it != reading.series.end(); ++it) {
        it->latency = cumulativeOf(latencies.value(it.key()), bounds);
        it->timeToFirstToken = cumulativeOf(firstTokens.value(it.key()), bounds);
    }
    return reading;
}

QList<LlmLatencyPoint> llmLatencyFromCalls(const QList<LlmCallRecord> &calls, qint64 sinceMs,
                                           qint64 nowMs, int steps,
                                           const std::vector<double> &bounds)
{
    QList<LlmLatencyPoint> points;
    if (steps <= 0 || nowMs <= sinceMs)
        return points;
    std::vector<std::vector<double>> slices(static_cast<size_t>(steps));
    for (const LlmCallRecord &call : calls) {
        if (call.startedMs < sinceMs || call.startedMs >= nowMs || !call.errorKind.isEmpty() ||
            call.cacheHit || call.latencyMs < 0)
            continue;
        const size_t slice = size_t((call.startedMs - sinceMs) * steps / (nowMs - sinceMs));
        slices[std::min(slice, size_t(steps) - 1)].push_back(double(call.latencyMs) / 1000.0);
    }
    for (int i = 0; i < steps; ++i) {
        if (slices[size_t(i)].empty())
            continue;
        const std::vector<quint64> counts = cumulativeOf(slices[size_t(i)], bounds);
        points.append({sinceMs + (nowMs - sinceMs) * (i + 1) / steps,
                       Histogram::quantileOf(bounds, counts, 0.5),
                       Histogram::quantileOf(bounds, counts, 0.95),
                       Histogram::quantileOf(bounds, counts, 0.99)});
    }
    return points;
}

} // namespace spoon
