#include "llmpanel.h"

#include "elidedlabel.h"
#include "metriccard.h"
#include "timeserieschart.h"

#include "config/config.h"
#include "storage/telemetrystore.h"
#include "telemetry/figureformat.h"
#include "telemetry/metricnames.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace spoon {

namespace {

const QColor kP50Color(0x25, 0x63, 0xeb);
const QColor kP95Color(0xf5, 0x9e, 0x0b);
const QColor kP99Color(0xdc, 0x26, 0x26);

struct WindowChoice
{
    qint64 ms;
    double unitMs;
    const char *unit;
    enum class Source
    {
        Memory,
        StoreWhenOpen, // the store's calls outlive a restart
        Store,         // longer than memory holds
    } source;
};
const WindowChoice kWindows[] = {
    {60'000, 1000, "s", WindowChoice::Source::Memory},
    {300'000, 60'000, "min", WindowChoice::Source::Memory},
    {3'600'000, 60'000, "min", WindowChoice::Source::Memory},
    {86'400'000, 3'600'000, "h", WindowChoice::Source::StoreWhenOpen},
    {7 * 86'400'000LL, 86'400'000, "d", WindowChoice::Source::Store},
};
constexpr int kStoreOnlyWindow = 4;

const WindowChoice &choiceAt(int index)
{
    return kWindows[std::clamp(index, 0, int(std::size(kWindows)) - 1)];
}

QString percentiles(const QuantileSketch &sketch)
{
    if (sketch.isEmpty())
        return QStringLiteral("—");
    return figureText(sketch.quantile(0.5), FigureUnit::Seconds, QLocale()) +
           QStringLiteral(" / ") +
           figureText(sketch.quantile(0.95), FigureUnit::Seconds, QLocale()) +
           QStringLiteral(" / ") +
           figureText(sketch.quantile(0.99), FigureUnit::Seconds, QLocale());
}

QString count(double value)
{
    return QLocale().toString(qint64(std::llround(value)));
}

} // namespace

LlmPanel::LlmPanel(const LlmUsageTracker &usage, const Config &config, QWidget *parent)
    : QWidget(parent)
    , m_usage(usage)
    , m_config(config)
    , m_window(new QComboBox(this))
    , m_summary(new ElidedLabel(this))
    , m_latency(new MetricCard(tr("Latency"), QStringLiteral("000.00 s"), this))
    , m_table(new QTableWidget(RowCount, 0, this))
{
    setObjectName(QStringLiteral("llmPanel"));
    auto *title = new QLabel(tr("LLM calls"), this);
    title->setObjectName(QStringLiteral("paneTitle"));
    m_window->setObjectName(QStringLiteral("llmWindow"));
    m_window->addItems({tr("Last minute"), tr("Last 5 minutes"), tr("Last hour"),
                        tr("Last 24 hours"), tr("Last 7 days (from the store)")});
    if (auto *model = qobject_cast<QStandardItemModel *>(m_window->model()))
        model->item(kStoreOnlyWindow)->setEnabled(false); // until the store is open
    m_summary->setObjectName(QStringLiteral("paneSubtitle"));

    TimeSeriesChart *chart = m_latency->chart();
    chart->addSeries(QStringLiteral("p50"), kP50Color);
    chart->addSeries(QStringLiteral("p95"), kP95Color);
    chart->addSeries(QStringLiteral("p99"), kP99Color);
    chart->setLabelTemplates(QStringLiteral("1000 s"), QStringLiteral("-60 min"));
    m_latency->setPlotted({&metric::kLlmLatencySeconds});

    m_table->setObjectName(QStringLiteral("llmTable"));
    m_table->setVerticalHeaderLabels({tr("Requests per minute"), tr("First token p50 / p95 / p99"),
                                      tr("Latency p50 / p95 / p99"), tr("Tokens per second"),
                                      tr("Tokens in"), tr("Tokens out"), tr("Errors"),
                                      tr("Retries"), tr("Fallbacks taken"), tr("Cache hits"),
                                      tr("Estimated cost")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_window);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(header);
    layout->addWidget(m_summary);
    layout->addWidget(m_latency, 1);
    layout->addWidget(m_table, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, &LlmPanel::refresh);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &LlmPanel::refresh);
    refresh();
}

void LlmPanel::setWindowIndex(int index)
{
    m_window->setCurrentIndex(index);
}

int LlmPanel::windowIndex() const
{
    return m_window->currentIndex();
}

void LlmPanel::setCallSource(TelemetryStore *store)
{
    m_store = store;
    m_storedWindow = -1;
    if (auto *model = qobject_cast<QStandardItemModel *>(m_window->model()))
        model->item(kStoreOnlyWindow)->setEnabled(store != nullptr);
    refresh();
}

bool LlmPanel::drawsFromStore() const
{
    return m_store && choiceAt(m_window->currentIndex()).source != WindowChoice::Source::Memory;
}

// Stored calls are read again at most every kStoreReloadMs, off the UI thread (the pool's).
void LlmPanel::loadStoredCalls(qint64 sinceMs, qint64 nowMs)
{
    const int index = m_window->currentIndex();
    if (m_loading || (m_storedWindow == index && nowMs - m_storedAtMs < kStoreReloadMs))
        return;
    m_loading = true;
    m_store->llmCalls(sinceMs).then(
        this, [this, index, nowMs](const StoreResult<QList<LlmCallRecord>> &result) {
            m_loading = false;
            m_storedCalls = result.ok() ? result.value : QList<LlmCallRecord>{};
            m_storedWindow = index;
            m_storedAtMs = nowMs;
            if (result.ok())
                refresh();
            else
                m_summary->setText(
                    tr("Cannot read the stored LLM calls: %1").arg(result.error.message));
            Q_EMIT storedCallsLoaded();
        });
}

void LlmPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_refresh.start();
}

void LlmPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh.stop();
}

QString LlmPanel::costText(const QString &provider, const LlmTotals &t, double *cost) const
{
    const ProviderConfig *found = m_config.provider(provider);
    if (!found || !found->hasPrice())
        return QStringLiteral("—");
    const ProviderConfig &priced = *found;
    const double value = t.promptTokens / 1e6 * priced.priceInputPerMillion +
                         t.completionTokens / 1e6 * priced.priceOutputPerMillion;
    *cost += value;
    return QLocale().toString(value, 'f', 4);
}

void LlmPanel::refresh()
{
    const WindowChoice &choice = choiceAt(m_window->currentIndex());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 since = now - choice.ms;
    if (!drawsFromStore()) {
        render(m_usage.window(since, now), m_usage.latencyOverTime(since, now, kChartSteps), now);
        return;
    }
    loadStoredCalls(since, now);
    if (m_storedWindow != m_window->currentIndex())
        return; // drawn when the calls arrive
    QList<LlmCallRecord> inWindow;
    for (const LlmCallRecord &call : std::as_const(m_storedCalls)) {
        if (call.startedMs >= since)
            inWindow.append(call);
    }
    render(llmReadingFromCalls(inWindow, now),
           llmLatencyFromCalls(inWindow, since, now, kChartSteps), now);
}

void LlmPanel::render(const LlmReading &window, const QList<LlmLatencyPoint> &points, qint64 now)
{
    const WindowChoice &choice = choiceAt(m_window->currentIndex());
    const double minutes = double(choice.ms) / 60'000.0;

    // The table: one column per provider and model that was called in the window.
    QStringList keys;
    for (auto it = window.series.cbegin(); it != window.series.cend(); ++it) {
        if (it.value().requests > 0 || it.value().failureCount() > 0)
            keys << it.key();
    }
    m_table->setColumnCount(int(keys.size()));
    LlmTotals all;
    double cost = 0;
    bool anyCost = false;
    for (int column = 0; column < keys.size(); ++column) {
        const QString provider = llmSeriesProvider(keys[column]);
        const QString model = llmSeriesModel(keys[column]);
        const LlmTotals &t = window.series[keys[column]];
        all.add(t);
        m_table->setHorizontalHeaderItem(
            column, new QTableWidgetItem(model.isEmpty() ? provider : provider + u'\n' + model));
        const double failed = t.failureCount();
        QString errors = count(failed);
        if (t.requests > 0 && failed > 0) {
            errors += tr(" (%1 %)").arg(QLocale().toString(failed / t.requests * 100, 'f', 0));
            QStringList kinds;
            for (auto it = t.failures.cbegin(); it != t.failures.cend(); ++it)
                kinds << it.key() + QLatin1Char(' ') + count(it.value());
            errors += QStringLiteral(": ") + kinds.join(QStringLiteral(", "));
        }
        const QString price = costText(provider, t, &cost);
        anyCost = anyCost || price != QStringLiteral("—");
        const QString texts[RowCount] = {
            QLocale().toString(t.requests / minutes, 'f', 1),
            percentiles(t.timeToFirstToken),
            percentiles(t.latency),
            t.latencySum > 0 ? QLocale().toString(t.completionTokens / t.latencySum, 'f', 1)
                             : QStringLiteral("—"),
            count(t.promptTokens),
            count(t.completionTokens),
            errors,
            count(t.retries),
            count(window.fallbacksFrom.value(provider)),
            count(t.cacheHits),
            price,
        };
        for (int row = 0; row < RowCount; ++row)
            m_table->setItem(row, column, new QTableWidgetItem(texts[row]));
    }

    // The headline figures over every provider, and the chart.
    QString text = tr("%n calls", nullptr, int(all.requests)) + QStringLiteral(" · ") +
                   tr("%1 per minute").arg(QLocale().toString(all.requests / minutes, 'f', 1));
    if (all.failureCount() > 0)
        text += QStringLiteral(" · ") + tr("%n failed", nullptr, int(all.failureCount()));
    if (all.cacheHits > 0)
        text += QStringLiteral(" · ") + tr("%n from the cache", nullptr, int(all.cacheHits));
    if (anyCost)
        text +=
            QStringLiteral(" · ") + tr("estimated cost %1").arg(QLocale().toString(cost, 'f', 4));
    if (keys.isEmpty())
        text = tr("No LLM call in this window.");
    m_summary->setText(text);

    QList<QPointF> p50, p95, p99;
    double top = 0;
    for (const LlmLatencyPoint &p : points) {
        const double x = double(p.ms - now) / choice.unitMs;
        p50 << QPointF(x, p.p50);
        p95 << QPointF(x, p.p95);
        p99 << QPointF(x, p.p99);
        top = std::max(top, p.p99);
    }
    TimeSeriesChart *chart = m_latency->chart();
    chart->setTimeAxis(double(choice.ms) / choice.unitMs, QString::fromLatin1(choice.unit));
    chart->setSeriesPoints(0, p50);
    chart->setSeriesPoints(1, p95);
    chart->setSeriesPoints(2, p99);
    chart->setValueAxis(top, 1.0, QStringLiteral("%.1f s"));
    const bool answered = all.latencyCount() > 0;
    m_latency->setHeadline(
        answered ? figureText(all.latency.quantile(0.95), FigureUnit::Seconds, QLocale())
                 : QStringLiteral("—"));
    m_latency->setLegend({{kP50Color, QStringLiteral("p50")},
                          {kP95Color, QStringLiteral("p95")},
                          {kP99Color, QStringLiteral("p99")}});
    m_latency->setSummary(answered ? tr("p95 over %n answers; first token p50 / p95 / p99 %1",
                                        nullptr, int(all.latencyCount()))
                                         .arg(percentiles(all.timeToFirstToken))
                                   : tr("No answer in this window."));
}

QString LlmPanel::summary() const
{
    return m_summary->text();
}

QString LlmPanel::cell(Row row, const QString &provider, const QString &model) const
{
    const QString header = model.isEmpty() ? provider : provider + u'\n' + model;
    for (int column = 0; column < m_table->columnCount(); ++column) {
        const QTableWidgetItem *item = m_table->horizontalHeaderItem(column);
        if (item && item->text() == header)
            return m_table->item(row, column) ? m_table->item(row, column)->text() : QString();
    }
    return {};
}

} // namespace spoon
