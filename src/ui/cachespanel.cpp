#include "cachespanel.h"

#include "metriccard.h"
#include "timeserieschart.h"

#include "monitor/processmonitor.h"
#include "telemetry/figureformat.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace spoon {

namespace {

const QColor kHitRateColor(0x05, 0x96, 0x69);

double sumOf(const QList<MetricSample> &samples)
{
    double sum = 0;
    for (const MetricSample &s : samples)
        sum += s.value;
    return sum;
}

bool isCacheFamily(const MetricFamilySnapshot &family)
{
    static const MetricDescriptor *const kCache[] = {
        &metric::kCacheHits,        &metric::kCacheMisses,  &metric::kCacheEvictions,
        &metric::kCacheExpirations, &metric::kCacheEntries, &metric::kCacheCapacity};
    for (const MetricDescriptor *cache : kCache) {
        if (family.is(*cache))
            return true;
    }
    return false;
}

// The families each pool panel reads; its tooltip gives their help.
const std::pair<const char *, QList<const MetricDescriptor *>> &poolFamilies(int index)
{
    static const std::pair<const char *, QList<const MetricDescriptor *>> kPools[] = {
        {"agents",
         {&metric::kAgentTurnsRunning, &metric::kAgentTurnsMax, &metric::kAgentTurnsQueued}},
        {"http",
         {&metric::kHttpInFlight, &metric::kHttpQueued, &metric::kHttpConnectionsOpened,
          &metric::kHttpRequests}},
        {"compute",
         {&metric::kComputeBusyWorkers, &metric::kComputeMaxWorkers, &metric::kComputeQueueDepth,
          &metric::kComputeTasks}},
        {"database",
         {&metric::kDbConnectionsOpen, &metric::kDbConnectionsInUse, &metric::kDbConnectionsIdle,
          &metric::kDbWaiters, &metric::kDbQuerySeconds}},
        {"batcher", {&metric::kLlmBatches, &metric::kLlmBatchRequests, &metric::kLlmBatchWaiting}},
    };
    return kPools[index];
}
constexpr int kPoolCount = 5;

// The pool panel a family's figures go to, when it is summed by name; empty for none (the
// batcher's families are read apart).
QString poolOf(const MetricFamilySnapshot &family)
{
    for (int i = 0; i < kPoolCount - 1; ++i) {
        const auto &[key, families] = poolFamilies(i);
        for (const MetricDescriptor *member : families) {
            if (family.is(*member))
                return QString::fromLatin1(key);
        }
    }
    return {};
}

QString poolHelp(const QString &key)
{
    QStringList lines;
    for (int i = 0; i < kPoolCount; ++i) {
        const auto &[name, families] = poolFamilies(i);
        if (key != QLatin1String(name))
            continue;
        for (const MetricDescriptor *metric : families)
            lines << QCoreApplication::translate("spoon::MetricCard", "%1: %2")
                         .arg(metricLabel(*metric), metricHelp(*metric));
    }
    return lines.join(u'\n');
}

QString number(double value)
{
    return QLocale().toString(qint64(std::llround(value)));
}

QString percent(double share)
{
    return percentText(share * 100.0, 1, QLocale());
}

} // namespace

CachesPanel::CachesPanel(const MetricsRegistry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_cacheGrid(new QGridLayout)
    , m_noCache(new QLabel(tr("No cache yet: the LLM and tool caches appear when an agent "
                              "first runs."),
                           this))
{
    setObjectName(QStringLiteral("cachesPanel"));
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("cachesContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *cachesTitle = new QLabel(tr("Caches"), content);
    cachesTitle->setObjectName(QStringLiteral("paneTitle"));
    m_noCache->setObjectName(QStringLiteral("paneSubtitle"));
    m_noCache->setWordWrap(true);
    layout->addWidget(cachesTitle);
    layout->addWidget(m_noCache);
    m_cacheGrid->setColumnStretch(0, 1);
    m_cacheGrid->setColumnStretch(1, 1);
    layout->addLayout(m_cacheGrid);
    auto *poolsTitle = new QLabel(tr("Pools"), content);
    poolsTitle->setObjectName(QStringLiteral("paneTitle"));
    layout->addWidget(poolsTitle);
    const QList<std::pair<QString, QString>> pools{{QStringLiteral("agents"), tr("Agent turns")},
                                                   {QStringLiteral("http"), tr("HTTP")},
                                                   {QStringLiteral("compute"), tr("CPU offload")},
                                                   {QStringLiteral("database"), tr("Database")},
                                                   {QStringLiteral("batcher"), tr("LLM batching")}};
    for (const auto &[key, title] : pools) {
        auto *frame = new QFrame(content);
        frame->setObjectName(QStringLiteral("metricCard"));
        auto *frameLayout = new QVBoxLayout(frame);
        auto *name = new QLabel(title, frame);
        name->setObjectName(QStringLiteral("cardTitle"));
        auto *text = new QLabel(frame);
        text->setObjectName(QStringLiteral("cardLegend"));
        text->setWordWrap(true);
        frameLayout->addWidget(name);
        frameLayout->addWidget(text);
        layout->addWidget(frame);
        frame->setToolTip(poolHelp(key));
        m_pools.insert(key, text);
    }
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    m_clock.setInterval(kSampleMs);
    connect(&m_clock, &QTimer::timeout, this,
            [this] { sample(QDateTime::currentMSecsSinceEpoch()); });
    m_clock.start();
    sample(QDateTime::currentMSecsSinceEpoch());
}

void CachesPanel::sampleWith(const ProcessMonitor &monitor)
{
    m_clock.stop();
    connect(&monitor, &ProcessMonitor::sampled, this,
            [this] { sample(QDateTime::currentMSecsSinceEpoch()); });
}

void CachesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    render();
}

void CachesPanel::sample(qint64 nowMs)
{
    QHash<QString, QHash<QByteArray, double>> pool; // pool -> figure -> value
    for (const MetricFamilySnapshot &family : m_registry.snapshot()) {
        if (isCacheFamily(family)) {
            for (const MetricSample &s : family.samples) {
                CacheFigures &c = m_caches[QString::fromUtf8(labelOf(s.labels, "cache"))];
                if (family.is(metric::kCacheHits))
                    c.hits = s.value;
                else if (family.is(metric::kCacheMisses))
                    c.misses = s.value;
                else if (family.is(metric::kCacheEvictions))
                    c.evictions = s.value;
                else if (family.is(metric::kCacheExpirations))
                    c.expirations = s.value;
                else if (family.is(metric::kCacheEntries))
                    c.entries = s.value;
                else if (family.is(metric::kCacheCapacity))
                    c.capacity = s.value;
            }
        } else if (family.is(metric::kLlmBatchRequests)) {
            for (const MetricSample &s : family.samples)
                pool[QStringLiteral("batcher")][labelOf(s.labels, "sent")] += s.value;
        } else if (family.is(metric::kLlmBatches) || family.is(metric::kLlmBatchWaiting)) {
            pool[QStringLiteral("batcher")][family.name] = sumOf(family.samples);
        } else if (const QString key = poolOf(family); !key.isEmpty()) {
            if (family.type == MetricType::Histogram) {
                for (const MetricSample &s : family.samples) {
                    if (s.histogram && s.histogram->count() > 0) {
                        pool[key][family.name + ":p50"] = s.histogram->quantile(0.5);
                        pool[key][family.name + ":p95"] = s.histogram->quantile(0.95);
                        pool[key][family.name + ":count"] = double(s.histogram->count());
                    }
                }
            } else {
                pool[key][family.name] = sumOf(family.samples);
            }
        }
    }
    for (auto it = m_caches.cbegin(); it != m_caches.cend(); ++it) {
        std::deque<CacheReading> &history = m_history[it.key()];
        history.push_back({nowMs, it->hits, it->misses});
        while (!history.empty() && history.front().ms < nowMs - kSparklineMs)
            history.pop_front();
    }

    auto figure = [&](const char *p, const MetricDescriptor &metric, const char *part = "") {
        return pool.value(QString::fromLatin1(p)).value(QByteArray(metric.name()) + part);
    };
    m_pools[QStringLiteral("agents")]->setText(
        tr("%1 of %2 turns running · %3 waiting for a slot")
            .arg(number(figure("agents", metric::kAgentTurnsRunning)),
                 number(figure("agents", metric::kAgentTurnsMax)),
                 number(figure("agents", metric::kAgentTurnsQueued))));
    m_pools[QStringLiteral("http")]->setText(
        tr("%1 in flight · %2 queued · %3 connections opened · %4 requests done")
            .arg(number(figure("http", metric::kHttpInFlight)),
                 number(figure("http", metric::kHttpQueued)),
                 number(figure("http", metric::kHttpConnectionsOpened)),
                 number(figure("http", metric::kHttpRequests))));
    m_pools[QStringLiteral("compute")]->setText(
        tr("%1 of %2 workers busy · %3 queued · %4 tasks done")
            .arg(number(figure("compute", metric::kComputeBusyWorkers)),
                 number(figure("compute", metric::kComputeMaxWorkers)),
                 number(figure("compute", metric::kComputeQueueDepth)),
                 number(figure("compute", metric::kComputeTasks))));
    const double queries = figure("database", metric::kDbQuerySeconds, ":count");
    QString database = tr("%1 open · %2 in use · %3 idle · %4 waiting")
                           .arg(number(figure("database", metric::kDbConnectionsOpen)),
                                number(figure("database", metric::kDbConnectionsInUse)),
                                number(figure("database", metric::kDbConnectionsIdle)),
                                number(figure("database", metric::kDbWaiters)));
    if (queries > 0) {
        database +=
            QStringLiteral(" · ") +
            tr("%1 jobs, p50 %2 ms, p95 %3 ms")
                .arg(number(queries),
                     QLocale().toString(figure("database", metric::kDbQuerySeconds, ":p50") * 1000,
                                        'f', 1),
                     QLocale().toString(figure("database", metric::kDbQuerySeconds, ":p95") * 1000,
                                        'f', 1));
    }
    m_pools[QStringLiteral("database")]->setText(database);
    m_pools[QStringLiteral("batcher")]->setText(
        tr("batches sent: %1 · requests that waited in a batch: %2, that left at once: %3 · "
           "waiting now: %4")
            .arg(number(figure("batcher", metric::kLlmBatches)),
                 number(pool.value(QStringLiteral("batcher")).value("in_batch")),
                 number(pool.value(QStringLiteral("batcher")).value("at_once")),
                 number(figure("batcher", metric::kLlmBatchWaiting))));
    if (isVisible())
        render();
}

// The engine's caches by what they hold; another cache shows by its registry label.
QString CachesPanel::cacheTitle(const QString &name)
{
    if (name == u"llm")
        return tr("LLM answers");
    if (name == u"tools")
        return tr("Tool results");
    if (name == u"dns")
        return tr("DNS answers");
    return name;
}

MetricCard *CachesPanel::cardFor(const QString &name)
{
    if (MetricCard *card = m_cards.value(name))
        return card;
    auto *card = new MetricCard(cacheTitle(name), QStringLiteral("100.0 %"), this);
    card->chart()->addSeries(tr("hit rate"), kHitRateColor);
    card->setPlotted({&metric::kCacheHits, &metric::kCacheMisses});
    card->chart()->setLabelTemplates(QStringLiteral("100 %"), QStringLiteral("-10 min"));
    card->setMinimumHeight(card->minimumSizeHint().height());
    const int index = int(m_cards.size());
    m_cacheGrid->addWidget(card, index / 2, index % 2);
    m_cards.insert(name, card);
    return card;
}

void CachesPanel::render()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList names = m_caches.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const CacheFigures &c = m_caches[name];
        MetricCard *card = cardFor(name);
        const double lookups = c.hits + c.misses;
        card->setHeadline(lookups > 0 ? percent(c.hits / lookups) : QStringLiteral("—"));
        card->setLegend(
            {{kHitRateColor,
              tr("hit rate · hits: %1, lookups: %2").arg(number(c.hits), number(lookups))}});
        card->setSummary(tr("%1 of %2 entries · %3 evicted · %4 expired")
                             .arg(number(c.entries), number(c.capacity), number(c.evictions),
                                  number(c.expirations)));
        QList<QPointF> points;
        for (const CacheReading &r : m_history.value(name)) {
            const double total = r.hits + r.misses;
            if (total > 0)
                points << QPointF(double(r.ms - now) / 60'000.0, r.hits / total * 100.0);
        }
        card->chart()->setTimeAxis(double(kSparklineMs) / 60'000.0, QStringLiteral("min"));
        card->chart()->setSeriesPoints(0, points);
        card->chart()->setValueAxis(100, 100, QStringLiteral("%.0f %%"));
    }
    m_noCache->setVisible(names.isEmpty());
}

QStringList CachesPanel::cacheNames() const
{
    QStringList names = m_caches.keys();
    names.sort();
    return names;
}

MetricCard *CachesPanel::cacheCard(const QString &name) const
{
    return m_cards.value(name);
}

QString CachesPanel::poolText(const QString &pool) const
{
    const QLabel *label = m_pools.value(pool);
    return label ? label->text() : QString();
}

} // namespace spoon
