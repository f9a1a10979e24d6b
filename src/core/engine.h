#pragma once

#include "config/config.h"
#include "monitor/processmonitor.h"
#include "telemetry/metricsregistry.h"

#include <QObject>

#include <memory>

namespace spoon {

// The composition root: owns one of each engine part and wires them. The desktop console
// and headless runs build one Engine; tests build parts directly.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(Config config, QObject *parent = nullptr);
    ~Engine() override;

    void start();

    const Config &config() const { return m_config; }
    MetricsRegistry &registry() { return m_registry; }
    const MetricsRegistry &registry() const { return m_registry; }
    ProcessMonitor &monitor() { return *m_monitor; }
    // True when no provider has a key, so the built-in demo endpoint will answer.
    bool usesDemoEndpoint() const { return m_config.usableProviders().isEmpty(); }

private:
    Config m_config;
    MetricsRegistry m_registry;
    std::unique_ptr<ProcessMonitor> m_monitor;
};

} // namespace spoon
