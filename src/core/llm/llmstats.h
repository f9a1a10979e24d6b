#pragma once

#include "llmerror.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace spoon {

class Counter;
class Gauge;
class Histogram;
class MetricsRegistry;

// The LLM figures of one provider and model, in the registry with labels provider and model.
struct LlmSeries
{
    Counter &requests;
    Counter &successes;
    Counter &retries;
    Counter &cacheHits;
    Counter &promptTokens;
    Counter &completionTokens;
    Histogram &timeToFirstToken; // seconds
    Histogram &latency;          // seconds, whole request
    Histogram &response;         // seconds the caller waited: first token if streamed, else all
    Gauge &tokensPerSecond;      // completion tokens / generation time of the last answer
    Gauge &inFlight;
    MetricsRegistry &registry;
    QByteArray provider;
    QByteArray model;

    Counter &failures(LlmError::Kind kind);
};

// The bucket bounds of the LLM latency and time-to-first-token histograms, in seconds.
const std::vector<double> &llmLatencyBuckets();

class LlmStats
{
public:
    explicit LlmStats(MetricsRegistry &registry);
    ~LlmStats();
    LlmSeries &series(const QString &provider, const QString &model);
    void recordFallback(const QString &from, const QString &to);
    MetricsRegistry &registry() { return m_registry; }

private:
    MetricsRegistry &m_registry;
    QHash<QString, LlmSeries *> m_series;
};

} // namespace spoon
