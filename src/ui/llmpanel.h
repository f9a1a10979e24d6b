#pragma once

#include "llm/llmusage.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QTableWidget;

namespace spoon {

struct Config;
class ElidedLabel;
class MetricCard;

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

    // Windows: 1 min, 5 min, 1 h, 24 h (this run's, from memory).
    void setWindowIndex(int index);
    int windowIndex() const;
    void refresh();
    QTableWidget *table() const { return m_table; }
    MetricCard *latencyCard() const { return m_latency; }
    QString summary() const;
    // The table's text at a row for a provider and model's column; empty when none.
    QString cell(Row row, const QString &provider, const QString &model) const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    qint64 windowMs() const;
    QString costText(const QString &provider, const LlmTotals &totals, double *cost) const;

    const LlmUsageTracker &m_usage;
    const Config &m_config;
    QComboBox *m_window;
    ElidedLabel *m_summary;
    MetricCard *m_latency;
    QTableWidget *m_table;
    QTimer m_refresh;
};

} // namespace spoon
