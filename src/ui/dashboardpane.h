#pragma once

#include "storage/telemetrystore.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QButtonGroup;

namespace spoon {

class ElidedLabel;
class MetricCard;
class MetricsRegistry;
class SampleHistory;

// Live CPU, memory, disk and network charts of the engine. A change (a sample arrived, the
// window changed, the charts were resized, rollups came in) arms a one-shot frame clock
// that draws one frame for all the changes since the last, at most one per kFrameIntervalMs,
// so many samples between two frames cost one redraw. Nothing armed, nothing fires: an idle
// dashboard wakes no thread. While hidden or minimised nothing is drawn; showing it draws what it
// missed.
class DashboardPane : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kFrameIntervalMs = 250;

    struct TimeWindow
    {
        qint64 milliseconds;
        double unitMs; // x-axis unit
        const char *unit;
        // Store: only from the store's minute rollups (longer than memory holds).
        // StoreWhenOpen: from the rollups when the store is open (they outlive a restart),
        // else from memory.
        enum class Source
        {
            Memory,
            Store,
            StoreWhenOpen
        } source;
    };
    static const QList<TimeWindow> &timeWindows();

    DashboardPane(const SampleHistory &history, const MetricsRegistry &registry,
                  QWidget *parent = nullptr);
    ~DashboardPane() override;

    // The store's rollups, for the windows longer than memory holds; without it (or before
    // the store is open) those windows cannot be chosen.
    void setRollupSource(TelemetryStore *store);
    static constexpr int kRollupRefreshMs = 60'000;

    int timeWindowIndex() const { return m_windowIndex; }
    void setTimeWindowIndex(int index);
    // Whether a frame is pending: armed by a change, idle otherwise.
    bool isFrameClockRunning() const { return m_frameClock.isActive(); }
    // Something the charts show changed (the owner calls it on every new sample): draws it
    // with the next frame, kFrameIntervalMs from the first change.
    void scheduleFrame();
    // One tick of the frame clock: draws a frame if a sample arrived, the window changed or
    // the charts were resized since the last one. Returns whether it drew.
    bool renderFrameIfChanged();
    int framesRendered() const { return m_framesRendered; }
    // For tests and screenshots: the cards in order cpu, memory, disk, network.
    QList<MetricCard *> cards() const;
    MetricCard *memoryCard() const { return m_memory; }
    // The memory manager's level beside the RSS ("warning: 84 % of the 512 MiB limit");
    // empty when normal.
    void setMemoryLevel(const QString &level);

Q_SIGNALS:
    void timeWindowChanged(int index);
    void frameRendered();
    // Rollups for a store window arrived (or failed) and a frame will draw them.
    void rollupsLoaded();
    // The charts (with the machine's CPU and the network) came on screen or left it.
    void chartsShown(bool shown);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void render();
    void loadRollups();
    bool showsStoreWindow() const;
    bool drawsFromStore(const TimeWindow &window) const;
    void updateFrameClock();
    QWidget *buildHeader();

    const SampleHistory &m_history;
    const MetricsRegistry &m_registry;
    QTimer m_frameClock;
    QElapsedTimer m_sinceFrame; // since the last frame drawn
    QButtonGroup *m_windowButtons = nullptr;
    ElidedLabel *m_processLine = nullptr;
    MetricCard *m_cpu = nullptr;
    bool m_chartsShown = false;
    MetricCard *m_memory = nullptr;
    QString m_memoryLevel;
    MetricCard *m_disk = nullptr;
    MetricCard *m_network = nullptr;
    int m_windowIndex = 0;
    int m_framesRendered = 0;
    quint64 m_drawnGeneration = ~quint64(0);
    int m_drawnWindow = -1;
    int m_drawnWidth = -1;
    QWidget *m_watchedWindow = nullptr;
    QPointer<TelemetryStore> m_rollupSource;
    TelemetryStore::RollupsByName m_rollups;
    qint64 m_rollupsAtMs = 0;
    quint64 m_rollupGeneration = 0;
    quint64 m_drawnRollupGeneration = ~quint64(0);
    QTimer m_rollupRefresh;
    int m_pendingStoreWindow = -1;
};

} // namespace spoon
