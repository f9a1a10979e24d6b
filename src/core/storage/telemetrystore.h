#pragma once

#include "conversationstore.h"
#include "databasepool.h"
#include "llm/llmcallrecord.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace spoon {

struct MetricRollup
{
    QString name;
    qint64 minuteMs = 0; // the minute's start
    double average = 0.0;
    double minimum = 0.0;
    double maximum = 0.0;
};

// What the dashboard's long windows and the LLM panel read back after a restart: every LLM
// call, and per-minute rollups (avg, min, max) of the sampled figures. Rows are buffered
// and written in one transaction each: LLM calls within kLlmFlushMs, metric rows once a
// minute, as their minute closes. Rows older than the retention are pruned daily.
class TelemetryStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int kLlmFlushMs = 5000;
    static constexpr int kMetricFlushMs = 60000;

    TelemetryStore(DatabasePool &pool, int retentionDays, QObject *parent = nullptr);
    ~TelemetryStore() override;

    void recordLlmCall(const LlmCallRecord &record);
    // One sample of a figure; the minute it falls in is rolled up once the next begins.
    void addSample(const QString &name, qint64 wallClockMs, double value);
    // Writes whatever is buffered now (at quit; tests), closing the open minutes too.
    QFuture<SqlError> flush();
    // Deletes rows older than the retention; the outcome counts them.
    QFuture<StoreResult<qint64>> prune(qint64 nowMs);

    QFuture<StoreResult<QList<LlmCallRecord>>> llmCalls(qint64 sinceMs, int limit = 100000);
    QFuture<StoreResult<QList<MetricRollup>>> rollups(const QString &name, qint64 sinceMs);
    // Every figure's rollups since then, by name, in time order: one query for a dashboard.
    using RollupsByName = QHash<QString, QList<MetricRollup>>;
    QFuture<StoreResult<RollupsByName>> allRollups(qint64 sinceMs);

    int retentionDays() const { return m_retentionDays; }
    int pendingRows() const { return int(m_llmRows.size() + m_metricRows.size()); }

Q_SIGNALS:
    void writeFailed(const QString &why);

private:
    struct OpenMinute
    {
        qint64 minuteMs = 0;
        double sum = 0.0;
        double minimum = 0.0;
        double maximum = 0.0;
        int count = 0;
    };
    QFuture<SqlError> write(QList<QVariantList> llmRows, QList<QVariantList> metricRows);
    void closeMinute(const QString &name, const OpenMinute &minute);

    DatabasePool &m_pool;
    int m_retentionDays;
    QList<QVariantList> m_llmRows;
    QList<QVariantList> m_metricRows;
    QHash<QString, OpenMinute> m_open;
    QTimer m_llmTimer;
    QTimer m_metricTimer;
    QTimer m_pruneTimer;
};

} // namespace spoon
