#include "llmusage.h"

#include "llmcallrecord.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <algorithm>

namespace spoon {

namespace {
// The LLM call families (llm/llmstats.cpp), each labelled by provider and model; the
// batcher's spoon_llm_batch_* families carry no provider and are not read here.
bool readsFamily(const MetricDescriptor &family)
{
    static const MetricDescriptor *const kRead[] = {
        &metric::kLlmRequests,        &metric::kLlmFailures,         &metric::kLlmLatencySeconds,
        &metric::kLlmSuccesses,       &metric::kLlmRetries,          &metric::kLlmCacheHits,
        &metric::kLlmPromptTokens,    &metric::kLlmCompletionTokens, &metric::kLlmTimeToFirstToken,
        &metric::kLlmResponseSeconds, &metric::kLlmTokensPerSecond,  &metric::kLlmInFlight,
        &metric::kLlmFallbacks,
    };
    return std::find(std::begin(kRead), std::end(kRead), &family) != std::end(kRead);
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

LlmTotals LlmTotals::countersSince(const LlmTotals &e) const
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
    d.timeToFirstToken = timeToFirstToken;
    d.timeToFirstTokenSum = timeToFirstTokenSum - e.timeToFirstTokenSum;
    d.firstTokenObservations = firstTokenObservations - e.firstTokenObservations;
    d.latency = latency;
    d.latencySum = latencySum - e.latencySum;
    d.latencyObservations = latencyObservations - e.latencyObservations;
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
    timeToFirstToken.merge(o.timeToFirstToken);
    timeToFirstTokenSum += o.timeToFirstTokenSum;
    firstTokenObservations += o.firstTokenObservations;
    latency.merge(o.latency);
    latencySum += o.latencySum;
    latencyObservations += o.latencyObservations;
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
    return read(nowMs, Sketches::SinceStart, nullptr);
}

LlmReading LlmUsageTracker::read(qint64 nowMs, Sketches sketches, Seen *seenNow) const
{
    LlmReading reading;
    reading.ms = nowMs;
    auto sketchOf = [&](const Histogram &histogram) {
        if (sketches == Sketches::SinceStart)
            return histogram.sketch();
        const auto seen = m_seen.find(&histogram);
        quint64 upTo = 0;
        QuantileSketch interval =
            histogram.sketchSince(seen == m_seen.end() ? 0 : seen->second, &upTo);
        if (seenNow)
            (*seenNow)[&histogram] = upTo;
        return interval;
    };
    for (const MetricFamilySnapshot &family : m_registry.snapshot()) {
        if (!family.descriptor || !readsFamily(*family.descriptor))
            continue;
        for (const MetricSample &sample : family.samples) {
            if (family.is(metric::kLlmFallbacks)) {
                reading.fallbacksFrom[QString::fromUtf8(labelOf(sample.labels, "from"))] +=
                    sample.value;
                continue;
            }
            const QString key = QString::fromUtf8(labelOf(sample.labels, "provider")) +
                                QLatin1Char('\n') +
                                QString::fromUtf8(labelOf(sample.labels, "model"));
            LlmTotals &t = reading.series[key];
            if (family.is(metric::kLlmRequests))
                t.requests = sample.value;
            else if (family.is(metric::kLlmSuccesses))
                t.successes = sample.value;
            else if (family.is(metric::kLlmRetries))
                t.retries = sample.value;
            else if (family.is(metric::kLlmCacheHits))
                t.cacheHits = sample.value;
            else if (family.is(metric::kLlmPromptTokens))
                t.promptTokens = sample.value;
            else if (family.is(metric::kLlmCompletionTokens))
                t.completionTokens = sample.value;
            else if (family.is(metric::kLlmFailures))
                t.failures[QString::fromUtf8(labelOf(sample.labels, "kind"))] = sample.value;
            else if (family.is(metric::kLlmLatencySeconds) && sample.histogram) {
                t.latency = sketchOf(*sample.histogram);
                t.latencySum = sample.histogram->sum();
                t.latencyObservations = sample.histogram->count();
            } else if (family.is(metric::kLlmTimeToFirstToken) && sample.histogram) {
                t.timeToFirstToken = sketchOf(*sample.histogram);
                t.timeToFirstTokenSum = sample.histogram->sum();
                t.firstTokenObservations = sample.histogram->count();
            }
        }
    }
    return reading;
}

void LlmUsageTracker::record(qint64 nowMs)
{
    if (!m_readings.empty() && nowMs - m_readings.back().ms < kMinIntervalMs)
        return;
    Seen seenNow;
    LlmReading reading = read(nowMs, Sketches::SinceLastReading, &seenNow);
    const double before = m_readings.empty() ? 0.0 : m_readings.back().activity();
    if (reading.activity() == before)
        return; // nothing moved: an idle console keeps nothing
    m_readings.push_back(std::move(reading));
    m_seen = std::move(seenNow);
    if (m_readings.size() > kMaxReadings)
        m_readings.pop_front();
}

std::deque<LlmReading>::const_iterator LlmUsageTracker::firstAfter(qint64 ms) const
{
    return std::upper_bound(m_readings.begin(), m_readings.end(), ms,
                            [](qint64 t, const LlmReading &r) { return t < r.ms; });
}

LlmReading LlmUsageTracker::window(qint64 sinceMs, qint64 nowMs) const
{
    const auto after = firstAfter(sinceMs);
    if (after == m_readings.begin())
        return readNow(nowMs);
    const LlmReading &baseline = *std::prev(after);
    const LlmReading tail = read(nowMs, Sketches::SinceLastReading, nullptr);
    LlmReading delta;
    delta.ms = nowMs;
    for (auto it = tail.series.cbegin(); it != tail.series.cend(); ++it)
        delta.series.insert(it.key(), it.value().countersSince(baseline.series.value(it.key())));
    for (auto reading = after; reading != m_readings.end(); ++reading) {
        for (auto it = reading->series.cbegin(); it != reading->series.cend(); ++it) {
            LlmTotals &t = delta.series[it.key()];
            t.latency.merge(it->latency);
            t.timeToFirstToken.merge(it->timeToFirstToken);
        }
    }
    for (auto it = tail.fallbacksFrom.cbegin(); it != tail.fallbacksFrom.cend(); ++it)
        delta.fallbacksFrom.insert(it.key(), it.value() - baseline.fallbacksFrom.value(it.key()));
    return delta;
}

QList<LlmLatencyPoint> LlmUsageTracker::latencyOverTime(qint64 sinceMs, qint64 nowMs,
                                                        int steps) const
{
    QList<LlmLatencyPoint> points;
    if (steps <= 0 || nowMs <= sinceMs)
        return points;
    auto addLatency = [](const LlmReading &reading, QuantileSketch *into) {
        for (const LlmTotals &t : reading.series)
            into->merge(t.latency);
    };
    // Each reading holds the calls of the interval that ended with it.
    auto from = firstAfter(sinceMs);
    for (int i = 1; i <= steps; ++i) {
        const qint64 end = sinceMs + (nowMs - sinceMs) * i / steps;
        const auto to = i == steps ? m_readings.end() : firstAfter(end);
        QuantileSketch slice;
        for (auto reading = from; reading != to; ++reading)
            addLatency(*reading, &slice);
        if (i == steps)
            addLatency(read(nowMs, Sketches::SinceLastReading, nullptr), &slice);
        if (!slice.isEmpty())
            points.append({end, slice.quantile(0.5), slice.quantile(0.95), slice.quantile(0.99)});
        from = to;
    }
    return points;
}

LlmReading llmReadingFromCalls(const QList<LlmCallRecord> &calls, qint64 nowMs)
{
    LlmReading reading;
    reading.ms = nowMs;
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
            t.latency.add(double(call.latencyMs) / 1000.0);
            t.latencySum += double(call.latencyMs) / 1000.0;
            ++t.latencyObservations;
        }
        if (call.firstTokenMs >= 0 && !call.cacheHit) {
            t.timeToFirstToken.add(double(call.firstTokenMs) / 1000.0);
            t.timeToFirstTokenSum += double(call.firstTokenMs) / 1000.0;
            ++t.firstTokenObservations;
        }
    }
    return reading;
}

QList<LlmLatencyPoint> llmLatencyFromCalls(const QList<LlmCallRecord> &calls, qint64 sinceMs,
                                           qint64 nowMs, int steps)
{
    QList<LlmLatencyPoint> points;
    if (steps <= 0 || nowMs <= sinceMs)
        return points;
    std::vector<QuantileSketch> slices(static_cast<size_t>(steps));
    for (const LlmCallRecord &call : calls) {
        if (call.startedMs < sinceMs || call.startedMs >= nowMs || !call.errorKind.isEmpty() ||
            call.cacheHit || call.latencyMs < 0)
            continue;
        const size_t slice = size_t((call.startedMs - sinceMs) * steps / (nowMs - sinceMs));
        slices[std::min(slice, size_t(steps) - 1)].add(double(call.latencyMs) / 1000.0);
    }
    for (int i = 0; i < steps; ++i) {
        const QuantileSketch &slice = slices[size_t(i)];
        if (slice.isEmpty())
            continue;
        points.append({sinceMs + (nowMs - sinceMs) * (i + 1) / steps, slice.quantile(0.5),
                       slice.quantile(0.95), slice.quantile(0.99)});
    }
    return points;
}

} // namespace spoon
