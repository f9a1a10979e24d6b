#include "llmstats.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

namespace spoon {

namespace {
const std::vector<double> kLatencyBuckets{0.05, 0.1, 0.25, 0.5, 0.75, 1,  1.5, 2,  3,
                                          5,    7.5, 10,   15,  20,   30, 45,  60, 120};
}

const std::vector<double> &llmLatencyBuckets()
{
    return kLatencyBuckets;
}

Counter &LlmSeries::failures(LlmError::Kind kind)
{
    return registry.counter(metric::kLlmFailures,
                            {{"provider", provider},
                             {"model", model},
                             {"kind", LlmError{kind, 0, {}, -1}.kindName().toLatin1()}});
}

LlmStats::LlmStats(MetricsRegistry &registry)
    : m_registry(registry)
{}

LlmStats::~LlmStats()
{
    qDeleteAll(m_series);
}

LlmSeries &LlmStats::series(const QString &provider, const QString &model)
{
    const QString key = provider + u'\n' + model;
    if (LlmSeries *found = m_series.value(key))
        return *found;
    const QByteArray p = provider.toUtf8();
    const QByteArray m = model.toUtf8();
    const MetricLabels labels{{"provider", p}, {"model", m}};
    MetricsRegistry &r = m_registry;
    auto *series = new LlmSeries{r.counter(metric::kLlmRequests, labels),
                                 r.counter(metric::kLlmSuccesses, labels),
                                 r.counter(metric::kLlmRetries, labels),
                                 r.counter(metric::kLlmCacheHits, labels),
                                 r.counter(metric::kLlmPromptTokens, labels),
                                 r.counter(metric::kLlmCompletionTokens, labels),
                                 r.histogram(metric::kLlmTimeToFirstToken, kLatencyBuckets, labels),
                                 r.histogram(metric::kLlmLatencySeconds, kLatencyBuckets, labels),
                                 r.histogram(metric::kLlmResponseSeconds, kLatencyBuckets, labels),
                                 r.gauge(metric::kLlmTokensPerSecond, labels),
                                 r.gauge(metric::kLlmInFlight, labels),
                                 r,
                                 p,
                                 m};
    m_series.insert(key, series);
    return *series;
}

void LlmStats::recordFallback(const QString &from, const QString &to)
{
    m_registry.counter(metric::kLlmFallbacks, {{"from", from.toUtf8()}, {"to", to.toUtf8()}}).add();
}

} // namespace spoon
