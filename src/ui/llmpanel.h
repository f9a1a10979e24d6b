#pragma once

#include "llm/llmrouter.h"
#include "llm/llmusage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QTableWidget;

namespace spoon {

struct Config;
class ElidedLabel;
class MetricCard;
class TelemetryStore;

// The LLM calls of the selected window, per provider and model, from the registry (through
// LlmUsageTracker): requests per minute, time to first token and latency percentiles, tokens
// per second, tokens in and out, errors by kind, retries, fallbacks, cache hits and the
// estimated cost where the config gives prices. A chart shows p50/p95/p99 over the window.
// Refreshes once a second while shown; hidden, it costs nothing.
class LlmPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 1000;
    static constexpr int kChartSteps = 30;
    static constexpr qint64 kStoreReloadMs = 10'000; // stored calls are read at most this often
    // The table's rows, in order.
    enum Row
    {
        RequestsPerMinute,
        FirstTokenPercentiles,
        LatencyPercentiles,
        TokensPerSecond,
        TokensIn,
        TokensOut,
        Errors,
        Retries,
        Fallbacks,
        CacheHits,
        Cost,
        RowCount
    };

    LlmPanel(const LlmUsageTracker &usage, const Config &config, QWidget *parent = nullptr);

    // Windows: 1 min, 5 min and 1 h of this run (from memory); 24 h from the store's LLM
    // calls once it is open (so they outlive a restart), else from memory; 7 d from the store
    // only, and not offered without it.
    void setWindowIndex(int index);
    void setCallSource(TelemetryStore *store);
    bool drawsFromStore() const;
    int windowIndex() const;
    void refresh();
    QTableWidget *table() const { return m_table; }
    MetricCard *latencyCard() const { return m_latency; }
    QString summary() const;
    // The table's text at a row for a provider and model's column; empty when none.
    QString cell(Row row, const QString &provider, const QString &model) const;

Q_SIGNALS:
    // Stored calls for a store window arrived (or failed) and were drawn.
    void storedCallsLoaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QString costText(const QString &provider, const LlmTotals &totals, double *cost) const;
    void loadStoredCalls(qint64 sinceMs, qint64 nowMs);
    void render(const LlmReading &window, const QList<LlmLatencyPoint> &points, qint64 nowMs);

    const LlmUsageTracker &m_usage;
    const Config &m_config;
    QComboBox *m_window;
    ElidedLabel *m_summary;
    MetricCard *m_latency;
    QTableWidget *m_table;
    QTimer m_refresh;
    QPointer<TelemetryStore> m_store;
    QList<LlmCallRecord> m_storedCalls;
    int m_storedWindow = -1; // the window m_storedCalls were read for
    qint64 m_storedAtMs = 0;
    bool m_loading = false;
};

} // namespace spoon
