#pragma once

#include "processsampler.h"
#include "samplehistory.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace spoon {

class Counter;
class Gauge;
class Histogram;
class MetricsRegistry;

// Samples this process on a timer, keeps the bounded history and publishes every figure
// into the metrics registry. It keeps sampling whether or not anything is on screen: the
// history (the dashboard's windows and system-info) depends on it, and a sample costs
// microseconds.
class ProcessMonitor : public QObject
{
    Q_OBJECT
public:
    ProcessMonitor(MetricsRegistry &registry, int intervalMs, qsizetype historyCapacity,
                   std::unique_ptr<ProcessSampler> sampler = nullptr, QObject *parent = nullptr);
    ~ProcessMonitor() override;

    void start();
    // The dashboard's charts are on screen: the machine's CPU and the network are read every
    // sample, not every fifth.
    void setChartsShown(bool shown) { m_sampler->setChartsShown(shown); }
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    int intervalMs() const { return m_timer.interval(); }

    // Takes one sample now, outside the timer. Used at start-up and by system-info.
    ProcessSample sampleNow();
    const SampleHistory &history() const { return m_history; }

Q_SIGNALS:
    void sampled();

private:
    struct Published;
    void publish(const ProcessSample &sample);

    MetricsRegistry &m_registry;
    std::unique_ptr<ProcessSampler> m_sampler;
    SampleHistory m_history;
    QTimer m_timer;
    std::unique_ptr<Published> m_published;
};

} // namespace spoon
