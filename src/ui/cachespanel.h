#pragma once

#include <QHash>
#include <QTimer>
#include <QWidget>

#include <deque>

class QGridLayout;
class QLabel;

namespace spoon {

class MetricCard;
class MetricsRegistry;
class ProcessMonitor;

// One card per cache the registry knows (the LLM response cache, each tool's cache, any
// other that publishes spoon_cache_*): hit rate now and over the last minutes, entries against
// capacity, evictions and expirations. Below, the pools: HTTP (in flight, queued, connections
// opened), CPU offload (busy, queued, done) and the database (in use, idle, waiters, query
// latency). Reads the registry once a second; draws only while shown.
class CachesPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSampleMs = 1000;
    static constexpr qint64 kSparklineMs = 10 * 60'000;

    explicit CachesPanel(const MetricsRegistry &registry, QWidget *parent = nullptr);

    // One reading of the registry (the panel's own clock calls it; tests call it directly).
    void sample(qint64 nowMs);
    // Reads on the monitor's samples instead of its own clock: one wake-up a second for both.
    void sampleWith(const ProcessMonitor &monitor);
    QStringList cacheNames() const;
    MetricCard *cacheCard(const QString &name) const;
    QString poolText(const QString &pool) const; // "http", "compute", "database"
    // A cache's card title: what the engine's own caches hold, in the user's language.
    static QString cacheTitle(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct CacheReading
    {
        qint64 ms;
        double hits;
        double misses;
    };
    struct CacheFigures
    {
        double hits = 0;
        double misses = 0;
        double evictions = 0;
        double expirations = 0;
        double entries = 0;
        double capacity = 0;
    };
    MetricCard *cardFor(const QString &name);
    void render();

    const MetricsRegistry &m_registry;
    QTimer m_clock;
    QHash<QString, CacheFigures> m_caches;
    QHash<QString, std::deque<CacheReading>> m_history;
    QHash<QString, MetricCard *> m_cards;
    QHash<QString, QLabel *> m_pools;
    QGridLayout *m_cacheGrid;
    QLabel *m_noCache;
};

} // namespace spoon
